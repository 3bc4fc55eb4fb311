"""Drawing maps: model -> DOT -> Graphviz -> PNG/SVG/PDF, and layout positions for the editor.

:func:`to_pydot` gives the same drawing as a ``pydot.Dot`` for scripts.
"""

from argmap.render.pydot_graph import to_pydot

__all__ = ["to_pydot"]
