"""Source documents, spans, sentence splitting and draft extraction.

No Qt and no network: the editor's Sources dock and the ``draft`` command
both build on these functions.
"""

from argmap.sources.compare import score_draft
from argmap.sources.documents import (
    SourceDocument,
    add_document_command,
    check_span,
    load_document,
    make_span,
    span_at,
)
from argmap.sources.draft import draft_map
from argmap.sources.sentences import split_sentences

__all__ = [
    "SourceDocument",
    "add_document_command",
    "check_span",
    "load_document",
    "make_span",
    "span_at",
    "split_sentences",
    "draft_map",
    "score_draft",
]
