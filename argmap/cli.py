"""The ``argmap`` command line: an argparse front end over the model, formats and renderer.

Exit codes: 0 success, 1 invalid input (a bad file, a failed export), 2 usage.
It never imports the GUI.
"""

import argparse
import sys
from collections import Counter

from argmap import __version__
from argmap.cli_debate import COMMANDS as DEBATE_COMMANDS
from argmap.errors import ArgmapError


# ------------------------------------------------------------------ info
def _add_info(sub):
    p = sub.add_parser("info", help="show counts, main claims and problems of a map",
                       description="Show what a map holds: nodes by kind, edges by relation, "
                                   "its main claims and any structural problems.")
    p.add_argument("file", help="an .argmap file")


def _run_info(args, out):
    from argmap.formats import load_map
    from argmap.model import queries

    amap = load_map(args.file)
    graph = amap.graph
    kinds = Counter(a["kind"] for _, a in graph.nodes(data=True))
    relations = Counter(a["relation"] for _, _, a in graph.edges(data=True))
    print(f"title: {amap.title or '(untitled)'}", file=out)
    print(f"nodes: {len(graph)} (" + ", ".join(f"{k} {kinds[k]}" for k in
                                              ("claim", "counterclaim", "evidence")) + ")", file=out)
    print(f"edges: {graph.number_of_edges()} (" + ", ".join(
        f"{r} {relations[r]}" for r in ("supports", "opposes")) + ")", file=out)
    print(f"documents: {len(amap.documents)}", file=out)
    for node in queries.main_claims(amap):
        print(f"main claim {node}: {graph.nodes[node]['text']}", file=out)
    found = queries.problems(amap)
    print(f"problems: {len(found)}", file=out)
    for remark in found:
        print(f"  {remark}", file=out)
    return 0


# -------------------------------------------------------------- validate
def _add_validate(sub):
    p = sub.add_parser("validate", help="check a map file; exit 1 with the reason if it is broken",
                       description="Check a map file strictly: structure, ids, edges and "
                                   "source quotes. Exit 0 if valid, 1 with the reason if not.")
    p.add_argument("file", help="an .argmap file")


def _run_validate(args, out):
    from argmap.formats import load_map

    amap = load_map(args.file)
    print(f"{args.file}: valid ({len(amap)} nodes, {amap.graph.number_of_edges()} edges)",
          file=out)
    return 0


# ------------------------------------------------------------------- new
def _add_new(sub):
    p = sub.add_parser("new", help="create a map with one main claim",
                       description="Create a new map file holding one main claim.")
    p.add_argument("file", help="the .argmap file to create")
    p.add_argument("--claim", required=True, help="the text of the main claim")
    p.add_argument("--title", default="", help="the map's title (default: the claim)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")


def _run_new(args, out):
    import os

    from argmap.formats import native
    from argmap.model import ArgumentMap

    if os.path.exists(args.file) and not args.force:
        raise ArgmapError(f"{args.file} already exists (use --force to overwrite it)")
    amap = ArgumentMap(args.title or args.claim)
    amap.add_node("claim", args.claim)
    native.save(amap, args.file)
    print(f"created {args.file}", file=out)
    return 0


# ---------------------------------------------------------------- export
def _add_export(sub):
    p = sub.add_parser("export", help="draw a map as PNG, SVG, PDF or DOT",
                       description="Draw a map with Graphviz. The format follows OUT's suffix "
                                   "unless --format is given.")
    p.add_argument("file", help="an .argmap file")
    p.add_argument("-o", "--output", required=True, help="the picture to write")
    p.add_argument("--format", choices=("png", "svg", "pdf", "dot"))
    p.add_argument("--dpi", type=int, help="resolution of a PNG (default: chosen for the size)")
    p.add_argument("--direction", choices=("TB", "BT", "LR", "RL"), default="TB",
                   help="which way arguments flow (default TB: main claim on top)")
    p.add_argument("--root", help="draw only this node and what bears on it")
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")
    p.add_argument("--color-by", choices=("kind", "evaluation"), default="kind",
                   help="colour nodes by kind or by evaluation labels")


def _run_export(args, out):
    from argmap.formats import load_map
    from argmap.render.export import ExportOptions, export_file

    amap = load_map(args.file)
    options = ExportOptions(fmt=args.format, dpi=args.dpi, direction=args.direction,
                            root=args.root, legend=not args.no_legend, color_by=args.color_by)
    result = export_file(amap, args.output, options)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {args.output} ({result.summary})", file=out)
    return 0


# ----------------------------------------------------------------- draft
def _add_draft(sub):
    p = sub.add_parser("draft", help="draft a map from source documents",
                       description="Build a draft map from plain-text documents: sentences with "
                                   "argument cues become draft nodes for review in the editor.")
    p.add_argument("documents", nargs="+", help="UTF-8 text or Markdown files")
    p.add_argument("-o", "--output", required=True, help="the .argmap file to write")
    p.add_argument("--against", help="a finished map of the same documents: print recall and "
                                     "precision of the draft against it")


def _run_draft(args, out):
    from argmap.sources.draft import run_draft_command

    return run_draft_command(args.documents, args.output, args.against, out)


COMMANDS = {
    "info": (_add_info, _run_info),
    "validate": (_add_validate, _run_validate),
    "new": (_add_new, _run_new),
    "export": (_add_export, _run_export),
    "draft": (_add_draft, _run_draft),
}
COMMANDS.update(DEBATE_COMMANDS)


def build_parser():
    """Return the argparse parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="argmap", description="argmap: argument maps for debate preparation.")
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
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command][1](args, out)
    except ArgmapError as exc:
        print(f"argmap {args.command}: {_one_line(exc)}", file=sys.stderr)
        return 1


def main_exit():
    """Entry point of the ``argmap`` console script."""
    sys.exit(main())


if __name__ == "__main__":
    main_exit()
