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
    "undec": {"fill": "#FFF3C4", "border": "#8A6D00", "name": "undecided"},
}

#: Font used on canvas and in exports (DejaVu Sans ships with Debian's fonts-dejavu-core).
FONT_FAMILY = "DejaVu Sans"
FONT_SIZE = 11
#: Characters per wrapped label line.
WRAP_WIDTH = 34
