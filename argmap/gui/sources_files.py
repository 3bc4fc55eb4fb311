"""Reading documents in: for File > Import Document… and File > New Map from Documents….

Plain functions over file paths; the dialogs that ask for the paths live with
the actions (the Sources dock imports, the window opens new maps).
"""

from argmap.model import ArgumentMap, edits
from argmap.sources import load_document
from argmap.sources.draft import draft_map

DOCUMENT_FILTER = "Text and Markdown (*.txt *.text *.md *.markdown);;All files (*)"
#: Longest map title made from document titles.
MAX_TITLE = 200


def read_documents(paths):
    """Read *paths* as documents (ArgmapError naming the file that cannot be read)."""
    return [load_document(path) for path in paths]


def map_of_documents(documents, draft=False):
    """Return a new map holding *documents*; with *draft*, filled with draft nodes."""
    if draft:
        return draft_map(documents)
    amap = ArgumentMap()
    command = edits.import_documents(amap, [doc.to_record() for doc in documents])
    if command is not None:
        amap.apply(command)
    titles = [r.get("title") or r["id"] for r in amap.documents.values()]
    rename = edits.set_title(amap, "; ".join(titles)[:MAX_TITLE])
    if rename is not None:
        amap.apply(rename)
    return amap
