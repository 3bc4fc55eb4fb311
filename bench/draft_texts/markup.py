"""Turn the benchmark's authoring markup into one JSON file per text.

The markup keeps a text and its gold structure together, so that writing a
new text does not mean counting characters by hand::

    ## t01 letter
    [Our town should keep its night buses.] [They carry shift workers home], ...
    claim 1
    2 1 supports
    3 1 opposes

- ``## ID KIND`` opens a text; ``KIND`` is essay, letter, op-ed or speech.
- The next line is the text. Each argumentative unit is in square brackets
  (the brackets are not part of the text); what lies between units belongs
  to none. Units are numbered 1, 2, ... in text order.
- ``claim N`` names the central claim.
- ``S T supports|opposes``: unit S supports or opposes unit T. An undercut
  (an objection to the link between a reason and what it supports) is
  written as opposing the reason.

Usage: ``python bench/draft_texts/markup.py MARKUP_FILE OUT_FOLDER``
"""

import json
import os
import sys


def parse_text(line):
    """Return (plain text, [(start, end)]) of a marked-up text line."""
    text, units, start = [], [], None
    for ch in line:
        if ch == "[":
            start = len(text)
        elif ch == "]":
            units.append((start, len(text)))
            start = None
        else:
            text.append(ch)
    return "".join(text), units


def parse_block(lines):
    """Return the record of one text from its markup lines."""
    _, text_id, kind = lines[0].split()
    text, spans = parse_text(lines[1])
    units = [{"id": i + 1, "start": s, "end": e, "text": text[s:e]}
             for i, (s, e) in enumerate(spans)]
    claim, relations = None, []
    for line in lines[2:]:
        words = line.split()
        if words[0] == "claim":
            claim = int(words[1])
        else:
            relations.append([int(words[0]), int(words[1]), words[2]])
    return {"id": text_id, "kind": kind, "text": text, "units": units,
            "claim": claim, "relations": relations}


def blocks(markup):
    """Yield the markup lines of each text."""
    current = []
    for line in markup.splitlines():
        if line.startswith("## ") and current:
            yield current
            current = []
        if line.strip():
            current.append(line.strip())
    if current:
        yield current


def main(argv):
    """Write OUT_FOLDER/ID.json for each text of the markup file."""
    source, folder = argv
    os.makedirs(folder, exist_ok=True)
    with open(source, encoding="utf-8") as handle:
        records = [parse_block(b) for b in blocks(handle.read())]
    for record in records:
        with open(os.path.join(folder, record["id"] + ".json"), "w", encoding="utf-8") as out:
            json.dump(record, out, indent=1, ensure_ascii=False)
            out.write("\n")
    print(f"wrote {len(records)} texts to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
