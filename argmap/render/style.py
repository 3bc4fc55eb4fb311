"""The one style table, shared by the exported diagrams and the editor's canvas.

Colours are chosen to stay distinct for the common forms of colour blindness
(a blue/orange/grey scheme, with shape and line style as second cues), and
text on every fill meets WCAG AA contrast.
"""

#: Per node kind: fill, border and text colours, Graphviz shape, display name.
KIND_STYLE = {
    "claim": {"fill": "#DCEBFA", "border": "#1F5A96", "text": "#0B1F33",
              "shape": "box", "rounded": True, "name": "Claim"},
    "counterclaim": {"fill": "#FBE3CF", "border": "#A34A00", "text": "#331400",
                     "shape": "box", "rounded": True, "name": "Counterclaim"},
    "evidence": {"fill": "#EDEDED", "border": "#4D4D4D", "text": "#1A1A1A",
                 "shape": "note", "rounded": False, "name": "Evidence"},
}

#: Per relation: line colour, line style, arrowhead, display name.
RELATION_STYLE = {
    "supports": {"color": "#2E7D32", "style": "solid", "arrowhead": "normal",
                 "name": "supports"},
    "opposes": {"color": "#C62828", "style": "dashed", "arrowhead": "tee",
                "name": "opposes"},
}

#: What an edge does in the debate (see argmap.model.queries.role): header words.
ROLE_NAMES = {"support": "Support", "objection": "Objection", "rebuttal": "Rebuttal"}

#: Evaluation labels (for colouring by evaluation): fill, border.
LABEL_STYLE = {
    "in": {"fill": "#D6F0D8", "border": "#2E7D32", "name": "accepted"},
    "out": {"fill": "#F7D4D4", "border": "#C62828", "name": "defeated"},
    "undecided": {"fill": "#FFF3C4", "border": "#8A6D00", "name": "undecided"},
}

#: Font used on canvas and in exports (DejaVu Sans ships with Debian's fonts-dejavu-core).
FONT_FAMILY = "DejaVu Sans"
FONT_SIZE = 11
#: Characters per wrapped label line.
WRAP_WIDTH = 34

#: Sizes (points) of the smaller lines on a card and of the title.
HEADER_FONT_SIZE = 8
CITATION_FONT_SIZE = 9
TITLE_FONT_SIZE = 18
LEGEND_FONT_SIZE = 9

#: Colours of the title, of citations and of the page behind the map.
TITLE_COLOR = "#0B1F33"
CITATION_COLOR = "#404040"
BACKGROUND = "#FFFFFF"

#: Header word of a node by its place in the map (see argmap.render.dot).
PLACE_NAMES = {"main": "Main claim", "claim": "Claim", "counterclaim": "Counterclaim",
               "evidence": "Evidence"}
