"""The first stage of reading Argdown: includes, front matter, comments and inline text.

Everything here works on plain strings in linear time: comments are found
with ``str.find`` rather than backtracking patterns, and every inline pattern
is bounded, so a large or hostile file cannot make the reader hang.
"""

import os
import re

from argmap.errors import FormatError
from argmap.reading import read_text

#: The Argdown escape character and the placeholders escaped characters hide behind.
_ESCAPE = re.compile(r"\\(.)")
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")

_INCLUDE = re.compile(r"^[ \t]*@include\(([^()\n]{1,400})\)[ \t]*$", re.M)
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\(([^()\s]{0,2000})\)")
_BOLD = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,400}?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^\n*_]{1,400}?)(?<=\S)\1(?![\w*])")
_TAG = re.compile(r"(?<!\S)#(?:\(([^()\n]{1,200})\)|([^\s#()\[\]{}<>,;:!?\"']{1,200}))")
_WORD_TAG = re.compile(r"#[^\s#()\[\]{}<>,;:!?\"']{1,200}")
_SPACES = re.compile(r"\s+")

#: Most nested includes followed.
MAX_INCLUDE_DEPTH = 20


# ----------------------------------------------------------------- includes
def expand_includes(text, path, warnings, seen=None, depth=0):
    """Return *text* with every ``@include(file)`` line replaced by that file's text.

    Files are found relative to the including file; each is included at most
    once, so cycles end. A file that cannot be included leaves a warning.
    """
    seen = set() if seen is None else seen
    if path:
        seen.add(os.path.realpath(path))
    if "@include(" not in text:
        return text
    base = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
    parts, last = [], 0
    for match in _INCLUDE.finditer(text):
        parts.append(text[last : match.start()])
        parts.append(_included(match.group(1).strip(), base, text, match, warnings, seen, depth))
        last = match.end()
    parts.append(text[last:])
    return "".join(parts)


def _included(name, base, text, match, warnings, seen, depth):
    target = os.path.realpath(os.path.join(base, name))
    line = text.count("\n", 0, match.start()) + 1
    if target in seen:
        warnings.append(f"line {line}: {name} is already included; included once only")
        return ""
    if depth >= MAX_INCLUDE_DEPTH:
        warnings.append(f"line {line}: includes nested deeper than {MAX_INCLUDE_DEPTH}")
        return ""
    try:
        included = read_text(target)
    except FormatError as exc:
        warnings.append(f"line {line}: cannot include {name}: {exc.reason}")
        return ""
    return expand_includes(included.replace("\r\n", "\n"), target, warnings, seen, depth + 1)


# ------------------------------------------------------------- front matter
def split_front_matter(text):
    """Return ``(front matter text or None, the lines it took, the rest)``.

    Front matter is YAML between two ``===`` lines at the very start.
    """
    stripped = text.lstrip("\n")
    skipped = len(text) - len(stripped)
    if not re.match(r"===[ \t]*\n", stripped):
        return None, 0, text
    end = re.search(r"^===[ \t]*$", stripped[3:], re.M)
    if end is None:
        return None, 0, text
    body = stripped[3 : 3 + end.start()]
    consumed = text[: skipped + 3 + end.end()]
    return body, consumed.count("\n"), text[len(consumed) :]


def parse_yaml(source, file, where):
    """Parse YAML safely (no tags, no objects); return plain data or raise FormatError."""
    import yaml

    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        place = f"{where}, YAML line {mark.line + 1} column {mark.column + 1}" if mark else where
        raise FormatError(
            f"bad YAML data: {getattr(exc, 'problem', None) or exc}", file, place
        ) from None
    except RecursionError:
        raise FormatError("YAML data nested too deeply", file, where) from None
    return _plain(data)


def _plain(value, depth=0):
    """Return YAML data as JSON data: dates become text, keys strings."""
    if depth > 20:
        raise FormatError("YAML data nested too deeply")
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth + 1) for v in value]
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


# ----------------------------------------------------------------- comments
_COMMENT_OPEN = (("/*", "*/"), ("<!--", "-->"))


def strip_comments(text, warnings):
    """Replace comments by spaces (keeping line breaks, so lines and columns stay true).

    ``//`` starts a comment unless it follows ``:`` (as in a URL) or a backslash.
    Each kind of opener is searched for once per occurrence, so the pass is linear.
    """
    out, i, n = [], 0, len(text)
    found = {opener: -1 for opener in ("/*", "<!--", "//")}
    while i < n:
        j = _next_comment(text, i, found)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        end = _comment_end(text, j, warnings)
        out.append(re.sub(r"[^\n]", " ", text[j:end]))
        i = end
    return "".join(out)


def _next_comment(text, start, found):
    """Return where the next comment starts at or after *start*, or -1.

    *found* remembers the next place of each opener; it is searched again only
    once the reading has passed it.
    """
    best = -1
    for opener in found:
        pos = found[opener]
        if pos != len(text) and pos < start:
            pos = text.find(opener, start)
            while pos > 0 and (text[pos - 1] == "\\" or (opener == "//" and text[pos - 1] == ":")):
                pos = text.find(opener, pos + 1)
            found[opener] = len(text) if pos < 0 else pos
        if found[opener] < len(text) and (best < 0 or found[opener] < best):
            best = found[opener]
    return best


def _comment_end(text, start, warnings):
    if text.startswith("//", start):
        end = text.find("\n", start)
        return len(text) if end < 0 else end
    closer = "*/" if text.startswith("/*", start) else "-->"
    end = text.find(closer, start + 2)
    if end < 0:
        line = text.count("\n", 0, start) + 1
        warnings.append(f"line {line}: a comment is never closed; it runs to the end")
        return len(text)
    return end + len(closer)


# -------------------------------------------------------------- inline text
def hide_escapes(text, stash):
    """Replace ``\\x`` by a placeholder (kept in *stash*) so that it is read literally."""

    def hide(match):
        stash.append(match.group(1))
        return f"\x00{len(stash) - 1}\x00"

    return _ESCAPE.sub(hide, text)


def show_escapes(text, stash, keep=False):
    """Put back the characters :func:`hide_escapes` hid (with their backslash if *keep*)."""
    mark = "\\" if keep else ""
    return _PLACEHOLDER.sub(lambda m: mark + stash[int(m.group(1))], text)


def find_data(text):
    """Split a trailing ``{yaml}`` block off *text*: return ``(text, yaml source or None)``."""
    end = len(text.rstrip())
    if end == 0 or text[end - 1] != "}":
        return text, None
    depth = 0
    for i in range(end - 1, -1, -1):
        if text[i] == "}":
            depth += 1
        elif text[i] == "{":
            depth -= 1
            if depth == 0:
                return text[:i], text[i:end]
    return text, None


def tags_of(text):
    """Return the tags (``#tag``, ``#(tag text)``) in *text*, in order, without repeats."""
    found = [m.group(1) or m.group(2) for m in _TAG.finditer(text)]
    return list(dict.fromkeys(t.strip() for t in found if t.strip()))


def clean_text(text):
    """Return display text: emphasis marks and link targets dropped, trailing tags cut,
    white space collapsed. Mentions and tags inside the text stay as written."""
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub(r"\2", text)
    text = _ITALIC.sub(r"\2", text)
    text = cut_trailing_tags(text)
    return _SPACES.sub(" ", text).strip()


def cut_trailing_tags(text):
    """Return *text* without the run of tags at its end (one pass from the end)."""
    text = text.rstrip()
    while text:
        if text.endswith(")"):
            start = text.rfind("#(")
            inner = text[start + 2 : -1] if start >= 0 else ""
            if (
                start < 0
                or "(" in inner
                or ")" in inner
                or (start and not text[start - 1].isspace())
            ):
                return text
        else:
            start = max(text.rfind(" "), text.rfind("\n"), text.rfind("\t")) + 1
            if not _WORD_TAG.fullmatch(text[start:]):
                return text
        text = text[:start].rstrip()
    return text
