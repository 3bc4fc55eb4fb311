"""Drawing maps: model -> DOT -> Graphviz -> PNG/SVG/PDF, and layout positions for the editor.

:func:`to_pydot` gives the same drawing as a ``pydot.Dot`` for scripts.
"""


def to_pydot(amap, options=None):
    """Return *amap* as a ``pydot.Dot``; see :func:`argmap.render.pydot_graph.to_pydot`."""
    from argmap.render.pydot_graph import to_pydot as build

    return build(amap, options)
