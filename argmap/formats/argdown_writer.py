"""Writing a map as Argdown.

Every node gets a title (its Argdown title, or one made from its first
words); statements are written ``[Title]: text #tags {yaml}``, arguments
``<Title>: text``. Under each section's heading come the arguments'
premise-conclusion structures, then every node with the relations that bear
on it nested beneath it. What Argdown has no syntax for (positions, source
spans and documents, link strengths, co-premise groups outside arguments) is
kept in an ``argmap:`` block of the front matter, which Argdown ignores and
argmap reads back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from argmap.formats import argdown_lexer as lex
from argmap.formats.argdown_terms import DATA_FIELDS, KIND_TAGS, STASH
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import networkx as nx

#: Deepest nesting written; deeper branches continue as blocks of their own.
MAX_DEPTH = 24
#: Node and edge attributes the Argdown text itself holds.
NODE_WRITTEN = ("kind", "text", "tags", "argdown") + DATA_FIELDS
EDGE_WRITTEN = ("relation", "argdown")
#: Relation type -> symbol for a relation nested under its target.
INCOMING = {"support": "+", "entails": "+", "attack": "-", "contrary": "-", "undercut": "_"}

_SPECIAL = re.compile(r"[\\\[\]<>#*_{}]|/(?=[/*])")
_SIMPLE_TAG = re.compile(r"[^\s#()\[\]{}<>,;:!?\"'\\]{1,200}")
_TITLE_CHARS = re.compile(r"[^\w\s'.,!?-]+")


def escape(text: str) -> str:
    """Return *text* with every character Argdown would read as markup escaped.

    Example
    -------
    >>> escape("a [b] #c")
    'a \\\\[b\\\\] \\\\#c'
    """
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Writer:
    """Write one map as Argdown text."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap, self.graph = amap, amap.graph
        self.lines: list[str] = []
        self.generated: list[str] = []
        self.written: set[str] = set()
        self.expanded: set[str] = set()
        self.done_edges: set[tuple[str, str]] = set()
        self.titles = self._titles()
        self.generated_set = set(self.generated)
        self.sections = _sections(amap)
        self.section_of = {n: self._section(a) for n, a in self.graph.nodes(data=True)}

    # ------------------------------------------------------------ titles
    def _titles(self) -> dict[str, str]:
        titles: dict[str, str] = {}
        used: set[str] = set()
        for node, attrs in self.graph.nodes(data=True):
            own = _argdown(attrs).get("title")
            if isinstance(own, str) and _usable_title(own) and own not in used:
                titles[node] = own
            else:
                titles[node] = _unique(_made_title(attrs.get("text", "")), used)
                self.generated.append(titles[node])
            used.add(titles[node])
        return titles

    def _section(self, attrs: Mapping[str, Any]) -> int | None:
        section = _argdown(attrs).get("section")
        if isinstance(section, bool) or not isinstance(section, int):
            return None
        return section if 0 <= section < len(self.sections) else None

    # ------------------------------------------------------------ elements
    def head(self, node: str, section: int | None) -> str:
        """Return the element for *node*: in full the first time (in its section), else by title."""
        attrs = self.graph.nodes[node]
        is_argument = bool(_argdown(attrs).get("argument"))
        title = self.titles[node]
        ref = f"<{escape(title)}>" if is_argument else f"[{escape(title)}]"
        if node in self.written or self.section_of[node] != section:
            return ref
        self.written.add(node)
        text = attrs.get("text", "")
        tail = _tags(attrs, text) + _data(attrs)
        if text == title and not tail and title not in self.generated_set:
            return ref
        return f"{ref}: {escape(_one_line(text))}{tail}"

    # ------------------------------------------------------------ writing
    def write(self) -> str:
        """Return the Argdown text."""
        for section in [None, *range(len(self.sections))]:
            if section is not None:
                self._heading(self.sections[section])
            self._structures(section)
            self._trees(section)
            self._contradictions(section)
        return _front_matter(self.amap, self._stash()) + "\n".join(self.lines).strip("\n") + "\n"

    def _heading(self, section: dict[str, Any]) -> None:
        level = section.get("level")
        if not isinstance(level, int):
            level = 1
        title = _one_line(str(section.get("title", ""))) or "Section"
        data = section.get("data")
        data = " " + _json(data) if isinstance(data, dict) and data else ""
        self.lines += ["", "#" * max(1, min(level, 6)) + " " + escape(title) + data, ""]

    def _nodes_in(self, section: int | None) -> list[str]:
        return [n for n in self.graph.nodes if self.section_of[n] == section]

    def _structures(self, section: int | None) -> None:
        for node in self._nodes_in(section):
            steps = _argdown(self.graph.nodes[node]).get("pcs")
            if isinstance(steps, list) and steps and _steps_ok(steps, self.graph):
                self.lines += [self.head(node, section), ""]
                self._pcs(steps, section)

    def _pcs(self, steps: list[list[Any]], section: int | None) -> None:
        for number, (statement, inference) in enumerate(steps, 1):
            if inference is not None:
                self.lines.append(_inference(inference))
            self.lines.append(f"({number}) {self.head(statement, section)}")
        self.lines.append("")

    def _trees(self, section: int | None) -> None:
        for node in self._nodes_in(section):
            if node not in self.expanded:
                self.lines.append(self.head(node, section))
                self._expand(node, section)
                self.lines.append("")

    def _expand(self, root: str, section: int | None) -> None:
        """Write the relations that bear on *root*, nested, depth first (no recursion)."""
        self.expanded.add(root)
        index = self.amap.node_index()
        stack: list[tuple[str, int, Iterator[str]]] = [
            (root, 1, iter(sorted(self.graph.predecessors(root), key=index.__getitem__)))
        ]
        while stack:
            target, depth, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                continue
            kind = relation_type_written(self.graph.edges[child, target])
            if kind is None or kind == "contradictory" or (child, target) in self.done_edges:
                continue
            self.done_edges.add((child, target))
            self.lines.append(
                "  " * depth + INCOMING.get(kind, "+") + " " + self.head(child, section)
            )
            if (
                child not in self.expanded
                and self.section_of[child] == section
                and depth < MAX_DEPTH
            ):
                self.expanded.add(child)
                stack.append(
                    (
                        child,
                        depth + 1,
                        iter(sorted(self.graph.predecessors(child), key=index.__getitem__)),
                    )
                )

    def _contradictions(self, section: int | None) -> None:
        for node in self._nodes_in(section):
            for target in self.graph.successors(node):
                edge = self.graph.edges[node, target]
                if relation_type_written(edge) == "contradictory":
                    self.lines += [
                        self.head(node, section),
                        "  >< " + self.head(target, section),
                        "",
                    ]

    # ------------------------------------------------------------ the stash
    def _stash(self) -> dict[str, Any]:
        stash: dict[str, Any] = {}
        if self.generated:
            stash["untitled"] = list(self.generated)
        nodes = {
            self.titles[n]: extra
            for n, a in self.graph.nodes(data=True)
            if (extra := _jsonable({k: v for k, v in a.items() if k not in NODE_WRITTEN}))
        }
        if nodes:
            stash["nodes"] = nodes
        edges = [
            [self.titles[u], self.titles[v], extra]
            for u, v, a in self.graph.edges(data=True)
            if (extra := _jsonable(_edge_extra(a)))
        ]
        if edges:
            stash["edges"] = edges
        if self.amap.documents:
            stash["documents"] = [dict(d) for d in self.amap.documents.values()]
        extra = {k: v for k, v in self.amap.meta.items() if k not in ("title", "argdown")}
        if extra:
            stash["map"] = extra
        return stash


def relation_type(edge_attrs: Mapping[str, Any]) -> str | None:
    """Return the Argdown relation type an edge stands for, or None for a structure edge.

    Example
    -------
    >>> relation_type({"relation": "opposes"}), relation_type({"relation": "supports",
    ...     "argdown": {"pcs": "premise"}})
    ('attack', None)
    """
    argdown = edge_attrs.get("argdown") or {}
    if isinstance(argdown, dict) and argdown.get("pcs"):
        return None
    if isinstance(argdown, dict) and argdown.get("relation"):
        return argdown["relation"]
    return "support" if edge_attrs["relation"] == "supports" else "attack"


def relation_type_written(edge: Mapping[str, Any]) -> str | None:
    """The relation type written for an edge: its own, or the one stated beside a structure."""
    argdown = _argdown(edge)
    if argdown.get("pcs"):
        return argdown.get("relation") or None
    return relation_type(edge)


def _argdown(attrs: Mapping[str, Any]) -> dict[str, Any]:
    value = attrs.get("argdown")
    return value if isinstance(value, dict) else {}


def _edge_extra(attrs: Mapping[str, Any]) -> dict[str, Any]:
    extra = {k: v for k, v in attrs.items() if k not in EDGE_WRITTEN}
    if _argdown(attrs).get("pcs") == "premise":
        extra.pop("group", None)
    return extra


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _steps_ok(steps: list[Any], graph: nx.DiGraph[str]) -> bool:
    return all(isinstance(s, list) and len(s) == 2 and s[0] in graph for s in steps)


def _sections(amap: ArgumentMap) -> list[dict[str, Any]]:
    sections = (
        (amap.meta.get("argdown") or {}).get("sections")
        if isinstance(amap.meta.get("argdown"), dict)
        else None
    )
    return [s for s in sections if isinstance(s, dict)] if isinstance(sections, list) else []


def _usable_title(title: str) -> bool:
    return bool(title.strip()) and title == _one_line(title) and len(title) <= 400


def _made_title(text: str) -> str:
    words = _TITLE_CHARS.sub(" ", text).split()[:6]
    title = " ".join(words)[:60].strip()
    return title or "Untitled"


def _unique(title: str, used: set[str]) -> str:
    candidate, n = title, 2
    while candidate in used:
        candidate, n = f"{title} ({n})", n + 1
    return candidate


def _tags(attrs: Mapping[str, Any], text: str) -> str:
    present = set(lex.tags_of(escape(text))) if "#" in text else set()
    tags = list(attrs.get("tags") or [])
    if attrs.get("kind") in KIND_TAGS:
        tags.append(attrs["kind"])
    out = ""
    for tag in dict.fromkeys(tags):
        if tag in present:
            continue
        out += f" #{tag}" if _SIMPLE_TAG.fullmatch(tag) else f" #({escape(_one_line(tag))})"
    return out


def _data(attrs: Mapping[str, Any]) -> str:
    data = dict(_argdown(attrs).get("data") or {})
    data.update({k: attrs[k] for k in DATA_FIELDS if k in attrs})
    return " " + _json(data) if data else ""


def _json(data: object) -> str:
    """JSON (which YAML reads) with the characters Argdown treats specially escaped."""
    return _json_escaped(json.dumps(data, ensure_ascii=False, allow_nan=False))


def _json_escaped(text: str) -> str:
    """Escape ``/ < #`` and braces inside the strings of JSON *text*."""
    out: list[str] = []
    in_string, i = False, 0
    while i < len(text):
        char = text[i]
        if in_string and char == "\\":
            out.append(text[i : i + 2])
            i += 2
            continue
        if char == '"':
            in_string = not in_string
        elif in_string and char in "/<#{}[]*_":
            char = f"\\u{ord(char):04x}"
        out.append(char)
        i += 1
    return "".join(out)


def _inference(inference: object) -> str:
    if not isinstance(inference, dict) or not inference:
        return "----"
    rules = ", ".join(escape(_one_line(str(r))) for r in inference.get("rules") or [])
    data = inference.get("data")
    data = " " + _json(data) if isinstance(data, dict) and data else ""
    return f"-- {rules}{data} --" if rules or data else "----"


def _front_matter(amap: ArgumentMap, stash: dict[str, Any]) -> str:
    import yaml

    argdown = _argdown(amap.meta)
    settings = dict(argdown.get("front_matter") or {})
    if amap.title:
        settings = {"title": amap.title, **settings}
    if stash:
        settings[STASH] = stash
    if not settings:
        return ""
    body = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=100)
    return "===\n" + body + "===\n\n"
