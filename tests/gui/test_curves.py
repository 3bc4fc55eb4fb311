"""The shape of a link and the part of it inside a rectangle (argmap.gui.curves)."""

import math

import pytest

from argmap.gui.curves import LinkShape


def _samples(shape, count=20000):
    return [(i / count, shape.point(i / count)) for i in range(count + 1)]


@pytest.mark.parametrize(
    "start, end",
    [((0, 0), (4000, 900)), ((500, 800), (-90000, 0)), ((0, 0), (0, 300)), ((10, 5), (900, 40))],
)
def test_the_part_inside_a_rectangle_is_where_the_line_is_inside(start, end):
    shape = LinkShape(start, end)
    for rect in [
        (-100, 100, 700, 500),
        (1000, -50, 1200, 2000),
        (-5, -5, 5, 5),
        (-50000, 200, -40000, 600),
        (5000, 5000, 6000, 6000),
    ]:
        left, top, right, bottom = rect
        inside = [t for t, (x, y) in _samples(shape) if left <= x <= right and top <= y <= bottom]
        stretch = shape.inside(*rect)
        if not inside:
            assert stretch is None or stretch[1] - stretch[0] < 1e-4
            continue
        t0, t1 = stretch
        assert abs(t0 - inside[0]) < 1e-4 and abs(t1 - inside[-1]) < 1e-4


def test_a_piece_runs_along_the_line_from_t0_to_t1():
    shape = LinkShape((0, 0), (2000, 700))
    points = shape.piece(0.3, 0.6)
    assert len(points) == 4 and shape.curved
    for end, t in ((points[0], 0.3), (points[3], 0.6)):
        assert math.dist(end, shape.point(t)) < 1e-6
    # the piece's own middle is a point of the whole curve
    a, b, c, d = points
    middle = tuple(0.125 * (a[i] + 3 * b[i] + 3 * c[i] + d[i]) for i in range(2))
    assert min(math.dist(middle, p) for _, p in _samples(shape)) < 0.2
    straight = LinkShape((0, 0), (1000, 100))
    assert not straight.curved and straight.piece(0.5, 1.0) == ((500.0, 50.0), (1000.0, 100.0))


@pytest.mark.parametrize("end", [(120000, 400), (300, 900), (-2500, -300)])
def test_length_to_t_matches_the_line_walked_in_small_steps(end):
    shape = LinkShape((0, 0), end)
    samples = _samples(shape, 200000)
    walked = 0.0
    for (_, p), (t, q) in zip(samples, samples[1:], strict=False):
        if t > 0.37 + 1e-9:
            break
        walked += math.dist(p, q)
    assert abs(shape.length(0.37) - walked) < 0.05  # well under a pixel, however long
