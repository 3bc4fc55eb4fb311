"""The look of an export: background and light or dark theme.

These work on what argmap's DOT writer and Graphviz produce: colours are
changed only inside the attributes argmap writes (``color="#..."``,
``BGCOLOR="#..."``), never in a map's text, which the writer has escaped.
argmap's own SVG writer takes its colours through :func:`themed`.
"""

from __future__ import annotations

import re

from argmap.errors import RenderError
from argmap.render import style

BACKGROUNDS = ("white", "transparent")
THEMES = ("light", "dark")

#: Light colour of the style tables -> its dark-theme colour (fills darken, text lightens).
DARK = {
    style.BACKGROUND: "#1B1E23",
    # card fills
    "#CFE2F8": "#1E3A5F",
    "#DCEBFA": "#1B3350",
    "#FBE3CF": "#4A2A10",
    "#DDF0E2": "#173A24",
    "#EDEDED": "#33363B",
    "#D6F0D8": "#1F3D22",
    "#F7D4D4": "#4A1E1E",
    "#FFF3C4": "#4A3F12",
    # text
    "#0B1F33": "#E6EEF8",
    "#0B2414": "#E3F4E8",
    "#331400": "#FBE9DC",
    "#1A1A1A": "#EDEDED",
    "#404040": "#B8BEC6",
    # borders and links
    "#0B3D91": "#8CBAF2",
    "#1F5A96": "#6FA3DB",
    "#A34A00": "#F0A060",
    "#1E6B3A": "#6CC48A",
    "#4D4D4D": "#A0A4AA",
    "#2E7D32": "#66BB6A",
    "#C62828": "#EF6B6B",
    "#8A6D00": "#E0C050",
}
_COLOUR_ATTR = re.compile(r'\b((?:bg|fill|font)?color|(?:BG)?COLOR)="(#[0-9A-Fa-f]{6})"')


def check_look(background: str, theme: str) -> None:
    """Raise RenderError unless *background* and *theme* are known."""
    if background not in BACKGROUNDS:
        raise RenderError(
            f"unknown background {background!r}; expected one of {', '.join(BACKGROUNDS)}"
        )
    if theme not in THEMES:
        raise RenderError(f"unknown theme {theme!r}; expected one of {', '.join(THEMES)}")


def restyle_dot(source: str, background: str = "white", theme: str = "light") -> str:
    """Return argmap's DOT *source* drawn on *background* in the *theme*'s colours.

    Example
    -------
    >>> restyle_dot('graph [bgcolor="#FFFFFF"]', "transparent")
    'graph [bgcolor="transparent"]'
    """
    check_look(background, theme)
    if theme == "dark":
        source = _COLOUR_ATTR.sub(_darken, source)
    if background == "transparent":
        shown = themed(style.BACKGROUND, theme)
        source = source.replace(f'bgcolor="{shown}"', 'bgcolor="transparent"', 1)
    return source


def _darken(match: re.Match[str]) -> str:
    return f'{match.group(1)}="{themed(match.group(2), "dark")}"'


def themed(colour: str, theme: str) -> str:
    """Return the style table's *colour* (``#RRGGBB``) as the *theme* draws it.

    Example
    -------
    >>> themed("#DCEBFA", "dark"), themed("#DCEBFA", "light")
    ('#1B3350', '#DCEBFA')
    """
    if theme == "dark":
        return DARK.get(colour.upper(), colour)
    return colour


def page_colour(background: str, theme: str) -> str | None:
    """The colour behind the map, or None for a transparent *background*."""
    return None if background == "transparent" else themed(style.BACKGROUND, theme)
