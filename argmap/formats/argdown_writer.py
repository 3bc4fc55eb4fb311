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

import json
import re

from argmap.formats import argdown_lexer as lex
from argmap.formats.argdown_terms import DATA_FIELDS, KIND_TAGS, STASH

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


def escape(text):
    """Return *text* with every character Argdown would read as markup escaped.

    Example
    -------
    >>> escape("a [b] #c")
    'a \\\\[b\\\\] \\\\#c'
    """
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def _one_line(text):
    return " ".join(text.split())


class Writer:
    """Write one map as Argdown text."""

    def __init__(self, amap):
        self.amap, self.graph = amap, amap.graph
        self.lines, self.generated = [], []
        self.written, self.expanded, self.done_edges = set(), set(), set()
        self.titles = self._titles()
        self.generated_set = set(self.generated)
        self.sections = _sections(amap)
        self.section_of = {n: self._section(a) for n, a in self.graph.nodes(data=True)}

    # ------------------------------------------------------------ titles
    def _titles(self):
        titles, used = {}, set()
        for node, attrs in self.graph.nodes(data=True):
            own = _argdown(attrs).get("title")
            if isinstance(own, str) and _usable_title(own) and own not in used:
                titles[node] = own
            else:
                titles[node] = _unique(_made_title(attrs.get("text", "")), used)
                self.generated.append(titles[node])
            used.add(titles[node])
        return titles

    def _section(self, attrs):
        section = _argdown(attrs).get("section")
        ok = isinstance(section, int) and not isinstance(section, bool)
        return section if ok and 0 <= section < len(self.sections) else None

    # ------------------------------------------------------------ elements
    def head(self, node, section):
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
    def write(self):
        """Return the Argdown text."""
        for section in [None] + list(range(len(self.sections))):
            if section is not None:
                self._heading(self.sections[section])
            self._structures(section)
            self._trees(section)
            self._contradictions(section)
        return _front_matter(self.amap, self._stash()) + "\n".join(self.lines).strip("\n") + "\n"

    def _heading(self, section):
        level = section.get("level") if isinstance(section.get("level"), int) else 1
        title = _one_line(str(section.get("title", ""))) or "Section"
        data = section.get("data")
        data = " " + _json(data) if isinstance(data, dict) and data else ""
        self.lines += ["", "#" * max(1, min(level, 6)) + " " + escape(title) + data, ""]

    def _nodes_in(self, section):
        return [n for n in self.graph.nodes if self.section_of[n] == section]

    def _structures(self, section):
        for node in self._nodes_in(section):
            steps = _argdown(self.graph.nodes[node]).get("pcs")
            if isinstance(steps, list) and steps and _steps_ok(steps, self.graph):
                self.lines += [self.head(node, section), ""]
                self._pcs(steps, section)

    def _pcs(self, steps, section):
        for number, (statement, inference) in enumerate(steps, 1):
            if inference is not None:
                self.lines.append(_inference(inference))
            self.lines.append(f"({number}) {self.head(statement, section)}")
        self.lines.append("")

    def _trees(self, section):
        for node in self._nodes_in(section):
            if node not in self.expanded:
                self.lines.append(self.head(node, section))
                self._expand(node, section)
                self.lines.append("")

    def _expand(self, root, section):
        """Write the relations that bear on *root*, nested, depth first (no recursion)."""
        self.expanded.add(root)
        index = self.amap.node_index()
        stack = [(root, 1, iter(sorted(self.graph.predecessors(root), key=index.__getitem__)))]
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

    def _contradictions(self, section):
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
    def _stash(self):
        stash = {}
        if self.generated:
            stash["untitled"] = list(self.generated)
        nodes = {
            self.titles[n]: _jsonable({k: v for k, v in a.items() if k not in NODE_WRITTEN})
            for n, a in self.graph.nodes(data=True)
        }
        nodes = {k: v for k, v in nodes.items() if v}
        if nodes:
            stash["nodes"] = nodes
        edges = [
            [self.titles[u], self.titles[v], _jsonable(_edge_extra(a))]
            for u, v, a in self.graph.edges(data=True)
        ]
        edges = [e for e in edges if e[2]]
        if edges:
            stash["edges"] = edges
        if self.amap.documents:
            stash["documents"] = [dict(d) for d in self.amap.documents.values()]
        extra = {k: v for k, v in self.amap.meta.items() if k not in ("title", "argdown")}
        if extra:
            stash["map"] = extra
        return stash


def relation_type(edge_attrs):
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


def relation_type_written(edge):
    """The relation type written for an edge: its own, or the one stated beside a structure."""
    argdown = _argdown(edge)
    if argdown.get("pcs"):
        return argdown.get("relation") or None
    return relation_type(edge)


def _argdown(attrs):
    value = attrs.get("argdown")
    return value if isinstance(value, dict) else {}


def _edge_extra(attrs):
    extra = {k: v for k, v in attrs.items() if k not in EDGE_WRITTEN}
    if _argdown(attrs).get("pcs") == "premise":
        extra.pop("group", None)
    return extra


def _jsonable(value):
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _steps_ok(steps, graph):
    return all(isinstance(s, list) and len(s) == 2 and s[0] in graph for s in steps)


def _sections(amap):
    sections = (
        (amap.meta.get("argdown") or {}).get("sections")
        if isinstance(amap.meta.get("argdown"), dict)
        else None
    )
    return [s for s in sections if isinstance(s, dict)] if isinstance(sections, list) else []


def _usable_title(title):
    return bool(title.strip()) and title == _one_line(title) and len(title) <= 400


def _made_title(text):
    words = _TITLE_CHARS.sub(" ", text).split()[:6]
    title = " ".join(words)[:60].strip()
    return title or "Untitled"


def _unique(title, used):
    candidate, n = title, 2
    while candidate in used:
        candidate, n = f"{title} ({n})", n + 1
    return candidate


def _tags(attrs, text):
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


def _data(attrs):
    data = dict(_argdown(attrs).get("data") or {})
    data.update({k: attrs[k] for k in DATA_FIELDS if k in attrs})
    return " " + _json(data) if data else ""


def _json(data):
    """JSON (which YAML reads) with the characters Argdown treats specially escaped."""
    return _json_escaped(json.dumps(data, ensure_ascii=False, allow_nan=False))


def _json_escaped(text):
    """Escape ``/ < #`` and braces inside the strings of JSON *text*."""
    out, in_string, i = [], False, 0
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


def _inference(inference):
    if not isinstance(inference, dict) or not inference:
        return "----"
    rules = ", ".join(escape(_one_line(str(r))) for r in inference.get("rules") or [])
    data = inference.get("data")
    data = " " + _json(data) if isinstance(data, dict) and data else ""
    return f"-- {rules}{data} --" if rules or data else "----"


def _front_matter(amap, stash):
    import yaml

    argdown = amap.meta.get("argdown") if isinstance(amap.meta.get("argdown"), dict) else {}
    settings = dict(argdown.get("front_matter") or {})
    if amap.title:
        settings = {"title": amap.title, **settings}
    if stash:
        settings[STASH] = stash
    if not settings:
        return ""
    body = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=100)
    return "===\n" + body + "===\n\n"
