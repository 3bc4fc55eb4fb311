"""Bringing documents in: File > Import Document… and File > New Map from Documents….

Each action comes in two parts: a function that takes the file paths (and
choices) as arguments, and a thin one that asks for them with a file dialog.
"""

from PySide6.QtWidgets import QFileDialog

from argmap.errors import ArgmapError
from argmap.model import AddDocument, AddNode, ArgumentMap, Batch, Connect, SetMapAttrs
from argmap.sources import draft_map, load_document

DOCUMENT_FILTER = "Text and Markdown (*.txt *.text *.md *.markdown);;All files (*)"
#: Longest map title made from document titles.
MAX_TITLE = 200


def unique_id(base, taken):
    """Return *base*, or *base* with a number added, so that it is not in *taken*.

    Example
    -------
    >>> unique_id("hill", {"hill", "hill-2"})
    'hill-3'
    """
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def load_documents(window, paths, title):
    """Read *paths* as documents; on a bad file show an error titled *title*, return None."""
    try:
        return [load_document(path) for path in paths]
    except ArgmapError as exc:
        window.show_error(title, str(exc))
        return None


def document_records(documents, taken=()):
    """Return the documents as map records with ids unique among themselves and *taken*."""
    taken, records = set(taken), []
    for doc in documents:
        record = doc.to_record()
        record["id"] = unique_id(record["id"], taken)
        taken.add(record["id"])
        records.append(record)
    return records


# ------------------------------------------------------------------ import
def import_documents(window, paths):
    """Add the documents at *paths* to the window's map as one undoable step.

    A file that cannot be read (not UTF-8, empty, too big, ...) is reported in
    an error dialog and nothing is imported.

    Returns
    -------
    list of str
        The ids of the added documents (empty when nothing was added).
    """
    documents = load_documents(window, paths, "Cannot import the document")
    if not documents:
        return []
    records = document_records(documents, window.document.amap.documents)
    label = (f"Import {records[0]['title'] or records[0]['id']}" if len(records) == 1
             else f"Import {len(records)} documents")
    if window.push(Batch(label, [AddDocument(r) for r in records])) is None:
        return []
    dock = window.sources_dock
    dock.show()
    dock.raise_()
    dock.show_document(records[-1]["id"])
    return [r["id"] for r in records]


def import_dialog(window):
    """Ask for text or Markdown files and import them."""
    paths, _ = QFileDialog.getOpenFileNames(window, "Import documents", window._folder(),
                                            DOCUMENT_FILTER)
    return import_documents(window, paths) if paths else []


# ------------------------------------------------------------- new map
def map_of_documents(documents, draft=False):
    """Return a new map holding *documents*; with *draft*, filled with draft nodes."""
    if draft:
        return draft_map(documents)
    records = document_records(documents)
    amap = ArgumentMap("; ".join(r["title"] or r["id"] for r in records)[:MAX_TITLE])
    for record in records:
        amap.apply(AddDocument(record))
    return amap


def fill_window(window, source):
    """Give the empty map of *window* the title, documents, nodes and links of *source*."""
    graph = source.graph
    steps = [SetMapAttrs({"title": source.title}, "Title")]
    steps += [AddDocument(dict(record)) for record in source.documents.values()]
    steps += [AddNode(a["kind"], a["text"], dict(a), node_id=n) for n, a in graph.nodes(data=True)]
    steps += [Connect(u, v, a["relation"], dict(a)) for u, v, a in graph.edges(data=True)]
    window.document.amap.apply(Batch("Start from documents", steps))


def new_map_from_documents(window, paths, draft=False):
    """Open a new window whose map holds the documents at *paths*.

    Parameters
    ----------
    window : MainWindow
        The window asking; errors are shown there.
    paths : list of str
        Text or Markdown files.
    draft : bool
        Fill the map with draft nodes found in the documents (marked
        ``draft: true``), laid out by Graphviz.

    Returns
    -------
    MainWindow or None
        The new window, or None when a file could not be read.
    """
    from argmap.gui.main_window import MainWindow

    documents = load_documents(window, paths, "Cannot start a map from the documents")
    if not documents:
        return None
    source = map_of_documents(documents, draft)
    new = MainWindow(settings=window.settings)
    fill_window(new, source)
    new.show()
    if len(source):
        new.initial_layout()
    return new


def new_map_dialog(window, draft=False):
    """Ask for documents and open a new map (a draft map with *draft*) made from them."""
    title = "New draft map from documents" if draft else "New map from documents"
    paths, _ = QFileDialog.getOpenFileNames(window, title, window._folder(), DOCUMENT_FILTER)
    return new_map_from_documents(window, paths, draft) if paths else None
