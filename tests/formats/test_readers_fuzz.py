"""Readers under fuzzing: random bytes and mutated valid files give a typed error or a valid
map, within a bound on CPU time; every reader refuses a FIFO and an oversized file before
parsing."""

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import FormatError
from argmap.formats import native
from argmap.recovery import RecoveryStore
from argmap.sources import documents

#: Longest one reader call may take on a small input (seconds). Measured in CPU time of the
#: reading thread, which a busy machine does not stretch, except where the test is that
#: the reader does not wait (a FIFO), which only the clock shows.
BOUND = 2.0
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def valid_text():
    """A small valid file using most fields."""
    doc = "Encryption protects journalists."
    data = {
        "format": "argmap",
        "version": 1,
        "map": {"title": "T"},
        "extra": [1],
        "nodes": [
            {"id": "c", "kind": "claim", "text": "C", "pos": [1, 2], "rating": 3},
            {
                "id": "e",
                "kind": "evidence",
                "text": "E",
                "basis": "quote",
                "sources": [{"doc": "d", "start": 0, "end": 10, "quote": doc[:10]}],
            },
        ],
        "edges": [{"source": "e", "target": "c", "relation": "supports", "strength": 1}],
        "documents": [{"id": "d", "title": "D", "text": doc}],
    }
    return json.dumps(data, indent=1)


VALID = valid_text()


def _typed_or_valid(read, arg):
    """Call a reader; it must return or raise FormatError, quickly."""
    start = time.thread_time()
    try:
        result = read(arg)
    except FormatError as exc:
        assert "\n" not in str(exc)
        result = None
    assert time.thread_time() - start < BOUND
    return result


@FUZZ
@given(st.binary(max_size=2000))
def test_native_random_bytes(tmp_path, data):
    """Random bytes never crash the native reader."""
    path = tmp_path / "fuzz.argmap"
    path.write_bytes(data)
    amap = _typed_or_valid(native.load, path)
    assert amap is None or amap.check_invariants() == []


@st.composite
def mutated(draw, text=VALID):
    """A valid file with a few characters replaced, inserted or removed."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(chars) - 1))
        action = draw(st.sampled_from(["replace", "insert", "delete", "digits"]))
        piece = draw(
            st.sampled_from(
                list('{}[]",:0-e.9 \\n') + ["1" * 400, "null", "true", "\x1b", "\u202e", "]"]
            )
        )
        if action == "replace":
            chars[at] = piece
        elif action == "insert":
            chars.insert(at, piece)
        elif action == "digits":
            chars.insert(at, "9" * draw(st.integers(300, 500)))
        else:
            del chars[at]
    return "".join(chars)


@FUZZ
@given(mutated())
def test_native_mutated_files(tmp_path, text):
    """Mutated valid files give a FormatError or a map that passes its invariants."""
    amap = _typed_or_valid(lambda t: native.loads(t, "m.argmap"), text)
    assert amap is None or amap.check_invariants() == []


@FUZZ
@given(st.binary(max_size=2000))
def test_documents_random_bytes(tmp_path, data):
    """Random bytes as a text or Markdown document give a document or a FormatError."""
    for name in ("fuzz.txt", "fuzz.md"):
        path = tmp_path / name
        path.write_bytes(data)
        _typed_or_valid(documents.load_document, path)


@FUZZ
@given(st.binary(max_size=400), mutated())
def test_recovery_copies_random_and_mutated(tmp_path, header, body):
    """A damaged recovery copy is skipped when listing and refused with FormatError on load."""
    store = RecoveryStore(tmp_path / "rec")
    os.makedirs(store.folder, exist_ok=True)
    path = os.path.join(store.folder, "x.argmap-recovery")
    with open(path, "wb") as handle:
        handle.write(header + b"\n" + body.encode("utf-8", "surrogatepass"))
    start = time.thread_time()
    store.copies()
    _typed_or_valid(store.load, path)
    assert time.thread_time() - start < BOUND


@pytest.mark.parametrize(
    "read, name", [(native.load, "m.argmap"), (documents.load_document, "d.txt")]
)
def test_readers_refuse_a_fifo_without_blocking(tmp_path, read, name):
    """A FIFO in place of a file is refused at once (no writer needed to unblock it)."""
    path = tmp_path / name
    os.mkfifo(path)
    start = time.monotonic()
    with pytest.raises(FormatError, match="not a regular file"):
        read(path)
    assert time.monotonic() - start < BOUND


@pytest.mark.parametrize(
    "read, cap", [(native.load, "MAX_BYTES"), (documents.load_document, "MAX_DOCUMENT_BYTES")]
)
def test_readers_refuse_an_oversized_file_before_reading_it(tmp_path, monkeypatch, read, cap):
    """A file above the cap is refused from its size alone, without reading it into memory."""
    module = native if cap == "MAX_BYTES" else documents
    monkeypatch.setattr(module, cap, 1000)
    path = tmp_path / ("big.argmap" if module is native else "big.txt")
    with open(path, "wb") as handle:
        handle.truncate(10 * 1024**3)  # a sparse 10 GiB file
    with pytest.raises(FormatError, match="larger than"):
        read(path)


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "argmap", "version": 1, "nodes": [], "edges": [], "x": ' + "[" * 50000,
        '{"format": "argmap", "version": 1, "nodes": [' + '{"id": "a"},' * 20000 + "]}",
        '"' + "\\u0000" * 200000 + '"',
        '{"format": "argmap", "version": 1, "nodes": [], "edges": [], "n": ' + "1" * 4000 + "}",
    ],
)
def test_native_pathological_inputs_are_quick(text):
    """Deep nesting, many bad records, long escapes and huge numbers are refused quickly."""
    start = time.thread_time()
    with pytest.raises(FormatError):
        native.loads(text, "m.argmap")
    assert time.thread_time() - start < BOUND
