"""The style table: legible cards and lines, in every role."""

import pytest

from argmap.render import style
from argmap.render.colours import contrast, readable_on


@pytest.mark.parametrize("role", sorted(style.ROLE_STYLE))
def test_card_text_and_header_are_legible_on_their_fill(role):
    """Statement text and the header (drawn in the border colour) reach WCAG AA (4.5:1)."""
    rs = style.ROLE_STYLE[role]
    assert contrast(rs["text"], rs["fill"]) >= 4.5
    assert contrast(rs["border"], rs["fill"]) >= 4.5


def test_roles_are_told_apart_by_fill():
    """No two roles share a fill, and loose nodes borrow a role's colours."""
    fills = [rs["fill"] for rs in style.ROLE_STYLE.values()]
    assert len(set(fills)) == len(fills)
    assert style.role_style("counterclaim") is style.ROLE_STYLE["objection"]
    assert style.role_style("claim") is style.ROLE_STYLE["support"]


def test_contrast_matches_known_pairs():
    """Black on white is 21:1, equal colours 1:1, WCAG's #767676 on white just passes."""
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#3A7BD5", "#3A7BD5") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("background", ["#1E1E1E", "#2B2B2B", "#FFFFFF", "#F0F0F0"])
def test_readable_on_reaches_the_ratio_on_dark_and_light(background):
    """Every role colour, adjusted for a background, reaches 4.5:1 on it."""
    for rs in style.ROLE_STYLE.values():
        assert contrast(readable_on(rs["border"], background), background) >= 4.5


def test_edge_width_grows_with_strength():
    """A stronger link is drawn thicker; a link without strength has the usual width."""
    widths = [style.edge_width(s) for s in (0, 0.25, 0.5, 1)]
    assert widths == sorted(widths) and len(set(widths)) == 4
    assert style.edge_width(None) == style.EDGE_WIDTH
    assert style.edge_width(7) == style.STRONGEST
