"""PNG details argmap writes and reads: the resolution in a ``pHYs`` chunk, the size."""

from __future__ import annotations

import struct
import zlib

from argmap.errors import RenderError


def png_size(png: bytes) -> tuple[int, int]:
    """Return ``(width, height)`` in pixels from the PNG bytes' header."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def png_with_dpi(png: bytes, dpi: int) -> bytes:
    """Return the PNG bytes *png* recording *dpi* in a pHYs chunk (replacing any there).

    Example
    -------
    >>> png = png_with_dpi(open("map.png", "rb").read(), 150)   # doctest: +SKIP
    """
    if not png.startswith(b"\x89PNG\r\n\x1a\n") or png[12:16] != b"IHDR":
        raise RenderError("not a PNG: cannot record its resolution")
    chunks, at = [], 8
    while at < len(png):
        length = struct.unpack(">I", png[at : at + 4])[0]
        end = at + 12 + length
        if png[at + 4 : at + 8] != b"pHYs":
            chunks.append(png[at:end])
        at = end
    per_metre = round(dpi / 0.0254)
    data = struct.pack(">IIB", per_metre, per_metre, 1)
    phys = (
        struct.pack(">I", len(data))
        + b"pHYs"
        + data
        + struct.pack(">I", zlib.crc32(b"pHYs" + data) & 0xFFFFFFFF)
    )
    return png[:8] + chunks[0] + phys + b"".join(chunks[1:])


def png_dpi(png: bytes) -> int | None:
    """Return the dpi a PNG records in its pHYs chunk, or None."""
    at = png.find(b"pHYs")
    if at < 0:
        return None
    x, _, unit = struct.unpack(">IIB", png[at + 4 : at + 13])
    return round(x * 0.0254) if unit == 1 else None
