"""The ``argmap`` command line: an argparse front end over the model, formats and renderer.

Exit codes: 0 success, 1 invalid input (a bad file, a failed export), 2 usage,
129/143 ended by SIGHUP/SIGTERM, 130 Ctrl+C, 141 output pipe closed. Text from
files is shown with control characters escaped (:mod:`argmap.terminal`).
It never imports the GUI.
"""

import argparse
import sys
from collections import Counter

from argmap import __version__
from argmap.cli_debate import COMMANDS as DEBATE_COMMANDS
from argmap.cli_debate import MAP_FILE_HELP, read_map
from argmap.desktop import install_desktop
from argmap.errors import ArgmapError
from argmap.fileio import refuse_existing
from argmap.formats import FORMATS, load_any, native, save_any
from argmap.model import KINDS, RELATIONS, ArgumentMap, queries
from argmap.outputs.export import export_file
from argmap.render.options import ExportOptions
from argmap.render.text import counted
from argmap.sources.compare import score_draft
from argmap.sources.documents import load_document
from argmap.sources.draft import draft_map
from argmap.terminal import SafeWriter, run_quietly, shown, signals_end_cleanly

#: Warnings ``validate`` lists one by one; past that it gives their number.
MAX_WARNINGS = 50


# ------------------------------------------------------------------ info
def _add_info(sub):
    p = sub.add_parser(
        "info",
        help="show counts, main claims and problems of a map",
        description="Show what a map holds: nodes by kind, edges by relation, "
        "its main claims and any structural problems.",
    )
    p.add_argument("file", help=MAP_FILE_HELP)


def _run_info(args, out):
    amap = read_map(args.file)
    graph = amap.graph
    kinds = Counter(a["kind"] for _, a in graph.nodes(data=True))
    relations = Counter(a["relation"] for _, _, a in graph.edges(data=True))
    print(f"title: {shown(amap.title) or '(untitled)'}", file=out)
    print(f"nodes: {len(graph)} (" + ", ".join(f"{k} {kinds[k]}" for k in KINDS) + ")", file=out)
    print(
        f"edges: {len(graph.edges)} (" + ", ".join(f"{r} {relations[r]}" for r in RELATIONS) + ")",
        file=out,
    )
    print(f"documents: {len(amap.documents)}", file=out)
    for node in queries.main_claims(amap):
        print(f"main claim {shown(node)}: {shown(graph.nodes[node]['text'])}", file=out)
    found = queries.problems(amap)
    print(f"problems: {len(found)}", file=out)
    for remark in found:
        print(f"  {shown(remark)}", file=out)
    return 0


# -------------------------------------------------------------- validate
def _add_validate(sub):
    p = sub.add_parser(
        "validate",
        help="check a map file; exit 1 with the reason if it is broken",
        description="Check a map file strictly: structure, ids, edges and "
        "source quotes. Exit 0 if valid, 1 with the reason if not. "
        "Structural warnings (circles, no main claim, nodes that bear "
        "on nothing) are printed but keep exit 0 unless --strict.",
    )
    p.add_argument("file", help=MAP_FILE_HELP)
    p.add_argument("--strict", action="store_true", help="exit 1 when there is any warning")


def _run_validate(args, out):
    amap = read_map(args.file)
    warnings = queries.problems(amap)
    counts = [counted(len(amap), "node"), counted(len(amap.graph.edges), "edge")]
    counts += [counted(len(warnings), "warning")] if warnings else []
    print(f"{shown(args.file)}: valid ({', '.join(counts)})", file=out)
    for remark in warnings[:MAX_WARNINGS]:
        print(f"  warning: {shown(remark)}", file=out)
    if len(warnings) > MAX_WARNINGS:
        print(f"  ... and {counted(len(warnings) - MAX_WARNINGS, 'more warning')}", file=out)
    return 1 if warnings and args.strict else 0


# ------------------------------------------------------------------- new
def _add_new(sub):
    p = sub.add_parser(
        "new",
        help="create a map with one main claim",
        description="Create a new map file holding one main claim.",
    )
    p.add_argument("file", help="the .argmap file to create")
    p.add_argument("--claim", required=True, help="the text of the main claim")
    p.add_argument("--title", default="", help="the map's title (default: the claim)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")


def _run_new(args, out):
    refuse_existing(args.file, args.force)
    amap = ArgumentMap(args.title or args.claim)
    amap.add_node("claim", args.claim)
    native.save(amap, args.file, overwrite=args.force)
    print(f"created {args.file}", file=out)
    return 0


# ---------------------------------------------------------------- export
def _add_export(sub):
    p = sub.add_parser(
        "export",
        help="draw a map as PNG, SVG, PDF or DOT",
        description="Draw a map with Graphviz. The format follows OUT's suffix "
        "unless --format is given.",
    )
    p.add_argument("file", help=MAP_FILE_HELP)
    p.add_argument("-o", "--output", required=True, help="the picture to write")
    p.add_argument("--format", choices=("png", "svg", "pdf", "dot"))
    p.add_argument("--dpi", type=int, help="resolution of a PNG (default: chosen for the size)")
    p.add_argument(
        "--direction",
        choices=("TB", "BT", "LR", "RL"),
        default="TB",
        help="which way arguments flow (default TB: main claim on top)",
    )
    p.add_argument("--root", help="draw only this node and what bears on it")
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")
    p.add_argument(
        "--color-by",
        choices=("kind", "evaluation"),
        default="kind",
        help="colour nodes by kind or by evaluation labels",
    )
    p.add_argument(
        "--layout",
        choices=("auto", "arranged"),
        help="arranged: draw every card where it sits in the editor; auto: a fresh "
        "Graphviz layout (default: arranged when every node has a position)",
    )
    p.add_argument(
        "--page",
        choices=("a4", "letter", "slide"),
        help="fit the map to an A4 or Letter page or a 16:9 slide, body text at "
        "least 8 pt; a map too large for that shares its lines of argument "
        "among pages (each under its main claim): all in one PDF, or numbered "
        "files OUT-1.png, OUT-2.png ... for PNG and SVG",
    )
    p.add_argument(
        "--background",
        choices=("white", "transparent"),
        default="white",
        help="the page behind the map (default white)",
    )
    p.add_argument(
        "--theme",
        choices=("light", "dark"),
        default="light",
        help="light cards on white, or dark cards with light text",
    )


def _run_export(args, out):
    options = ExportOptions(
        fmt=args.format,
        dpi=args.dpi,
        direction=args.direction,
        root=args.root,
        legend=not args.no_legend,
        color_by=args.color_by,
        layout=args.layout,
        page=args.page,
        background=args.background,
        theme=args.theme,
    )
    result = export_file(read_map(args.file), args.output, options)
    for warning in result.warnings:
        print(f"warning: {shown(warning)}", file=sys.stderr)
    if result.paths:  # a page-sized export: one file or numbered pages
        for path in result.paths:
            print(f"wrote {shown(path)}", file=out)
        print(f"({result.summary})", file=out)
    else:
        print(f"wrote {args.output} ({result.summary})", file=out)
    return 0


# ----------------------------------------------------------------- draft
def _add_draft(sub):
    p = sub.add_parser(
        "draft",
        help="draft a map from source documents",
        description="Build a draft map from plain-text documents: each text is "
        "cut into clauses, its central claim found, and every clause "
        "drawn as a draft node bearing on what it supports or "
        "opposes, for review in the editor.",
    )
    p.add_argument("documents", nargs="+", help="UTF-8 text or Markdown files")
    p.add_argument("-o", "--output", required=True, help="the .argmap file to write")
    p.add_argument(
        "--against",
        help="a finished map of the same documents: print recall and "
        "precision of the draft against it",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")


def _run_draft(args, out):
    refuse_existing(args.output, args.force)
    return run_draft_command(args.documents, args.output, args.against, out, args.force)


# --------------------------------------------------------------- convert
def _add_convert(sub):
    p = sub.add_parser(
        "convert",
        help="convert a map between argmap, Argdown, AIF, GraphML and Kialo",
        description="Read IN and write OUT, each format taken from its suffix "
        "(.argmap .argdown .ad .json .graphml .txt) unless "
        "--from/--to name it. Warnings say what was dropped.",
    )
    p.add_argument("input", metavar="IN", help="the file to read")
    p.add_argument("output", metavar="OUT", help="the file to write")
    p.add_argument(
        "--from",
        dest="source_format",
        choices=tuple(FORMATS),
        help="the format of IN (xaif reads as aif)",
    )
    p.add_argument(
        "--to",
        dest="target_format",
        choices=tuple(FORMATS),
        help="the format of OUT (xaif: OVA3's wrapper with positions)",
    )
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


def _run_convert(args, out):
    refuse_existing(args.output, args.force)
    source = "aif" if args.source_format == "xaif" else args.source_format
    amap, warnings = load_any(args.input, source)
    warnings = warnings + save_any(amap, args.output, args.target_format)
    for warning in warnings:
        print(f"warning: {shown(warning)}", file=sys.stderr)
    nodes, edges = counted(len(amap), "node"), counted(len(amap.graph.edges), "edge")
    print(f"wrote {shown(args.output)} ({nodes}, {edges})", file=out)
    return 0


# ------------------------------------------------------- install-desktop
def _add_install_desktop(sub):
    sub.add_parser(
        "install-desktop",
        help="add argmap to the desktop menu and open .argmap files with it (Linux)",
        description="Install argmap's desktop entry, the application/x-argmap file "
        "type for .argmap files and its icons into $XDG_DATA_HOME "
        "(default ~/.local/share), then refresh the MIME and desktop "
        "databases when update-mime-database and "
        "update-desktop-database are installed.",
    )


def _run_install_desktop(args, out):
    for path in install_desktop():
        print(f"wrote {shown(path)}", file=out)
    return 0


COMMANDS = {
    "info": (_add_info, _run_info),
    "validate": (_add_validate, _run_validate),
    "new": (_add_new, _run_new),
    "export": (_add_export, _run_export),
    "draft": (_add_draft, _run_draft),
    "convert": (_add_convert, _run_convert),
    "install-desktop": (_add_install_desktop, _run_install_desktop),
}
COMMANDS.update(DEBATE_COMMANDS)


def build_parser():
    """Return the argparse parser of the command line and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="argmap", description="argmap: argument maps for debate preparation."
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add, _ in COMMANDS.values():
        add(sub)
    return parser


def _one_line(exc):
    """Return an error's message on a single line, for stderr."""
    return " ".join(str(exc).split())


def main(argv=None, out=None):
    """Run the command line; return the exit code."""
    out = SafeWriter(out or sys.stdout)
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(argv)
    with signals_end_cleanly():
        return run_quietly(lambda: _run(args, out), out)


def _run(args, out):
    try:
        return COMMANDS[args.command][1](args, out)
    except ArgmapError as exc:
        print(f"argmap {args.command}: {shown(_one_line(exc))}", file=sys.stderr)
        return 1


def main_exit():
    """Run the command line and exit with its code (``python -m argmap.cli``)."""
    sys.exit(main())


if __name__ == "__main__":
    main_exit()


def run_draft_command(paths, output, against, out, force=False):
    """Carry out ``argmap draft DOC... -o OUT [--against MAP] [--force]``; return the exit code.

    An existing *output* is replaced only with *force*.

    Raises
    ------
    ArgmapError
        With a clear message when there is no document, a document cannot be
        read (:class:`FormatError`) or the map cannot be saved (:class:`SaveError`).
    """
    if not paths:
        raise ArgmapError("give at least one document to draft from")
    reference = native.load(against) if against else None
    amap = draft_map([load_document(path) for path in paths])
    native.save(amap, output, overwrite=force)
    print(
        f"wrote {output} ({counted(len(amap), 'draft node')}, "
        f"{counted(len(amap.graph.edges), 'draft relation')} "
        f"from {counted(len(amap.documents), 'document')})",
        file=out,
    )
    if reference is not None:
        for line in score_draft(amap, reference).lines():
            print(line, file=out)
    return 0
