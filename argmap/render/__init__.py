"""Drawing maps: model -> DOT -> Graphviz -> PNG/SVG/PDF, and layout positions for the editor."""
