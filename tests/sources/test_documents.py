"""Tests of source documents, spans and loading documents from files."""

import pytest

from argmap.errors import FormatError, ModelError
from argmap.model import ArgumentMap, RemoveNode
from argmap.sources.documents import (
    SourceDocument,
    add_document_command,
    check_span,
    find_quote,
    load_document,
    make_span,
    markdown_title,
    slug,
    span_at,
)

TEXT = "Officials said “encryption hinders police.” Critics said encryption protects speech."


@pytest.fixture
def doc():
    return SourceDocument("d1", "Report", TEXT, {"publisher": "Example Press"})


def test_make_span_finds_the_quote_and_its_offsets(doc):
    """A span made from a quote has the offsets where the quote really is."""
    span = make_span(doc, "encryption protects speech")
    assert span == {"doc": "d1", "start": 57, "end": 83, "quote": "encryption protects speech"}
    assert TEXT[57:83] == "encryption protects speech"


def test_make_span_keeps_curly_quotes(doc):
    """Quotes with curly quotation marks are matched character for character."""
    span = make_span(doc, "“encryption hinders police.”")
    assert TEXT[span["start"]] == "\u201c" and TEXT[span["end"] - 1] == "\u201d"


def test_make_span_refuses_an_absent_quote(doc):
    """A quote that is not in the text is an error, not a guess."""
    with pytest.raises(ModelError, match="not found"):
        make_span(doc, "encryption hinders the police")


def test_make_span_refuses_an_ambiguous_quote_without_an_index(doc):
    """A quote found twice needs an occurrence index."""
    with pytest.raises(ModelError, match="2 times"):
        make_span(doc, "said")
    first = make_span(doc, "said", occurrence=0)
    second = make_span(doc, "said", occurrence=1)
    assert (first["start"], second["start"]) == (10, 52)
    with pytest.raises(ModelError, match="no occurrence 2"):
        make_span(doc, "said", occurrence=2)


def test_make_span_refuses_an_empty_quote(doc):
    """An empty quote is never a span."""
    with pytest.raises(ModelError):
        make_span(doc, "")


def test_find_quote_counts_overlapping_occurrences():
    """Overlapping occurrences are all found, so ambiguity is never missed."""
    assert find_quote("aaa", "aa") == [0, 1]


def test_span_at_checks_bounds(doc):
    """Offsets outside the text or reversed are refused."""
    assert span_at(doc, 0, 9)["quote"] == "Officials"
    for start, end in ((5, 2), (0, len(TEXT) + 1), (-1, 3)):
        with pytest.raises(ModelError):
            span_at(doc, start, end)


def test_check_span_detects_drift(doc):
    """A span whose quote no longer matches the text is reported."""
    span = make_span(doc, "Critics")
    assert check_span(doc, span) is span
    with pytest.raises(ModelError, match="does not match"):
        check_span(doc, dict(span, start=span["start"] + 1, end=span["end"] + 1))
    with pytest.raises(ModelError, match="refer"):
        check_span(doc, dict(span, doc="other"))


def test_record_round_trip_and_plain_dicts(doc):
    """A document becomes the plain dict a map stores, and back."""
    record = doc.to_record()
    assert record == {"id": "d1", "title": "Report", "text": TEXT, "publisher": "Example Press"}
    assert SourceDocument.from_record(record) == doc
    assert make_span(record, "Critics") == make_span(doc, "Critics")


def test_metadata_cannot_shadow_the_text():
    """Metadata named like a core field is refused."""
    with pytest.raises(ModelError):
        SourceDocument("d1", "t", "x", {"text": "other"})
    with pytest.raises(ModelError):
        SourceDocument("", "t", "x")


def test_add_document_command_is_undoable(doc):
    """Adding a document goes through the model's undoable command."""
    amap = ArgumentMap()
    command = amap.apply(add_document_command(doc))
    assert amap.documents["d1"]["text"] == TEXT
    node = amap.add_node(
        "claim",
        "Encryption protects speech",
        sources=[make_span(doc, "encryption protects speech")],
    )
    assert amap.node(node)["sources"][0]["start"] == 57
    amap.apply(RemoveNode(node))
    command.undo(amap)
    assert "d1" not in amap.documents


def test_load_text_file_keeps_text_exactly(tmp_path):
    """A UTF-8 file loads with its text unchanged, line breaks included."""
    raw = "First line “quoted”.\r\n\r\nADVERTISEMENT\r\nLast — line.".encode()
    path = tmp_path / "My Report.txt"
    path.write_bytes(raw)
    loaded = load_document(path)
    assert loaded.text.encode("utf-8") == raw
    assert (loaded.id, loaded.title) == ("my-report", "My Report")


def test_load_markdown_takes_the_heading_as_title(tmp_path):
    """A Markdown file's first heading becomes its title."""
    path = tmp_path / "notes.md"
    path.write_text("Intro.\n\n## Lawful access ##\n\nText.\n", encoding="utf-8")
    assert load_document(path).title == "Lawful access"
    assert markdown_title("no heading here") is None


@pytest.mark.parametrize(
    "content, message",
    [
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"a\x00b", "NUL"),
    ],
)
def test_load_refuses_bad_files(tmp_path, content, message):
    """Non-UTF-8, empty and NUL-holding files give a FormatError naming the file."""
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(FormatError, match=message) as info:
        load_document(path)
    assert info.value.file == str(path)


def test_load_refuses_a_too_big_file(tmp_path, monkeypatch):
    """A file over the size cap is refused before it is decoded."""
    import argmap.sources.documents as documents

    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 1024 * 1024)
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300_000)
    with pytest.raises(FormatError, match="larger than"):
        load_document(path)


def test_load_refuses_other_suffixes_and_missing_files(tmp_path):
    """Only text and Markdown files are documents; a missing file is a FormatError."""
    with pytest.raises(FormatError, match="not a text"):
        load_document(tmp_path / "report.pdf")
    with pytest.raises(FormatError, match="cannot read"):
        load_document(tmp_path / "missing.txt")


def test_slug():
    """Ids made from file names are short and plain."""
    assert slug("004_a1cfe0c84c2564aa") == "004-a1cfe0c84c2564aa"
    assert slug("???") == "doc"
