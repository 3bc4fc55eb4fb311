"""Colour arithmetic for legible cards: WCAG contrast, and a colour made readable on a background.

Used by the style table's tests, and by the editor to keep text readable in
a dark palette.
"""


def _channel(value):
    value /= 255.0
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def parse(colour):
    """Return ``(r, g, b)`` of ``#RRGGBB``."""
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def luminance(colour):
    """The relative luminance of ``#RRGGBB`` (0 black to 1 white), as WCAG defines it."""
    r, g, b = (_channel(v) for v in parse(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    """The WCAG contrast ratio of two colours, from 1 to 21.

    Example
    -------
    >>> round(contrast("#000000", "#FFFFFF"), 1), round(contrast("#777777", "#FFFFFF"), 2)
    (21.0, 4.48)
    """
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _mix(colour, towards, amount):
    return "#" + "".join(
        f"{round(c + (t - c) * amount):02X}"
        for c, t in zip(parse(colour), parse(towards), strict=True)
    )


def readable_on(colour, background, ratio=4.5):
    """Return *colour*, lightened or darkened just enough to reach *ratio* on *background*.

    Example
    -------
    >>> readable_on("#1F5A96", "#FFFFFF")
    '#1F5A96'
    >>> contrast(readable_on("#1F5A96", "#202020"), "#202020") >= 4.5
    True
    """
    if contrast(colour, background) >= ratio:
        return colour.upper()
    towards = "#FFFFFF" if luminance(background) < 0.18 else "#000000"
    for step in range(1, 21):
        mixed = _mix(colour, towards, step / 20)
        if contrast(mixed, background) >= ratio:
            return mixed
    return towards
