"""Tests of sentence splitting on hand-made cases and on the two seed articles."""

import os

import pytest

from argmap.sources.seeds import SEED_DIR
from argmap.sources.sentences import (
    blocks,
    is_noise_line,
    quote_regions,
    sentence_texts,
    split_sentences,
)


def test_offsets_slice_the_original_text():
    """Every pair of offsets slices a sentence out of the untouched text."""
    text = "  One thing.  Two things!\tThree?  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["One thing.", "Two things!", "Three?"]
    assert spans[0] == (2, 12)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The attacks on Nov. 13 killed 130 people. Officials spoke.",
            ["The attacks on Nov. 13 killed 130 people.", "Officials spoke."],
        ),
        (
            "Dr. Smith and Sen. Jones met Mr. Brown. They agreed.",
            ["Dr. Smith and Sen. Jones met Mr. Brown.", "They agreed."],
        ),
        (
            "Some services, e.g. WhatsApp, encrypt by default. Others do not.",
            ["Some services, e.g. WhatsApp, encrypt by default.", "Others do not."],
        ),
        (
            "Apple Inc. Chief Tim Cook refused. The FBI sued.",
            ["Apple Inc. Chief Tim Cook refused.", "The FBI sued."],
        ),
        (
            "The phone was made by Apple Inc. The FBI sued.",
            ["The phone was made by Apple Inc.", "The FBI sued."],
        ),
        (
            "The U.S. Department of Justice signed it. So did others.",
            ["The U.S. Department of Justice signed it.", "So did others."],
        ),
        (
            "Officials joined the U.S. The statement followed.",
            ["Officials joined the U.S.", "The statement followed."],
        ),
        (
            "John F. Kennedy spoke. J. R. Smith listened.",
            ["John F. Kennedy spoke.", "J. R. Smith listened."],
        ),
        ("Wait... Is it safe? Yes! It is.", ["Wait...", "Is it safe?", "Yes!", "It is."]),
        (
            "It rose 3.5 percent in 2018. Then it fell.",
            ["It rose 3.5 percent in 2018.", "Then it fell."],
        ),
    ],
)
def test_abbreviations_initials_and_numbers(text, expected):
    """Abbreviations, initials and decimals do not end a sentence; real ends do."""
    assert sentence_texts(text) == expected


def test_a_quotation_of_several_sentences_stays_with_its_attribution():
    """A quote that closes in its paragraph is one sentence with its speaker."""
    text = "“Encryption matters. It protects us,” the CEO said. Police disagreed."
    assert sentence_texts(text) == [
        "“Encryption matters. It protects us,” the CEO said.",
        "Police disagreed.",
    ]


def test_a_closing_quote_after_the_full_stop_ends_the_sentence():
    """The closing quote mark belongs to the sentence it closes."""
    text = 'He said “it is a threat.” The groups agreed. "Act now." They did.'
    assert sentence_texts(text) == [
        "He said “it is a threat.”",
        "The groups agreed.",
        '"Act now."',
        "They did.",
    ]


def test_a_quote_followed_by_lower_case_attribution_does_not_break():
    """``“Why now?” he asked.`` is one sentence."""
    assert sentence_texts("“Why now?” he asked. Nobody knew.") == [
        "“Why now?” he asked.",
        "Nobody knew.",
    ]


def test_stray_quote_marks_are_ignored():
    """An unmatched opening quote neither swallows the paragraph nor becomes a sentence."""
    text = "We urge action. “ Then we wait. More follows. “"
    assert sentence_texts(text) == ["We urge action.", "Then we wait.", "More follows."]
    assert quote_regions("a “b” c “d", 0, 10) == [(2, 5)]


def test_paragraphs_and_noise_lines_break_sentences():
    """Blank lines end a sentence; an ADVERTISEMENT line is in none."""
    text = "A claim without a stop\n\nADVERTISEMENT\n\nNext one.\nStill next.\nADVERTISEMENT\nLast"
    assert sentence_texts(text) == ["A claim without a stop", "Next one.", "Still next.", "Last"]
    assert is_noise_line("  Advertisement  ") and not is_noise_line("Advertisement rules.")


def test_markdown_headings_and_list_items_are_their_own_blocks():
    """A heading or a list item starts a new block even without a blank line."""
    text = "# Backdoors\nIntro line\n- first point\n- second point"
    assert sentence_texts(text) == ["# Backdoors", "Intro line", "- first point", "- second point"]
    assert len(blocks(text)) == 4


def test_windows_line_breaks():
    """CRLF paragraphs split like LF ones, with offsets into the CRLF text."""
    text = "One.\r\n\r\nTwo is\r\nwrapped."
    assert sentence_texts(text) == ["One.", "Two is\r\nwrapped."]


def test_empty_and_punctuation_only_text():
    """Text without letters or digits has no sentences."""
    assert split_sentences("") == [] and split_sentences(" “ … ” \n\n--") == []


# ------------------------------------------------------------ the seeds
def _seed(name):
    with open(os.path.join(SEED_DIR, name), encoding="utf-8") as handle:
        return handle.read()


def test_hill_article_sentences():
    """The 2015 article splits into its eleven sentences, without the ADVERTISEMENT line."""
    sentences = sentence_texts(_seed("000_e1dcd31a3958e1b1.txt"))
    assert len(sentences) == 11
    assert "ADVERTISEMENT" not in " ".join(sentences)
    assert sentences[2] == (
        "Encryption has been thrust in the spotlight following the Nov. 13 "
        "terror attacks in Paris, which killed 130 people and wounded "
        "hundreds more."
    )
    assert sentences[3].startswith("Officials and lawmakers have said")
    assert sentences[1].endswith("address this critical threat.”")
    assert sentences[8].startswith("“Weakening encryption")
    assert sentences[8].endswith("the council's CEO, Dean Garfield, said in a statement.")
    assert sentences[-1].endswith("right to privacy,” the groups said.")


def test_statement_article_sentences():
    """The 2020 article's noisy quotes and "U.S." split where a reader would split."""
    sentences = sentence_texts(_seed("004_a1cfe0c84c2564aa.txt"))
    assert len(sentences) == 14
    assert sentences[1] == (
        "On Monday, local time, the U.S. Department of Justice signed a "
        "new international statement,media reported."
    )
    assert sentences[5].endswith(
        "“However, the implementation of encryption poses a major challenge to public safety.”"
    )
    assert sentences[6] == (
        "We urge the industry to address our serious concern that "
        "encryption is applied in a way that completely excludes any "
        "legitimate access to content."
    )
    assert sentences[11] == (
        "This local encryption was at the heart of the 2016 San Bernardino encryption war."
    )
    assert sentences[-1].endswith("integrated platforms,” the document continues.")
