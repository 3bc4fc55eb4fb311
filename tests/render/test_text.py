"""Cleaning, cutting, wrapping and escaping of user text for labels."""

from hypothesis import given
from hypothesis import strategies as st

from argmap.render.text import (
    ELLIPSIS,
    MAX_TEXT_CHARS,
    clean,
    escape_html,
    html_lines,
    html_rows,
    shorten,
    wrap,
)


def test_clean_removes_controls_and_keeps_newlines():
    """Control characters, lone surrogates and DEL go; newlines and tabs stay."""
    assert clean("a\x00b\x07c\x1bd\x7fe\x85f\ud800g") == "abcdefg"
    assert clean("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour"


def test_clean_keeps_emoji_and_cjk():
    """Characters outside the basic plane and CJK pass through unchanged."""
    assert clean("证据 \U0001f600 ok") == "证据 \U0001f600 ok"


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    """A long text ends in an ellipsis and stays within the limit."""
    text = "word " * 100
    short = shorten(text, 50)
    assert short.endswith(ELLIPSIS) and len(short) <= 50
    assert short == "word " * 9 + "word" + ELLIPSIS
    assert shorten("short", 50) == "short"


def test_wrap_width_and_long_words():
    """Lines never pass the width; over-long words are split; newlines start lines."""
    lines = wrap("alpha beta gamma delta epsilon\nzeta " + "x" * 25, 10)
    assert lines == [
        "alpha beta",
        "gamma",
        "delta",
        "epsilon",
        "zeta",
        "xxxxxxxxxx",
        "xxxxxxxxxx",
        "xxxxx",
    ]
    assert all(len(line) <= 10 for line in lines)
    assert wrap("", 10) == [""]


@given(
    st.one_of(
        st.text(alphabet="ab ", max_size=120), st.text(alphabet="ab \t\u00a0\u2003", max_size=120)
    ),
    st.integers(min_value=1, max_value=40),
)
def test_wrap_packs_whole_words_greedily(paragraph, width):
    """A paragraph's words come back in order, one space apart, each line as full as whole
    words allow; only a word longer than a line is cut, into pieces of the width."""
    lines = wrap(paragraph, width)
    words = [w for w in paragraph.replace("\t", " ").replace("\u00a0", " ").strip().split(" ") if w]
    pieces = [w[i : i + width] for w in words for i in range(0, len(w), width)]
    assert [piece for line in lines for piece in line.split(" ") if piece] == pieces
    assert all(len(line) <= width and "  " not in line for line in lines)
    assert all(lines) if words else lines == [""]
    for line, after in zip(lines, lines[1:], strict=False):
        assert len(line) + 1 + len(after.split(" ")[0]) > width  # the next word did not fit


def test_escape_html_markup_and_quotes():
    """Markup characters become entities, so Graphviz draws them as text."""
    assert escape_html("<b>\"x\" & 'y'</b>") == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"


def test_escape_html_breaks_graphviz_substitutions():
    """A backslash before G, N, E, H, T or L is split off so Graphviz substitutes nothing."""
    assert escape_html(r"\N \G \E \H \T \L") == (
        r"\<FONT>N</FONT> \<FONT>G</FONT> \<FONT>E</FONT> \<FONT>H</FONT> "
        r"\<FONT>T</FONT> \<FONT>L</FONT>"
    )
    assert escape_html("C:\\new\\table\\") == "C:\\new\\table\\"
    assert escape_html(r"\l \n") == r"\l \n"


def test_html_lines_truncates_huge_text():
    """20 KB of text comes out as a card of limited size ending in an ellipsis."""
    lines = html_lines("lorem ipsum " * 1700, 34).split("<BR/>")
    assert all(len(line) <= 34 for line in lines)
    joined = " ".join(lines)
    assert len(joined) <= MAX_TEXT_CHARS and joined.endswith(ELLIPSIS)


def test_html_lines_escapes_across_line_breaks():
    """Wrapped lines are escaped and joined by BR; a backslash at a line end stays literal."""
    assert html_lines("a<b " + "x" * 9 + "\\N", 10) == "a&lt;b<BR/>xxxxxxxxx\\<BR/>N"


def test_html_rows_escapes_each_line_and_joins_them():
    """Cleaned lines are escaped and joined by line breaks."""
    assert html_rows(["a <b>", "\\N & c"]) == "a &lt;b&gt;<BR/>\\<FONT>N</FONT> &amp; c"
    assert html_rows(["x", "y"], separator=" ") == "x y"
