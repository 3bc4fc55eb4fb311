"""What is selected in a window: node ids in the order they were picked, and links.

One :class:`Selection` is shared by every view of a document (canvas,
outline, inspector, sources dock): a view that changes the selection sets it
here, and every view follows :attr:`Selection.changed`.

When the selected cards leave the map (deleted, or an added card undone), what the last
of them bore on is selected instead (else a main claim), so that the keys go on from a
card nearby rather than from nothing.
"""

from PySide6.QtCore import QObject, Signal

from argmap.model import ChangeType, queries


class Selection(QObject):
    """The selected node ids (in selection order) and links of one window.

    ``changed(origin)`` tells who changed it (the view itself, ``"canvas"``,
    ``"outline"``...), so that a view can leave alone what it just did.
    """

    changed = Signal(object)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._nodes = []
        self._edges = []
        self._document = document
        #: What the last selected card bears on: selected when the selection leaves the map.
        self._nearby = None
        document.changed.connect(self._follow)
        document.reset.connect(self.clear)

    def _follow(self, change):
        """Forget what the map no longer has; select a card nearby when nothing is left."""
        if change.type == ChangeType.NODE_REMOVED and change.node in self._nodes:
            self.forget([change.node])
        elif change.type == ChangeType.EDGE_REMOVED and change.edge in self._edges:
            self.forget(edges=[change.edge])
        else:
            return
        if not self._nodes and not self._edges:
            nearby = self._card_nearby()
            if nearby is not None:
                self.set([nearby])

    def _card_nearby(self):
        """What the last selected card bore on, if it is still there, else a main claim."""
        amap = self._document.amap
        if self._nearby is not None and self._nearby in amap:
            return self._nearby
        mains = queries.main_claims(amap)
        return mains[0] if mains else None

    @property
    def nodes(self):
        """The selected node ids, in the order they were selected."""
        return list(self._nodes)

    @property
    def edges(self):
        """The selected links as ``(source, target)`` pairs."""
        return list(self._edges)

    def single(self):
        """The one selected node, or None when none or several are selected."""
        return self._nodes[0] if len(self._nodes) == 1 else None

    def set(self, nodes=(), edges=(), origin=None):
        """Select exactly *nodes* (in this order) and *edges*; tell the views if it changed."""
        nodes, edges = list(dict.fromkeys(nodes)), list(dict.fromkeys(edges))
        if nodes == self._nodes and edges == self._edges:
            return
        self._nodes, self._edges = nodes, edges
        last = nodes[-1] if nodes else (edges[-1][0] if edges else None)
        if last is not None and last in self._document.amap:
            self._nearby = next(iter(self._document.amap.graph.successors(last)), None)
        self.changed.emit(origin)

    def update_from(self, nodes, edges=(), origin=None):
        """Select the set *nodes*, keeping the order of those already selected."""
        wanted = set(nodes)
        kept = [n for n in self._nodes if n in wanted]
        self.set(kept + [n for n in nodes if n not in kept], edges, origin)

    def clear(self, origin=None):
        """Select nothing."""
        self.set((), (), origin)

    def forget(self, node_ids=(), edges=()):
        """Drop removed nodes and links from the selection."""
        gone, gone_edges = set(node_ids), set(edges)
        self.set(
            [n for n in self._nodes if n not in gone],
            [e for e in self._edges if e not in gone_edges and not set(e) & gone],
        )
