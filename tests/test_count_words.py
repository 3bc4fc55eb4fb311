"""Counts in what the command line prints name one thing in the singular: "1 node",
"1 edge", "1 warning", "1 document"."""

import json

from argmap.cli import main
from argmap.formats import native
from argmap.render.text import counted


def _run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _saved(tmp_path, nodes, edges=()):
    path = tmp_path / "counts.argmap"
    data = {
        "format": "argmap",
        "version": 1,
        "nodes": [{"id": n, "kind": kind, "text": f"Statement {n}"} for n, kind in nodes],
        "edges": [{"source": s, "target": t, "relation": "supports"} for s, t in edges],
    }
    path.write_text(json.dumps(data))
    return path


def test_counted_names_one_thing_in_the_singular():
    """counted() says '1 node', '0 nodes', '2 nodes', and takes an irregular plural."""
    assert [counted(n, "node") for n in (0, 1, 2)] == ["0 nodes", "1 node", "2 nodes"]
    assert counted(1, "weak spot") == "1 weak spot"
    assert counted(3, "copy", "copies") == "3 copies"


def test_validate_counts_one_node_edge_and_warning(capsys, tmp_path):
    """validate says '1 node, 0 edges' and '3 nodes, 1 edge, 1 warning'."""
    lone = _saved(tmp_path, [("a", "claim")])
    assert _run(capsys, "validate", lone)[1] == f"{lone}: valid (1 node, 0 edges)\n"
    stray = _saved(tmp_path, [("a", "claim"), ("b", "claim"), ("e", "evidence")], [("b", "a")])
    out = _run(capsys, "validate", stray)[1]
    assert out.splitlines()[0] == f"{stray}: valid (3 nodes, 1 edge, 1 warning)"


def test_validate_counts_one_warning_past_the_listed_ones(capsys, tmp_path):
    """Past the 50 warnings listed, one more is '... and 1 more warning'."""
    nodes = [("a", "claim")] + [(f"e{n}", "evidence") for n in range(50)]  # 51 strays
    out = _run(capsys, "validate", _saved(tmp_path, nodes))[1]
    assert "(51 nodes, 0 edges, 51 warnings)" in out.splitlines()[0]
    assert out.splitlines()[-1] == "  ... and 1 more warning"


def test_convert_and_export_count_one_node_and_edge(capsys, tmp_path):
    """convert says '2 nodes, 1 edge'; a DOT export of one card says '1 node'."""
    path = _saved(tmp_path, [("a", "claim"), ("b", "claim")], [("b", "a")])
    out = _run(capsys, "convert", path, tmp_path / "counts.argdown")[1]
    assert out.endswith("(2 nodes, 1 edge)\n")
    lone = _saved(tmp_path, [("a", "claim")])
    out = _run(capsys, "export", lone, "-o", tmp_path / "lone.dot")[1]
    assert out == f"wrote {tmp_path / 'lone.dot'} (dot, 1 node)\n"


def test_draft_counts_one_document(capsys, tmp_path):
    """A draft from one document says 'from 1 document'."""
    doc = tmp_path / "article.txt"
    doc.write_text(
        "Police should get access to encrypted phones. Strong encryption protects everyone. "
        "Backdoors weaken the security of all users because criminals find them too."
    )
    code, out, err = _run(capsys, "draft", doc, "-o", tmp_path / "draft.argmap")
    assert code == 0, err
    assert out.rstrip().endswith("from 1 document)")
    amap = native.load(tmp_path / "draft.argmap")
    edges = amap.graph.number_of_edges()
    words = f"({counted(len(amap), 'draft node')}, {counted(edges, 'draft relation')}"
    assert words in out
