"""The words argmap's Argdown reader and writer share.

Example
-------
>>> STASH in ("argmap",), "speaker" in DATA_FIELDS
(True, True)
"""

#: Tags that set a node's kind instead of being kept as tags.
KIND_TAGS = ("evidence", "counterclaim")
#: Node attributes written in (and read from) an element's ``{yaml}`` data.
DATA_FIELDS = ("speaker", "citation", "url", "date", "note", "basis", "rating")
#: The front-matter key under which argmap keeps what Argdown has no syntax for.
STASH = "argmap"
