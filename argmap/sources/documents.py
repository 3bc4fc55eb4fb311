"""Source documents and the spans that quote them.

A source document is a text kept exactly as it was given (Unicode, curly
quotes and stray characters untouched) with an id, a title and optional
metadata such as the publisher, date and URL. Inside an ``.argmap`` file, and
in :attr:`ArgumentMap.documents`, a document is the plain dict
``{"id", "title", "text", ...metadata}``; :class:`SourceDocument` is the same
record with checks and helpers.

A span ``{"doc", "start", "end", "quote"}`` points into a document's text;
its quote always equals ``text[start:end]``. Build spans from quotes with
:func:`make_span` so that a quote and its offsets can never drift apart.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import FormatError, ModelError
from argmap.model import AddDocument
from argmap.model.schema import MAX_TEXT, Attrs, check_json_value, check_text
from argmap.reading import read_text

#: Largest document file :func:`load_document` reads (bytes).
MAX_DOCUMENT_BYTES = 4 * 1024 * 1024
#: File suffixes read as documents (anything else is refused).
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
#: Metadata keys with a known meaning; others are kept as they are.
METADATA_KEYS = ("publisher", "date", "url", "author", "note")

_RESERVED = ("id", "title", "text")


@dataclass(frozen=True)
class SourceDocument:
    """A text that claims in a map quote from.

    Parameters
    ----------
    id : str
        A short identifier, unique within a map (``"hill-2015"``).
    title : str
        A title for people; may be empty.
    text : str
        The full text, exactly as given.
    metadata : dict, optional
        Plain JSON values such as ``publisher``, ``date`` and ``url``.

    Example
    -------
    >>> doc = SourceDocument("d1", "Note", "Encryption protects speech.")
    >>> make_span(doc, "protects speech")["start"]
    11
    """

    id: str
    title: str
    text: str
    metadata: Attrs = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_text(self.id, "document id")
        if not self.id.strip():
            raise ModelError("document id must not be empty")
        check_text(self.title, "document title")
        check_text(self.text, "document text")
        for key, value in self.metadata.items():
            if key in _RESERVED:
                raise ModelError(f"metadata must not hold the document's {key!r}")
            check_json_value(value, f"document {key}")

    def to_record(self) -> Attrs:
        """Return the plain dict a map and an ``.argmap`` file hold."""
        record = {"id": self.id, "title": self.title, "text": self.text}
        record.update(self.metadata)
        return record

    @classmethod
    def from_record(cls, record: Any) -> SourceDocument:
        """Build a document from the plain dict ``{id, title, text, ...}``."""
        if not isinstance(record, dict):
            raise ModelError("a document must be an object with id, title and text")
        for key in ("id", "text"):
            if key not in record:
                raise ModelError(f"a document lacks its {key!r}")
        metadata = {k: v for k, v in record.items() if k not in _RESERVED}
        return cls(record["id"], record.get("title", ""), record["text"], metadata)


def document_text(doc: SourceDocument | Mapping[str, Any]) -> str:
    """Return the text of *doc*, a :class:`SourceDocument` or a plain record."""
    if isinstance(doc, SourceDocument):
        return doc.text
    if isinstance(doc, dict) and isinstance(doc.get("text"), str):
        return doc["text"]
    raise ModelError("expected a source document with a text")


def document_id(doc: SourceDocument | Mapping[str, Any]) -> str:
    """Return the id of *doc*, a :class:`SourceDocument` or a plain record."""
    if isinstance(doc, SourceDocument):
        return doc.id
    if isinstance(doc, dict) and isinstance(doc.get("id"), str):
        return doc["id"]
    raise ModelError("expected a source document with an id")


# ------------------------------------------------------------------- spans
def span_at(doc: SourceDocument | Mapping[str, Any], start: Any, end: Any) -> Attrs:
    """Return the span of *doc* from *start* to *end* (character offsets).

    Raises
    ------
    ModelError
        If the offsets are not whole numbers with ``0 <= start <= end <= len(text)``.
    """
    text = document_text(doc)
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ModelError(f"span {name} must be a whole number")
    if not 0 <= start <= end <= len(text):
        raise ModelError(
            f"span {start}-{end} lies outside document {document_id(doc)!r} "
            f"({len(text)} characters)"
        )
    return {"doc": document_id(doc), "start": start, "end": end, "quote": text[start:end]}


def find_quote(text: str, quote: str) -> list[int]:
    """Return the start offsets of every occurrence of *quote* in *text*, overlaps included."""
    starts = []
    at = text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def make_span(
    doc: SourceDocument | Mapping[str, Any], quote: str, occurrence: int | None = None
) -> Attrs:
    """Return the span of *doc* whose quote is exactly *quote*.

    Parameters
    ----------
    doc : SourceDocument or dict
        The document quoted.
    quote : str
        Text that occurs in the document, character for character.
    occurrence : int, optional
        Which occurrence to take (0 for the first) when the quote occurs more
        than once; without it a repeated quote is an error.

    Raises
    ------
    ModelError
        If the quote is empty, absent, or ambiguous without *occurrence*.

    Example
    -------
    >>> make_span({"id": "d", "text": "a b a"}, "a", occurrence=1)
    {'doc': 'd', 'start': 4, 'end': 5, 'quote': 'a'}
    """
    check_text(quote, "quote")
    if not quote:
        raise ModelError("a quote must not be empty")
    starts = find_quote(document_text(doc), quote)
    name = document_id(doc)
    if not starts:
        raise ModelError(f"quote not found in document {name!r}: {_preview(quote)}")
    if occurrence is None:
        if len(starts) > 1:
            raise ModelError(
                f"quote occurs {len(starts)} times in document {name!r}; "
                f"give an occurrence index: {_preview(quote)}"
            )
        occurrence = 0
    if not 0 <= occurrence < len(starts):
        raise ModelError(
            f"quote occurs {len(starts)} time(s) in document {name!r}, "
            f"so there is no occurrence {occurrence}: {_preview(quote)}"
        )
    return span_at(doc, starts[occurrence], starts[occurrence] + len(quote))


def check_span(doc: SourceDocument | Mapping[str, Any], span: Any) -> Attrs:
    """Raise :class:`ModelError` unless *span* is a valid span of *doc*."""
    if not isinstance(span, dict) or span.get("doc") != document_id(doc):
        raise ModelError(f"span does not refer to document {document_id(doc)!r}")
    expected = span_at(doc, span.get("start"), span.get("end"))
    if expected["quote"] != span.get("quote"):
        raise ModelError(
            f"span quote does not match document {document_id(doc)!r} "
            f"at {span['start']}-{span['end']}"
        )
    return span


def _preview(quote: str, width: int = 60) -> str:
    flat = " ".join(quote.split())
    return repr(flat if len(flat) <= width else flat[: width - 3] + "...")


# ----------------------------------------------------------------- loading
def load_document(
    path: str | os.PathLike[str],
    doc_id: str | None = None,
    title: str | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> SourceDocument:
    """Read a UTF-8 text or Markdown file as a :class:`SourceDocument`.

    The text is kept exactly as stored, except that a leading byte-order mark
    is dropped. The title defaults to a Markdown file's first ``#`` heading,
    else to the file name; the id defaults to a slug of the file name.

    Raises
    ------
    FormatError
        If the file cannot be read, is not UTF-8, is too big, is empty or
        holds only white space, or holds a NUL character.
    """
    path = os.fspath(path)
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in TEXT_SUFFIXES:
        raise FormatError(
            f"not a text or Markdown file (expected {', '.join(TEXT_SUFFIXES)})", path
        )
    text = read_text(path, MAX_DOCUMENT_BYTES)
    _check_loaded_text(text, path)
    stem = os.path.splitext(os.path.basename(path))[0]
    if title is None:
        title = markdown_title(text) if suffix in (".md", ".markdown") else None
    try:
        return SourceDocument(doc_id or slug(stem), title or stem, text, dict(metadata or {}))
    except ModelError as exc:
        raise FormatError(str(exc), path) from None


def _check_loaded_text(text: str, path: str) -> None:
    if not text.strip():
        raise FormatError("the document is empty", path)
    if "\x00" in text:
        raise FormatError(
            f"the document holds a NUL character at offset {text.index(chr(0))}", path
        )
    if len(text) > MAX_TEXT:
        raise FormatError(f"the document is longer than {MAX_TEXT} characters", path)


def markdown_title(text: str) -> str | None:
    """Return the text of the first ``# heading`` line of Markdown *text*, or None.

    One pass over the lines with plain string methods, so a long line of
    spaces costs linear time (a backtracking pattern was quadratic on it).

    Example
    -------
    >>> markdown_title("Intro." + chr(10) + "## Lawful access ##")
    'Lawful access'
    """
    for line in text.splitlines():
        body = line.lstrip("#")
        if not 1 <= len(line) - len(body) <= 6 or body[:1] not in (" ", "\t"):
            continue
        title = body.rstrip(" \t#").strip()
        if title:
            return title
    return None


def slug(name: str) -> str:
    """Return a short lowercase id made of letters, digits and dashes.

    Example
    -------
    >>> slug("The Hill, 2015 (encryption).txt")
    'the-hill-2015-encryption-txt'
    """
    cleaned = re.sub(r"[^0-9a-z]+", "-", name.lower()).strip("-")
    return cleaned[:40].rstrip("-") or "doc"


def add_document_command(doc: SourceDocument | Mapping[str, Any]) -> AddDocument:
    """Return the undoable command that adds *doc* to a map."""
    record = doc.to_record() if isinstance(doc, SourceDocument) else dict(doc)
    return AddDocument(record)
