"""Running Graphviz: timeout, missing program, failures that keep the old file."""

import errno
import os
import time

import pytest
from render_helpers import rich_map

from argmap.errors import GraphvizMissingError, RenderError
from argmap.outputs.export import export_file
from argmap.render import graphviz
from argmap.render.graphviz import (
    MAX_OUTPUT_BYTES,
    _fix_dates,
    run_graphviz,
    stop_all,
    write_graphviz,
)
from argmap.render.options import ExportOptions


def _fake_dot(folder, body, monkeypatch):
    """Put a shell script called dot first on PATH."""
    script = folder / "dot"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin")
    return script


def _gone(pid, wait=3.0):
    end = time.monotonic() + wait
    while time.monotonic() < end:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().split(") ")[1].startswith("Z"):
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def test_hanging_dot_is_killed_at_the_timeout(tmp_path, monkeypatch):
    """A dot that never ends is stopped, with what it started, after the timeout."""
    pidfile = tmp_path / "child.pid"
    _fake_dot(tmp_path, f"sleep 60 &\necho $! > {pidfile}\nwait", monkeypatch)
    start = time.monotonic()
    with pytest.raises(RenderError, match="longer than 1 s"):
        run_graphviz("digraph {}", "svg", timeout=1)
    assert time.monotonic() - start < 5
    assert _gone(int(pidfile.read_text()))


def test_missing_dot_names_the_install_command(tmp_path, monkeypatch):
    """Without dot on PATH the error says how to install Graphviz."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizMissingError, match="sudo apt-get install graphviz"):
        export_file(rich_map(), tmp_path / "m.svg", ExportOptions())
    assert not (tmp_path / "m.svg").exists()


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "echo '<svg partial'; echo 'Error: syntax error in line 1' >&2; exit 1",
            "exit code 1.*syntax error",
        ),
        ("cat > /dev/null; echo 'not an image'", "no valid SVG"),
        ("kill -9 $$", "exit code -9"),
    ],
)
def test_failing_dot_keeps_the_old_file(tmp_path, monkeypatch, body, message):
    """A failing or lying dot raises RenderError and leaves the existing output untouched."""
    out = tmp_path / "map.svg"
    out.write_bytes(b"old picture")
    _fake_dot(tmp_path, body, monkeypatch)
    with pytest.raises(RenderError, match=message):
        export_file(rich_map(), out, ExportOptions())
    assert out.read_bytes() == b"old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dot", "map.svg"]


def test_environment_forbids_local_files(tmp_path, monkeypatch):
    """dot runs with SERVER_NAME set, no GV_FILE_PATH, and list arguments."""
    record = tmp_path / "env.txt"
    monkeypatch.setenv("GV_FILE_PATH", str(tmp_path))
    _fake_dot(tmp_path, f'env > {record}; echo "$@" >> {record}; echo "<svg/>"', monkeypatch)
    run_graphviz("digraph {}", "svg", ["-Gdpi=72"])
    seen = record.read_text()
    assert "SERVER_NAME=argmap" in seen and "SOURCE_DATE_EPOCH=0" in seen
    assert "GV_FILE_PATH" not in seen
    assert "-Tsvg -Gdpi=72" in seen


@pytest.mark.graphviz
@pytest.mark.parametrize("write", [False, True], ids=["in memory", "into a file"])
def test_graphviz_loads_no_local_file(tmp_path, monkeypatch, write):
    """An image named in DOT, even in the working folder, is not read: file loading is off."""
    import struct
    import zlib

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )
    (tmp_path / "secret.png").write_bytes(png)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GV_FILE_PATH", str(tmp_path))
    source = (
        f'digraph {{ a [image="{tmp_path / "secret.png"}", label=""]; '
        'b [image="secret.png", label=""]; }'
    )
    if write:
        write_graphviz(source, "svg", tmp_path / "out.svg")
        svg = (tmp_path / "out.svg").read_bytes()
    else:
        svg = run_graphviz(source, "svg")
    assert b"<svg" in svg and b"<image" not in svg


def test_pdf_dates_are_fixed_keeping_length():
    """cairo's creation date is replaced by a fixed one of the same length."""
    pdf = b"%PDF-1.5\n<< /CreationDate (D:20261123184810Z) >>"
    fixed = _fix_dates(pdf)
    assert fixed == b"%PDF-1.5\n<< /CreationDate (D:19700101000000Z) >>"
    assert len(fixed) == len(pdf)


def test_flooding_dot_is_stopped_at_the_output_cap(tmp_path, monkeypatch):
    """A dot that writes without end is stopped once its output passes the cap."""
    pidfile = tmp_path / "dot.pid"
    _fake_dot(tmp_path, f"echo $$ > {pidfile}\nexec cat /dev/zero", monkeypatch)
    start = time.monotonic()
    with pytest.raises(RenderError, match="wrote more than 8 MiB and was stopped"):
        run_graphviz("digraph {}", "svg", max_output=8 * 1024 * 1024, timeout=30)
    assert time.monotonic() - start < 10
    assert _gone(int(pidfile.read_text()))


def test_default_output_cap_is_bounded():
    """The cap is finite and larger than any PNG argmap draws (250 Mpx, compressed)."""
    assert 64 * 1024 * 1024 <= MAX_OUTPUT_BYTES <= 1024 * 1024 * 1024


def test_flooding_messages_are_read_but_not_kept(tmp_path, monkeypatch):
    """Megabytes on stderr neither block dot nor fill memory; the first lines are shown."""
    _fake_dot(tmp_path, "head -c 20000000 /dev/zero | tr '\\0' 'e' >&2; exit 3", monkeypatch)
    with pytest.raises(RenderError, match="exit code 3") as error:
        run_graphviz("digraph {}", "svg", timeout=30)
    assert len(str(error.value)) < 70_000


def test_large_input_is_fed_while_output_is_read(tmp_path, monkeypatch):
    """Input and output larger than a pipe's buffer pass without a deadlock."""
    _fake_dot(tmp_path, "echo '<svg>'; cat; cat /dev/null", monkeypatch)
    source = "digraph {}\n" + "// padding\n" * 500_000
    out = run_graphviz(source, "svg", timeout=30)
    assert out.startswith(b"<svg>") and len(out) == len(source.encode()) + 6


def test_stop_all_kills_running_dot(tmp_path, monkeypatch):
    """stop_all() (called on SIGTERM/SIGHUP and at exit) ends a dot running in a thread."""
    import threading

    pidfile = tmp_path / "dot.pid"
    _fake_dot(tmp_path, f"echo $$ > {pidfile}\nsleep 60", monkeypatch)
    errors = []

    def run():
        try:
            run_graphviz("digraph {}", "svg", timeout=60)
        except RenderError as exc:
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    end = time.monotonic() + 5
    while not pidfile.exists() or not pidfile.read_text().strip():
        assert time.monotonic() < end
        time.sleep(0.05)
    stop_all()
    worker.join(10)
    assert not worker.is_alive()
    assert _gone(int(pidfile.read_text()))
    assert errors and "exit code -9" in str(errors[0])


# -------------------------------------------------- Graphviz writing a file itself
def test_written_file_matches_the_output_in_memory(tmp_path):
    """The file gets the same SVG as Graphviz gives in memory."""
    source = 'digraph { a [label="Encryption"]; a -> b; b -> c; }\n'
    out = tmp_path / "out.svg"
    write_graphviz(source, "svg", out, ["-Gdpi=72"])
    assert out.read_bytes() == run_graphviz(source, "svg", ["-Gdpi=72"])


def test_hanging_dot_writing_a_file_is_killed_at_the_timeout(tmp_path, monkeypatch):
    """A dot that never ends, or never reads its input, is stopped after the timeout."""
    pidfile = tmp_path / "child.pid"
    _fake_dot(tmp_path, f"sleep 60 &\necho $! > {pidfile}\nwait", monkeypatch)
    start = time.monotonic()
    with pytest.raises(RenderError, match="longer than 1 s"):
        write_graphviz(
            "digraph {\n" + "// padding\n" * 100_000 + "}\n", "svg", tmp_path / "out.svg", timeout=1
        )
    assert time.monotonic() - start < 5
    assert _gone(int(pidfile.read_text()))


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "cat > /dev/null; echo 'Error: syntax error in line 1' >&2; exit 1",
            "exit code 1.*syntax error",
        ),
        ("cat > /dev/null; echo 'not an image'", "no valid SVG"),
        ("cat > /dev/null", "no valid SVG"),
        ("head -c 20000000 /dev/zero | tr '\\0' 'e' >&2; exit 3", "exit code 3"),
    ],
)
def test_failing_dot_writing_a_file_says_why(tmp_path, monkeypatch, body, message):
    """A failing or lying dot raises RenderError with its first lines, kept short."""
    _fake_dot(tmp_path, body, monkeypatch)
    with pytest.raises(RenderError, match=message) as error:
        write_graphviz("digraph {}", "svg", tmp_path / "out.svg", timeout=30)
    assert len(str(error.value)) < 70_000


@pytest.mark.graphviz
def test_a_full_disk_under_graphviz_stops_it_and_says_so(tmp_path):
    """Graphviz's output is copied as it comes: a full disk (here /dev/full) stops Graphviz
    and raises the OSError, where Graphviz writing the file itself would end well."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    source = "digraph {\n" + "".join(f"n{i} -> n{i + 1};\n" for i in range(300)) + "}\n"
    with pytest.raises(OSError) as error:
        write_graphviz(source, "svg", "/dev/full", timeout=60)
    assert error.value.errno == errno.ENOSPC
    assert not graphviz._RUNNING


@pytest.mark.graphviz
@pytest.mark.parametrize("suffix", ["svg", "png", "dot"])
def test_an_export_on_a_full_disk_keeps_the_old_file(tmp_path, monkeypatch, suffix):
    """A disk that fills while the picture is written: a plain reason, the old file as it
    was, no temp file left."""
    import builtins

    from argmap.errors import SaveError
    from argmap.outputs import export

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(
        graphviz,
        "open",
        lambda path, mode: builtins.open("/dev/full", mode),  # noqa: SIM115
        raising=False,
    )
    monkeypatch.setattr(export, "write_verified", full)
    out = tmp_path / f"map.{suffix}"
    out.write_bytes(b"old picture")
    with pytest.raises(SaveError, match="the disk is full"):
        export_file(rich_map(), out, ExportOptions(layout="auto"))
    assert out.read_bytes() == b"old picture"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".map")]


def test_without_process_groups_graphviz_itself_is_stopped(monkeypatch):
    """Where there are no process groups (Windows), Graphviz alone is killed."""
    monkeypatch.delattr(os, "killpg")
    proc = graphviz._started(("dot", "-Tsvg"))
    graphviz._kill_group(proc)
    graphviz._close_pipes(proc)
    assert proc.returncode is not None and _gone(proc.pid)
