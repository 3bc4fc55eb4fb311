"""Build the seeded map ``resources/maps/encryption-backdoors.argmap``.

The map lays out both seed articles (see :mod:`argmap.sources.seeds`): the
case for warrant-based ("backdoor") access to encrypted data made by police
chiefs, prosecutors and seven governments, the case against made by the
technology industry and security experts, the evidence each side gives or
lacks, the concessions, and the rebuttals between them.

Every node's source spans are made from exact quotes with
:func:`~argmap.sources.documents.make_span`, so a quote that drifts from the
text stops the build. Nodes that are the mapper's inference rather than
something either article says carry ``inferred: true`` and a ``note``.

``python tools/seed_map.py [OUT]`` rebuilds the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from argmap.model import ArgumentMap
from argmap.model.schema import Attrs
from argmap.sources.documents import SourceDocument, add_document_command, make_span
from argmap.sources.seeds import load_seed_documents

TITLE = "Should law enforcement get warrant-based access to encrypted data?"
HILL = "hill-2015"
STATEMENT = "seven-govts-2020"

#: How nodes cite each article.
CITATIONS = {
    HILL: "News report on the IACP and NDAA campaign, 2015 (attributed to The Hill)",
    STATEMENT: "Translated news report on the seven governments' statement, 2020",
}

INFERRED_NOTE = "Mapper's inference: "

#: The nodes: key, kind, text, speaker, quotes [(doc, quote)], and optional extras.
NODES: list[dict[str, Any]] = [
    dict(
        key="issue",
        kind="claim",
        text="Law enforcement should be guaranteed access to encrypted data when it holds a "
        'warrant, even if that means a "backdoor" into encryption.',
        speaker="Law enforcement agencies and the seven governments",
        quotes=[
            (
                HILL,
                'they should have guaranteed "backdoor" access to encrypted data when '
                "armed with a warrant",
            ),
            (
                STATEMENT,
                "called for industry-wide action to allow law enforcement agencies "
                "to access encrypted data after obtaining a search warrant",
            ),
        ],
        inferred=True,
        note=INFERRED_NOTE + "the wording of the main issue is the mapper's; both articles "
        "debate it and the quotes show each side's own words.",
        tags=["main-issue"],
    ),
    # ------------------------------------------------------------ the case for
    dict(
        key="legislate",
        kind="claim",
        text="Lawmakers should act now to change the laws on access to digital data, such as "
        "CALEA and the ECPA, so that investigators can reach encrypted communications.",
        speaker="IACP and NDAA",
        quotes=[
            (
                HILL,
                "launched a renewed campaign for legislation that would give "
                "investigators access to encrypted communications",
            ),
            (HILL, "press for immediate action to address this critical threat."),
            (
                HILL,
                "they would push for legislative action to change the laws that govern "
                "access to digital data, including the Communications Assistance for "
                "Law Enforcement Act and the Electronic Communications Privacy Act",
            ),
        ],
        note="The groups' concrete demand: the legislative route to the main issue.",
    ),
    dict(
        key="hindered",
        kind="claim",
        text="Sophisticated encryption and other technical barriers increasingly keep law "
        "enforcement from lawfully reaching criminal and terrorist communications.",
        speaker="IACP and NDAA",
        quotes=[
            (
                HILL,
                "The proliferation of sophisticated encryption technology and other "
                "technological barriers have increasingly hindered law enforcement’s "
                "ability to lawfully access criminal and terrorist-related "
                "communications",
            )
        ],
    ),
    dict(
        key="paris",
        kind="evidence",
        basis="statistic",
        text="The Nov. 13 terror attacks in Paris killed 130 people and wounded hundreds more.",
        speaker="The Hill (reporter)",
        quotes=[
            (
                HILL,
                "following the Nov. 13 terror attacks in Paris, which killed 130 people "
                "and wounded hundreds more",
            )
        ],
    ),
    dict(
        key="planned",
        kind="evidence",
        basis="testimony",
        text="Officials and lawmakers believe the ISIS members behind the Paris attacks likely "
        "planned them over encrypted platforms that hid them from intelligence agencies.",
        speaker="Officials and lawmakers",
        quotes=[
            (
                HILL,
                "Officials and lawmakers have said they believe the Islamic State in "
                "Iraq and Syria (ISIS) members behind assault likely conducted their "
                "planning over encrypted communication platforms, shielding them from "
                "intelligence agencies",
            )
        ],
    ),
    dict(
        key="no_evidence",
        kind="counterclaim",
        text="No evidence has been presented that the Paris attackers planned over encrypted "
        "platforms; the belief alone has given the access argument new momentum.",
        speaker="The Hill (reporter)",
        quotes=[
            (
                HILL,
                "Although no evidence has been presented to back up these claims, the "
                "belief has given new momentum to law enforcement agencies' "
                "long-standing argument",
            )
        ],
        tags=["evidence-lacking"],
    ),
    dict(
        key="statement_call",
        kind="claim",
        text="The technology industry should stop applying encryption in ways that completely "
        "exclude any legitimate access to content.",
        speaker="Seven governments' statement",
        quotes=[
            (
                STATEMENT,
                "We urge the industry to address our serious concern that "
                "encryption is applied in a way that completely excludes any "
                "legitimate access to content.",
            )
        ],
    ),
    dict(
        key="public_safety",
        kind="claim",
        text="The way encryption is implemented poses a major challenge to public safety.",
        speaker="Seven governments' statement",
        quotes=[
            (STATEMENT, "the agency warned of the dangers behind encryption"),
            (
                STATEMENT,
                "However, the implementation of encryption poses a major "
                "challenge to public safety.",
            ),
        ],
    ),
    dict(
        key="signatories",
        kind="evidence",
        basis="document",
        text="The U.S. Department of Justice signed the statement, joined by officials of the "
        "United Kingdom, Australia, New Zealand, Canada, India and Japan.",
        speaker="News report (2020)",
        quotes=[
            (
                STATEMENT,
                "Several countries, including the United States, have called for a "
                "“back door” for encryption applications.",
            ),
            (STATEMENT, "the U.S. Department of Justice signed a new international statement"),
            (
                STATEMENT,
                "Officials representing the United Kingdom, Australia, New Zealand, "
                "Canada, India and Japan also joined the United States.",
            ),
        ],
    ),
    dict(
        key="memo",
        kind="evidence",
        basis="document",
        text="In 2018 five of the seven countries raised similar concerns with technology "
        "companies in a public memo, which has made little progress since.",
        speaker="News report (2020)",
        quotes=[
            (
                STATEMENT,
                "this is not the first time the Justice Department has raised "
                "anti-encryption issues",
            ),
            (
                STATEMENT,
                "In 2018, five of the seven participating countries expressed "
                "similar concerns in a public memo to technology companies, though "
                "the memorandum has since made little progress on the issue.",
            ),
        ],
        tags=["evidence-lacking"],
    ),
    dict(
        key="appeals_failed",
        kind="claim",
        text="Requests to the industry alone have not brought lawful access, so a firmer, "
        "joint call is needed.",
        speaker="Mapper (inference)",
        quotes=[],
        inferred=True,
        note=INFERRED_NOTE + "the report presents the statement as renewing the 2018 memo, "
        "which made little progress; neither article draws this conclusion in words.",
        cites=[STATEMENT],
    ),
    dict(
        key="san_bernardino",
        kind="evidence",
        basis="example",
        text="In the 2016 San Bernardino case the FBI took Apple to court to try to obtain "
        "content stored on a phone connected with the shooting: a fight over encryption "
        "on the device itself.",
        speaker="News report (2020)",
        quotes=[
            (
                STATEMENT,
                "This local encryption was at the heart of the 2016 San Bernardino encryption war.",
            ),
            (
                STATEMENT,
                "the FBI took Apple to court in an attempt to obtain content "
                "stored on the phone in connection with the shooting",
            ),
        ],
    ),
    dict(
        key="warrant_limit",
        kind="claim",
        text="Access would be limited to law enforcement holding a warrant.",
        speaker="Law enforcement agencies and the seven governments (implied)",
        quotes=[
            (HILL, "when armed with a warrant"),
            (STATEMENT, "after obtaining a search warrant"),
        ],
        inferred=True,
        note=INFERRED_NOTE + "both sides' demands are for warrant-based access; using the "
        "warrant as an answer to the security objection is the mapper's reading.",
        tags=["rebuttal"],
    ),
    dict(
        key="balance",
        kind="claim",
        text="The groups want a solution that balances law enforcement's needs with the "
        "public's right to privacy.",
        speaker="IACP and NDAA",
        quotes=[
            (
                HILL,
                "IACP and NDAA are committed to finding a solution to this critical "
                "issue, which balances the needs of the law enforcement community with "
                "protecting the public’s right to privacy",
            )
        ],
        tags=["concession"],
    ),
    # -------------------------------------------------------- the case against
    dict(
        key="vulnerabilities",
        kind="counterclaim",
        text="Weakening encryption or building backdoors for the good guys would create "
        "vulnerabilities that the bad guys would exploit.",
        speaker="Dean Garfield, ITI",
        quotes=[
            (HILL, "last week rejected calls from those seeking access to secure data"),
            (
                HILL,
                "Weakening encryption or creating backdoors to encrypted devices and "
                "data for use by the good guys would actually create vulnerabilities "
                "to be exploited by the bad guys",
            ),
        ],
    ),
    dict(
        key="harm",
        kind="counterclaim",
        text="Exploited vulnerabilities would almost certainly cause serious physical and "
        "financial harm across society and the economy.",
        speaker="Dean Garfield, ITI",
        quotes=[
            (
                HILL,
                "which would almost certainly cause serious physical and financial harm "
                "across our society and our economy",
            )
        ],
    ),
    dict(
        key="companies",
        kind="evidence",
        basis="testimony",
        text="Technology companies consistently answer that any backdoor built for law "
        "enforcement will inevitably be targeted by criminals and reduce user security.",
        speaker="Technology companies",
        quotes=[
            (
                STATEMENT,
                "Every time a technology company confronts such a problem, it "
                "insists that any backdoon built for law enforcement will "
                "inevitably be targeted by criminals and ultimately reduce user "
                "security.",
            )
        ],
    ),
    dict(
        key="ruinous",
        kind="counterclaim",
        text="Any guaranteed access would be ruinous for digital privacy and would expose all "
        "secured data to hackers.",
        speaker="Security experts and tech companies",
        quotes=[
            (
                HILL,
                "Security experts and tech companies have fought back, arguing that any "
                "such guarantee would be ruinous for digital privacy and expose all "
                "secured data to hackers.",
            )
        ],
    ),
    dict(
        key="scope",
        kind="claim",
        text="The seven governments seek access not only to encrypted data in transit but "
        "also to data stored on devices, such as the contents of phones.",
        speaker="News report (2020)",
        quotes=[
            (
                STATEMENT,
                "the seven countries will not only seek access to encrypted data "
                "in transmission, but also locally stored data such as mobile "
                "phone content",
            )
        ],
        tags=["scope"],
    ),
    dict(
        key="all_services",
        kind="evidence",
        basis="quote",
        text="The statement says its commitment applies to all available encryption services "
        "(device encryption, custom encryption applications and encryption across "
        "integrated platforms), not only end-to-end encryption.",
        speaker="Seven governments' statement",
        quotes=[
            (
                STATEMENT,
                "While this statement focuses on the challenges posed by end-to-end "
                "encryption, this commitment applies to all available encryption "
                "services, including device encryption, custom encryption "
                "applications, and encryption across integrated platforms",
            )
        ],
        tags=["scope"],
    ),
    dict(
        key="free_expression",
        kind="counterclaim",
        text="Encryption is valuable for protecting freedom of expression around the world.",
        speaker="Seven governments' statement",
        quotes=[
            (
                STATEMENT,
                "The statement first acknowledged the value of encryption in "
                "protecting freedom of expression around the world",
            )
        ],
        tags=["concession"],
    ),
    dict(
        key="un_report",
        kind="evidence",
        basis="document",
        text="The statement cites a 2017 report by the United Nations Commission on Human "
        "Rights on encryption and freedom of expression.",
        speaker="Seven governments' statement",
        quotes=[
            (STATEMENT, "citing a 2017 report by the United Nations Commission on Human Rights")
        ],
        note="The report is named as the article names it; its title is not given.",
    ),
    dict(
        key="warrant_gap",
        kind="counterclaim",
        text="A warrant limits who may lawfully use the access, not who can exploit the "
        "weakness it creates.",
        speaker="Mapper (inference)",
        quotes=[
            (
                HILL,
                "for use by the good guys would actually create vulnerabilities to be "
                "exploited by the bad guys",
            )
        ],
        inferred=True,
        note=INFERRED_NOTE + 'the reply Garfield\'s "good guys" and "bad guys" implies to the '
        "warrant limit; neither article states it in these words.",
        tags=["rebuttal"],
    ),
]

#: The edges: (premise, what it bears on, relation, extras).
EDGES: list[tuple[str, str, str, Attrs]] = [
    ("legislate", "issue", "supports", {}),
    ("hindered", "legislate", "supports", {}),
    ("paris", "hindered", "supports", {"group": "paris"}),
    ("planned", "hindered", "supports", {"group": "paris"}),
    ("no_evidence", "planned", "opposes", {}),
    ("statement_call", "issue", "supports", {}),
    ("public_safety", "statement_call", "supports", {}),
    (
        "signatories",
        "issue",
        "supports",
        {"note": "The weight of seven governments behind the call."},
    ),
    ("memo", "appeals_failed", "supports", {}),
    ("appeals_failed", "statement_call", "supports", {}),
    (
        "san_bernardino",
        "public_safety",
        "supports",
        {
            "note": "Mapper's link: the report gives the case as the earlier fight over device "
            "encryption."
        },
    ),
    (
        "public_safety",
        "free_expression",
        "opposes",
        {"note": "The statement sets public safety against the value it has just granted."},
    ),
    ("warrant_limit", "vulnerabilities", "opposes", {}),
    ("warrant_gap", "warrant_limit", "opposes", {}),
    (
        "balance",
        "ruinous",
        "opposes",
        {"note": "A stated aim, not a showing that privacy would be protected."},
    ),
    ("vulnerabilities", "issue", "opposes", {"group": "harm"}),
    ("harm", "issue", "opposes", {"group": "harm"}),
    ("companies", "vulnerabilities", "supports", {}),
    ("ruinous", "issue", "opposes", {}),
    (
        "scope",
        "ruinous",
        "supports",
        {
            "inferred": True,
            "note": "Mapper's link: a demand reaching stored data and every encryption service is "
            "what would put all secured data at risk.",
        },
    ),
    ("all_services", "scope", "supports", {}),
    ("free_expression", "issue", "opposes", {}),
    ("un_report", "free_expression", "supports", {}),
]


def _node_attrs(spec: Mapping[str, Any], documents: Mapping[str, SourceDocument]) -> Attrs:
    """Return the stored attributes of the node described by *spec*."""
    sources = [make_span(documents[doc], quote) for doc, quote in spec["quotes"]]
    docs = list(dict.fromkeys([s["doc"] for s in sources] + spec.get("cites", [])))
    attrs = {
        "speaker": spec["speaker"],
        "sources": sources,
        "citation": "; ".join(CITATIONS[d] for d in docs),
        "tags": [f"article:{d}" for d in docs] + spec.get("tags", []),
    }
    for key in ("basis", "note", "inferred"):
        if key in spec:
            attrs[key] = spec[key]
    return attrs


def build_seed_map(documents: Sequence[SourceDocument] | None = None) -> ArgumentMap:
    """Return the seeded map of the two encryption articles.

    Parameters
    ----------
    documents : list of SourceDocument, optional
        The seed documents; by default those in ``resources/seeds``.

    Raises
    ------
    ModelError
        If a quote is not found exactly once in its article.
    """
    if documents is None:
        documents = load_seed_documents()
    by_id = {doc.id: doc for doc in documents}
    amap = ArgumentMap(TITLE)
    for doc in documents:
        amap.apply(add_document_command(doc))
    ids: dict[str, str] = {}
    for spec in NODES:
        ids[spec["key"]] = amap.add_node(spec["kind"], spec["text"], **_node_attrs(spec, by_id))
    for source, target, relation, extras in EDGES:
        amap.connect(ids[source], ids[target], relation, **extras)
    return amap
