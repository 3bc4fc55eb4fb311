"""Write argmap/render/font_widths.py: the advance widths of DejaVu Sans, from its font files.

argmap measures a card's text itself when it writes an SVG (see
argmap/render/measure.py); the widths come from the fonts argmap draws with,
read here once from the TrueType files and kept as data, so that exports are
the same on every machine, whether or not the fonts are installed there.

Usage: python tools/font_widths.py [--fonts /usr/share/fonts/truetype/dejavu]
"""

import argparse
import os
import struct
import sys

FACES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
}
OUT = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "argmap",
    "render",
    "font_widths.py",
)


def tables(data):
    """Return ``{tag: (offset, length)}`` of a TrueType file's tables."""
    count = struct.unpack(">H", data[4:6])[0]
    found = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * index : 28 + 16 * index])
        found[tag.decode("ascii")] = (offset, length)
    return found


def advances(data, where):
    """Return ``(units per em, [advance of each glyph])``."""
    units = struct.unpack(">H", data[where["head"][0] + 18 : where["head"][0] + 20])[0]
    metrics = struct.unpack(">H", data[where["hhea"][0] + 34 : where["hhea"][0] + 36])[0]
    glyphs = struct.unpack(">H", data[where["maxp"][0] + 4 : where["maxp"][0] + 6])[0]
    start = where["hmtx"][0]
    widths = [
        struct.unpack(">H", data[start + 4 * i : start + 4 * i + 2])[0] for i in range(metrics)
    ]
    return units, widths + [widths[-1]] * (glyphs - metrics)


def character_map(data, where):
    """Return ``{code point: glyph}`` from the Unicode subtable (format 12, else format 4)."""
    base = where["cmap"][0]
    count = struct.unpack(">H", data[base + 2 : base + 4])[0]
    subtables = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack(
            ">HHI", data[base + 4 + 8 * index : base + 12 + 8 * index]
        )
        kind = struct.unpack(">H", data[base + offset : base + offset + 2])[0]
        subtables[(platform, encoding, kind)] = base + offset
    if (3, 10, 12) in subtables:
        return _format12(data, subtables[(3, 10, 12)])
    return _format4(data, subtables[(3, 1, 4)])


def _format12(data, at):
    groups = struct.unpack(">I", data[at + 12 : at + 16])[0]
    found = {}
    for index in range(groups):
        first, last, glyph = struct.unpack(
            ">III", data[at + 16 + 12 * index : at + 28 + 12 * index]
        )
        for code in range(first, last + 1):
            found[code] = glyph + code - first
    return found


def _format4(data, at):
    segments = struct.unpack(">H", data[at + 6 : at + 8])[0] // 2

    def array(position):
        return struct.unpack(f">{segments}H", data[position : position + 2 * segments])

    ends = array(at + 14)
    starts = array(at + 16 + 2 * segments)
    deltas = array(at + 16 + 4 * segments)
    ranges_at = at + 16 + 6 * segments
    ranges = array(ranges_at)
    found = {}
    for index in range(segments):
        for code in range(starts[index], ends[index] + 1):
            if code == 0xFFFF:
                continue
            if ranges[index] == 0:
                glyph = (code + deltas[index]) & 0xFFFF
            else:
                spot = ranges_at + 2 * index + ranges[index] + 2 * (code - starts[index])
                glyph = struct.unpack(">H", data[spot : spot + 2])[0]
                if glyph:
                    glyph = (glyph + deltas[index]) & 0xFFFF
            if glyph:
                found[code] = glyph
    return found


def face_widths(path):
    """Return ``(units per em, {code point: advance})`` of the font at *path*."""
    with open(path, "rb") as handle:
        data = handle.read()
    where = tables(data)
    units, widths = advances(data, where)
    return units, {code: widths[glyph] for code, glyph in character_map(data, where).items()}


def runs(widths):
    """Encode ``{code: width}`` as text: ``first:w,w,w*n;first:w,...`` over runs of consecutive
    code points (``w*n``: *n* code points in a row of width *w*)."""
    parts, codes = [], sorted(widths)
    index = 0
    while index < len(codes):
        first = index
        while index + 1 < len(codes) and codes[index + 1] == codes[index] + 1:
            index += 1
        values = [widths[code] for code in codes[first : index + 1]]
        parts.append(f"{codes[first]:x}:{_repeats(values)}")
        index += 1
    return ";".join(parts)


def _repeats(values):
    """``w,w,w,v`` as ``w*3,v``."""
    out, at = [], 0
    while at < len(values):
        count = 1
        while at + count < len(values) and values[at + count] == values[at]:
            count += 1
        out.append(f"{values[at]}*{count}" if count > 2 else ",".join([str(values[at])] * count))
        at += count
    return ",".join(out)


def changes(widths, base):
    """The entries of *widths* that *base* lacks or has with another width."""
    return {code: width for code, width in widths.items() if base.get(code) != width}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts", default="/usr/share/fonts/truetype/dejavu")
    parser.add_argument("-o", "--output", default=OUT)
    args = parser.parse_args(argv)
    lines = [
        '"""Advance widths of DejaVu Sans (regular, bold, oblique) in font units.',
        "",
        "Written by tools/font_widths.py from the font files; do not edit. Each face is",
        "``first:w,w,...;first:w,...``: runs of consecutive code points (hexadecimal",
        "first), each with its advance width, ``w*n`` for n in a row of the same width.",
        "ITALIC holds only what differs from REGULAR (a character the oblique face lacks",
        "is drawn from another face).",
        '"""',
        "",
    ]
    units, regular = None, None
    for face, name in FACES.items():
        face_units, widths = face_widths(os.path.join(args.fonts, name))
        if units not in (None, face_units):
            sys.exit("the faces have different units per em")
        units = face_units
        if face == "regular":
            regular = widths
        text = runs(changes(widths, regular) if face == "italic" else widths)
        chunks = [text[i : i + 96] for i in range(0, len(text), 96)]
        lines.append(f"{face.upper()} = (")
        lines.extend(f'    "{chunk}"' for chunk in chunks)
        lines.append(")")
    lines.insert(9, f"UNITS_PER_EM = {units}\n")
    with open(args.output, "w", encoding="ascii") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
