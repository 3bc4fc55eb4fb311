"""The debate-preparation commands of the command line: evaluate, check and brief.

Registered by :mod:`argmap.cli`, and written in its ``_add_X`` / ``_run_X``
pattern: ``_add_X(sub)`` declares the subcommand, ``_run_X(args, out)`` runs it
and returns the exit code.
"""

import json
import os
import sys
import textwrap

from argmap.analysis.acceptance import evaluate
from argmap.analysis.strength import side_strengths
from argmap.analysis.weak_spots import weak_spots
from argmap.errors import ArgmapError
from argmap.formats import open_map
from argmap.model import ArgumentMap
from argmap.model.schema import shortened
from argmap.outputs.brief_files import brief_format, write_brief
from argmap.terminal import shown

#: What a command's FILE argument takes: every format the editor opens.
MAP_FILE_HELP = (
    "a map: .argmap, Argdown (.argdown, .ad), AIF (.json), GraphML (.graphml) or "
    "Kialo text (.txt); any other suffix is read as .argmap"
)


def read_map(path: str) -> ArgumentMap:
    """Read the map in *path* as the editor opens it (:func:`argmap.formats.open_map`),
    printing on stderr what the reader could not keep."""
    amap, warnings = open_map(path)
    for warning in warnings:
        print(f"warning: {shown(warning)}", file=sys.stderr)
    return amap


# -------------------------------------------------------------- evaluate
def _add_evaluate(sub):
    p = sub.add_parser(
        "evaluate",
        help="label every node in, out or undecided, and say why",
        description="Evaluate a map as an argumentation framework over its "
        "'opposes' edges (with the support rule and hand ratings "
        "of docs/analysis.md): a label and the reasons for it for "
        "every node, and the strength of each side.",
    )
    p.add_argument("file", help=MAP_FILE_HELP)
    p.add_argument(
        "--semantics",
        choices=("grounded", "preferred"),
        default="grounded",
        help="grounded (sceptical, the default) or preferred (for comparison)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _run_evaluate(args, out):
    amap = read_map(args.file)
    result = evaluate(amap, args.semantics)
    if args.json:
        json.dump(result.to_json(), out, indent=2, ensure_ascii=False)
        print(file=out)
        return 0
    counts = {
        label: list(result.labels.values()).count(label) for label in ("in", "out", "undecided")
    }
    print(f"{args.semantics} labels: " + ", ".join(f"{v} {k}" for k, v in counts.items()), file=out)
    for node, label in result.labels.items():
        attrs = amap.graph.nodes[node]
        print(f"{node:<6} {label:<9} {attrs['kind']:<12} {shortened(attrs['text'], 54)}", file=out)
        for reason in result.why[node]:
            print(
                textwrap.fill(
                    reason.text, 96, initial_indent=" " * 7 + "- ", subsequent_indent=" " * 9
                ),
                file=out,
            )
    for figure in side_strengths(amap, result.labels):
        balance = "-" if figure.balance is None else f"{figure.balance:.2f}"
        print(
            f"strength of {figure.main}: pro {figure.pro:.2f}, con {figure.con:.2f}, "
            f"balance {balance} (see docs/analysis.md)",
            file=out,
        )
    return 0


# ----------------------------------------------------------------- check
def _add_check(sub):
    p = sub.add_parser(
        "check",
        help="list the weak spots of a map and how to fix them",
        description="List a map's weak spots: claims with no support, "
        "unanswered objections, unsourced evidence, stale quotes, "
        "single sources and speakers, inferred points and links, "
        "circular support, orphans and idle counterclaims.",
    )
    p.add_argument("file", help=MAP_FILE_HELP)
    p.add_argument("--strict", action="store_true", help="exit 1 when any weak spot is found")


def _run_check(args, out):
    found = weak_spots(read_map(args.file))
    heading = None
    for spot in found:
        if spot.heading != heading:
            heading = spot.heading
            count = sum(1 for s in found if s.heading == heading)
            print(f"{heading} ({count})", file=out)
        print(
            textwrap.fill(
                spot.problem, 96, initial_indent=f"  {spot.node:<5} ", subsequent_indent=" " * 8
            ),
            file=out,
        )
        print(
            textwrap.fill(
                "fix: " + spot.fix, 96, initial_indent=" " * 8, subsequent_indent=" " * 13
            ),
            file=out,
        )
    print(f"{len(found)} weak spot{'' if len(found) == 1 else 's'} in {args.file}", file=out)
    return 1 if args.strict and found else 0


# ----------------------------------------------------------------- brief
def _add_brief(sub):
    p = sub.add_parser(
        "brief",
        help="write a debate brief for one side or both",
        description="Write a study document for a side: its case as debate "
        "cards, the attacks to expect with prepared answers, what "
        "to concede and what not, the map and its weak spots. The "
        "format follows OUT's suffix: .md, .html or .docx.",
    )
    p.add_argument("file", help=MAP_FILE_HELP)
    p.add_argument(
        "--side",
        choices=("pro", "con", "both"),
        default="both",
        help="whose brief: pro (for the main claim), con (against it) or both",
    )
    p.add_argument("-o", "--output", required=True, help="the .md, .html or .docx to write")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument("--no-picture", action="store_true", help="leave out the map's picture")


def _run_brief(args, out):
    fmt = brief_format(args.output)
    amap = read_map(args.file)
    written = write_brief(
        amap, args.output, args.side, fmt, picture=not args.no_picture, overwrite=args.force
    )
    for path in written:
        if not os.path.exists(path):
            raise ArgmapError(f"{path} was not written")
    print("wrote " + ", ".join(written), file=out)
    return 0


COMMANDS = {
    "evaluate": (_add_evaluate, _run_evaluate),
    "check": (_add_check, _run_check),
    "brief": (_add_brief, _run_brief),
}
