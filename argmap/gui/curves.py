"""The shape of a link on the canvas, and the part of it inside a rectangle.

A link runs from an anchor on the premise's card to one on its target's. Between
cards one above the other (at least :data:`~argmap.render.arranged.STACKED_GAP`
apart up and down) it leaves the lower card's top and reaches the upper card's
bottom as a cubic curve that leaves and arrives vertically (control points
halfway down), however far apart the cards are sideways: it then runs between
their rows, never across a card beside either. Else it joins the edges that face
each other: a curve like that when the two are far apart vertically, else a
straight line. Both coordinates
grow monotonically along either shape, so the part inside a rectangle is one
stretch ``[t0, t1]`` of the curve's parameter (each coordinate's equation solved
in closed form); the canvas
strokes only that stretch, with its dash pattern moved on by the length
before it, so a long dashed link costs what its visible part costs and looks
the same.
"""

import math

from argmap.render.arranged import STACKED_GAP

#: Below this vertical/horizontal ratio a link is drawn straight.
STRAIGHT_BELOW = 0.3
_GAUSS = (
    (-0.9061798459386640, 0.2369268850561891),
    (-0.5384693101056831, 0.4786286704993665),
    (0.0, 0.5688888888888889),
    (0.5384693101056831, 0.4786286704993665),
    (0.9061798459386640, 0.2369268850561891),
)


def anchor_at(centre, size, toward):
    """Where a line from the card of *size* at *centre* towards the point *toward* leaves
    it: the middle of its top or bottom edge when the line runs more up or down than the
    card's shape, else the middle of a side (all ``(x, y)`` pairs)."""
    (cx, cy), (w, h) = centre, size
    dx, dy = toward[0] - cx, toward[1] - cy
    if abs(dy) * w >= abs(dx) * h:
        return cx, cy + math.copysign(h / 2, dy or 1)
    return cx + math.copysign(w / 2, dx), cy


def link_between(premise, premise_size, target, target_size):
    """The :class:`LinkShape` of the link from the card at *premise* to the one at *target*
    (centres), as the canvas draws it."""
    (px, py), (_, ph) = premise, premise_size
    (tx, ty), (_, th) = target, target_size
    if py - ph / 2 - (ty + th / 2) >= STACKED_GAP:  # the premise under its target
        return LinkShape((px, py - ph / 2), (tx, ty + th / 2), curved=True)
    if ty - th / 2 - (py + ph / 2) >= STACKED_GAP:  # the premise over it
        return LinkShape((px, py + ph / 2), (tx, ty - th / 2), curved=True)
    return LinkShape(
        anchor_at(premise, premise_size, target), anchor_at(target, target_size, premise)
    )


def _ease(t):
    """x along the curve: 0 to 1, flat at both ends (3t² - 2t³)."""
    return t * t * (3.0 - 2.0 * t)


def _ease_speed(t):
    return 6.0 * t * (1.0 - t)


def _ease_inverse(value):
    return 0.5 - math.sin(math.asin(1.0 - 2.0 * value) / 3.0)


def _lean(t):
    """y along the curve: 0 to 1 (t³ + 1.5 t (1 - t), that is (t - ½)³ + ¾ (t - ½) + ½)."""
    return t * t * t + 1.5 * t * (1.0 - t)


def _lean_speed(t):
    return 3.0 * t * t - 3.0 * t + 1.5


def _lean_inverse(value):
    return 0.5 + math.sinh(math.asinh(4.0 * (value - 0.5)) / 3.0)


def _same(t):
    return t


def _one(t):
    return 1.0


class LinkShape:
    """The shape of one link from ``start`` to ``end`` (``(x, y)`` pairs): curved when
    *curved* says so, else when it runs far enough up or down for its length sideways."""

    def __init__(self, start, end, curved=None):
        self.start, self.end = start, end
        (sx, sy), (ex, ey) = start, end
        if curved is None:
            curved = abs(ey - sy) >= abs(ex - sx) * STRAIGHT_BELOW
        self.curved = curved
        if self.curved:
            self._fx, self._fy, self._vx, self._vy = _ease, _lean, _ease_speed, _lean_speed
            self._ix, self._iy = _ease_inverse, _lean_inverse
        else:
            self._fx, self._fy, self._vx, self._vy = _same, _same, _one, _one
            self._ix = self._iy = _same

    def controls(self):
        """The cubic's four points (``start, c1, c2, end``); None for a straight line."""
        if not self.curved:
            return None
        (sx, sy), (ex, ey) = self.start, self.end
        mid = (sy + ey) / 2
        return self.start, (sx, mid), (ex, mid), self.end

    def point(self, t):
        (sx, sy), (ex, ey) = self.start, self.end
        return sx + (ex - sx) * self._fx(t), sy + (ey - sy) * self._fy(t)

    def inside(self, left, top, right, bottom):
        """The stretch ``(t0, t1)`` of the shape inside the rectangle, or None."""
        (sx, sy), (ex, ey) = self.start, self.end
        tx = _stretch(self._ix, sx, ex, left, right)
        ty = _stretch(self._iy, sy, ey, top, bottom)
        if tx is None or ty is None:
            return None
        t0, t1 = max(tx[0], ty[0]), min(tx[1], ty[1])
        return (t0, t1) if t0 <= t1 else None

    def piece(self, t0, t1):
        """The points of the shape between *t0* and *t1*: four for a curve, two for a line."""
        if not self.curved:
            return self.point(t0), self.point(t1)
        return _split(self.controls(), t0, t1)

    def length(self, t=1.0, steps=4):
        """The length of the shape from its start to *t* (Gauss-Legendre, *steps* parts)."""
        (sx, sy), (ex, ey) = self.start, self.end
        dx, dy = ex - sx, ey - sy
        if not self.curved:
            return math.hypot(dx, dy) * t
        total, width = 0.0, t / steps
        for step in range(steps):
            middle = (step + 0.5) * width
            for offset, weight in _GAUSS:
                u = middle + offset * width / 2
                total += weight * math.hypot(dx * self._vx(u), dy * self._vy(u))
        return total * width / 2


def _stretch(inverse, a, b, low, high):
    """The parameters ``(t0, t1)`` where ``a + (b - a) * ease(t)`` lies in [low, high],
    *inverse* being the inverse of the (growing) ease."""
    if a == b:
        return (0.0, 1.0) if low <= a <= high else None
    u0, u1 = sorted(((low - a) / (b - a), (high - a) / (b - a)))
    if u1 < 0.0 or u0 > 1.0:
        return None
    return inverse(max(u0, 0.0)), inverse(min(u1, 1.0))


def _split(points, t0, t1):
    """The control points of the part of a cubic between *t0* and *t1* (de Casteljau)."""
    _, right = _halves(points, t0)
    if t0 >= 1.0:
        return right
    left, _ = _halves(right, (t1 - t0) / (1.0 - t0))
    return left


def _halves(points, t):
    a, b, c, d = points

    def lerp(p, q):
        return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)

    ab, bc, cd = lerp(a, b), lerp(b, c), lerp(c, d)
    abc, bcd = lerp(ab, bc), lerp(bc, cd)
    middle = lerp(abc, bcd)
    return (a, ab, abc, middle), (middle, bcd, cd, d)
