"""Reading Argdown's core language into statements, arguments and relations.

The reader goes line by line, keeping a stack of the elements that relations
nest under (by indentation) and the premise-conclusion structure being read.
Elements are collected first and merged into equivalence classes (all
statements with one title are one statement), then turned into map records
by :mod:`argmap.formats.argdown`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import FormatError
from argmap.formats import argdown_lexer as lex

_HEADING = re.compile(r"(#{1,6})[ \t]+(.*)")
_PCS_ITEM = re.compile(r"\((\d{1,6})\)(?:[ \t]+(.*)|[ \t]*)$")
_INFERENCE = re.compile(r"-{2,}[ \t]*$")
_INLINE_INFERENCE = re.compile(r"-{2,}[ \t]*([^\s-].*?)[ \t]*-{2,}[ \t]*$")
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?:[ \t]+(.*)|[ \t]*)$")
_LIST = re.compile(r"(?:\*|\d{1,6}\.)[ \t]+(.*)")
_STATEMENT = re.compile(r"\[([^\[\]\n]{1,400})\](:?)(?!\()[ \t]*(.*)")
_ARGUMENT = re.compile(r"<([^<>\n]{1,400})>(:?)[ \t]*(.*)")

#: Relation symbol -> (relation type, True when the nested element is the source).
SYMBOLS = {
    "+": ("support", True),
    "<+": ("support", True),
    "-": ("attack", True),
    "<-": ("attack", True),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "+>": ("support", False),
    "->": ("attack", False),
    "_>": ("undercut", False),
    "><": ("contradictory", False),
}
#: In strict mode, support and attack between two statements are entailment and contrariety.
STRICT = {"support": "entails", "attack": "contrary"}


#: An element's title, or ``("untitled", n)`` for the n-th element without one.
Key = str | tuple[str, int]
#: A step of a premise-conclusion structure: a statement's key and the inference (rules,
#: data) on the line above it, or None.
Step = tuple[Key, dict[str, Any] | None]


@dataclass
class Item:
    """A statement or argument: the merge of every place that names it."""

    typ: str  # "s" or "a"
    key: Key
    line: int
    text: str | None = None
    section: int | None = None
    defined_section: int | None = None
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    pcs: list[Step] | None = None  # arguments: their premise-conclusion structure


#: A relation as read: source, target, relation type and line.
Relation = tuple[Item, Item, str, int]


@dataclass
class _Open:
    """The element, heading or inference whose text lines are being collected."""

    what: str  # "element", "heading" or "inference"
    indent: int
    line: int
    item: Item | None = None
    defines: bool = False
    parts: list[str] = field(default_factory=list)
    level: int = 0  # a heading's


class Reader:
    """Read Argdown text (comments already blanked) into items and relations."""

    def __init__(
        self,
        file: str | os.PathLike[str] | None,
        strict: bool,
        warnings: list[str],
        stash: list[str],
    ) -> None:
        self.file, self.strict, self.warnings, self.stash = file, strict, warnings, stash
        self.items: dict[tuple[str, Key], Item] = {}
        self.relations: list[Relation] = []
        self.sections: list[dict[str, Any]] = []
        self.stack: list[tuple[int, Item]] = []
        self.pcs: Item | None = None
        self.inference: dict[str, Any] | None = None
        self.open: _Open | None = None
        self.last: Item | None = None
        self.section: int | None = None
        self.untitled = 0

    # ---------------------------------------------------------- lines
    def read(
        self, text: str, first_line: int = 1
    ) -> tuple[dict[tuple[str, Key], Item], list[Relation], list[dict[str, Any]]]:
        """Read every line; return ``(items, relations, sections)``."""
        for number, raw in enumerate(text.split("\n"), first_line):
            self._line(raw, number)
        self._close()
        self._end_pcs()
        return self.items, self.relations, self.sections

    def _line(self, raw: str, number: int) -> None:
        body = raw.expandtabs(4).rstrip()
        if not body.strip():
            if self.open is not None and self.open.what != "inference":
                self._close()
            return
        indent = len(body) - len(body.lstrip())
        body = body.lstrip()
        if self.open is not None and self.open.what == "inference":
            return self._inference_text(self.open, body, number)
        for handler in (
            self._heading,
            self._pcs_item,
            self._inference_line,
            self._relation,
            self._list_item,
        ):
            if handler(body, indent, number):
                return
        if self.open is not None and indent >= self.open.indent:
            self.open.parts.append(body)
            return
        self._top_level(body, indent, number)

    def _heading(self, body: str, indent: int, number: int) -> bool:
        match = _HEADING.fullmatch(body)
        if indent or match is None:
            return False
        self._close()
        self._end_pcs()
        self.open = _Open("heading", 0, number, parts=[match.group(2)], level=len(match.group(1)))
        return True

    def _top_level(self, body: str, indent: int, number: int) -> None:
        self._close()
        self._end_pcs()
        item, defines, rest = self._element(body, number)
        self.stack = [(-1, item)]
        self._start(item, defines, rest, indent, number)

    def _list_item(self, body: str, indent: int, number: int) -> bool:
        match = _LIST.fullmatch(body)
        if match is None:
            return False
        self._top_level(match.group(1), indent, number)
        return True

    def _start(self, item: Item, defines: bool, rest: str, indent: int, number: int) -> None:
        self.open = _Open("element", indent, number, item, defines, [rest] if rest else [])
        self.last = item

    # ---------------------------------------------------------- elements
    def _element(self, body: str, number: int) -> tuple[Item, bool, str]:
        """Return ``(item, defines, rest of the line)`` for the element *body* starts."""
        match = _STATEMENT.match(body)
        if match:
            return (
                self._item("s", self._title(match.group(1)), number),
                bool(match.group(2)),
                match.group(3),
            )
        match = _ARGUMENT.match(body)
        if match:
            return (
                self._item("a", self._title(match.group(1)), number),
                bool(match.group(2)),
                match.group(3),
            )
        self.untitled += 1
        return self._item("s", ("untitled", self.untitled), number), True, body

    def _title(self, raw: str) -> str:
        return " ".join(lex.show_escapes(raw, self.stash).split())

    def _item(self, typ: str, key: Key, number: int) -> Item:
        item = self.items.get((typ, key))
        if item is None:
            item = self.items[(typ, key)] = Item(typ, key, number, section=self.section)
        return item

    def _close(self) -> None:
        """Finish the open element: merge its text, tags and data into its item."""
        current, self.open = self.open, None
        if current is None:
            return
        if current.what == "heading":
            return self._close_heading(current)
        if current.what == "inference":
            return self._close_inference(current, "")
        item = current.item
        if item is None:  # only headings and inferences have none
            return
        raw = " ".join(current.parts)
        text, tags, data = self._inline(raw, current.line)
        item.tags.extend(t for t in tags if t not in item.tags)
        for key, value in data.items():
            item.data.setdefault(key, value)
        if current.defines and (item.text is None or (text and not item.text)):
            if item.text is None:
                item.defined_section = self.section
            item.text = text

    def _inline(self, raw: str, number: int) -> tuple[str, list[str], dict[str, Any]]:
        """Return ``(text, tags, data)`` of an element's raw text."""
        raw, source = lex.find_data(raw)
        data: dict[str, Any] = {}
        if source is not None:
            try:
                parsed = lex.parse_yaml(
                    lex.show_escapes(source, self.stash, True), self.file, f"line {number}"
                )
            except FormatError as exc:
                self.warnings.append(f"line {number}: {exc.reason}; the data is ignored")
                parsed = None
            if isinstance(parsed, dict):
                data = parsed
            elif parsed is not None:
                raw = raw + source
        tags = [lex.show_escapes(t, self.stash) for t in lex.tags_of(raw)]
        text = lex.show_escapes(lex.clean_text(raw), self.stash)
        return text, tags, data

    # ---------------------------------------------------------- headings
    def _close_heading(self, current: _Open) -> None:
        text, _tags, data = self._inline(" ".join(current.parts), current.line)
        section: dict[str, Any] = {"title": text, "level": current.level}
        if data:
            section["data"] = data
        self.sections.append(section)
        self.section = len(self.sections) - 1

    # ---------------------------------------------------------- relations
    def _relation(self, body: str, indent: int, number: int) -> bool:
        match = _RELATION.fullmatch(body)
        if match is None:
            return False
        self._close()
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        if not match.group(2):
            self.warnings.append(f"line {number}: relation {match.group(1)} names nothing; ignored")
            return True
        item, defines, rest = self._element(match.group(2), number)
        if not self.stack:
            self.warnings.append(
                f"line {number}: relation {match.group(1)} has nothing to "
                "relate to; read as a statement of its own"
            )
        else:
            self._relate(self.stack[-1][1], item, match.group(1), number)
        self.stack.append((indent, item))
        self._start(item, defines, rest, indent, number)
        return True

    def _relate(self, parent: Item, child: Item, symbol: str, number: int) -> None:
        kind, child_first = SYMBOLS[symbol]
        source, target = (child, parent) if child_first else (parent, child)
        if self.strict and source.typ == "s" and target.typ == "s":
            kind = STRICT.get(kind, kind)
        self.relations.append((source, target, kind, number))

    # -------------------------------------------- premise-conclusion structures
    def _pcs_item(self, body: str, indent: int, number: int) -> bool:
        match = _PCS_ITEM.fullmatch(body)
        if match is None:
            return False
        self._close()
        steps = self._begin_pcs(number) if self.pcs is None else self.pcs.pcs
        item, defines, rest = self._element(match.group(2) or "", number)
        if item.typ == "a":
            self.warnings.append(
                f"line {number}: an argument cannot be a premise; read as a statement"
            )
            item = self._item("s", item.key, number)
        if steps is not None:  # always: a structure being read has its steps
            steps.append((item.key, self.inference))
        self.inference = None
        self.stack = [(-1, item)]
        self._start(item, defines, rest, indent, number)
        return True

    def _begin_pcs(self, number: int) -> list[Step]:
        """Start a premise-conclusion structure (the last argument's, if it has none yet);
        return its steps."""
        last = self.last
        if last is None or last.typ != "a" or last.pcs is not None:
            self.untitled += 1
            last = self._item("a", ("untitled", self.untitled), number)
        steps: list[Step] = []
        last.pcs = steps
        self.pcs = last
        return steps

    def _end_pcs(self) -> None:
        if self.pcs is None:
            return
        argument, self.pcs = self.pcs, None
        if self.inference is not None:
            self.warnings.append(
                f"line {argument.line}: argument ends with an inference and no conclusion"
            )
            self.inference = None
        if not any(inference is not None for _key, inference in (argument.pcs or [])[1:]):
            self.warnings.append(
                f"line {argument.line}: premises without an inference line; "
                "the last is read as the conclusion"
            )

    def _inference_line(self, body: str, indent: int, number: int) -> bool:
        inline = _INLINE_INFERENCE.fullmatch(body)
        if not _INFERENCE.fullmatch(body) and inline is None:
            return False
        self._close()
        if self.pcs is None:
            self.warnings.append(f"line {number}: an inference line outside an argument; ignored")
            return True
        if inline is not None:
            self._close_inference(_Open("inference", indent, number), inline.group(1))
        else:
            self.open = _Open("inference", indent, number)
        return True

    def _inference_text(self, current: _Open, body: str, number: int) -> None:
        """Read a line of the open inference *current*: its end, a step after it, or text."""
        if _INFERENCE.fullmatch(body):
            self.open = None
            return self._close_inference(current, " ".join(current.parts))
        if _PCS_ITEM.fullmatch(body):
            self.open = None
            self._close_inference(current, " ".join(current.parts))
            return self._line(body, number)
        current.parts.append(body)
        return None

    def _close_inference(self, current: _Open, raw: str) -> None:
        text, _tags, data = self._inline(raw, current.line)
        inference: dict[str, Any] = {}
        if text:
            inference["rules"] = [r.strip() for r in text.split(",") if r.strip()]
        if data:
            inference["data"] = data
        self.inference = inference
