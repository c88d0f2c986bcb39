#!/usr/bin/env python3
"""Writes Gatehouse's own authorization case corpus, derived from the AWS documentation, to
app/src/test/resources/cases/aws-docs-*.jsonl (one file per topic, case format of ../shared/policy-eval/FORMAT.md).

Each case names the documentation page it comes from (`source`) and, where one sentence states the rule, quotes it
(`docsQuote`). The JSONL files are committed; edit the topic modules here and run this script again:

    python3 tools/aws-docs-cases/generate.py

Case ids are numbered in the order of each topic module: add new cases at the end of a topic so that existing ids
stay stable. Needs only the Python standard library.

Cases on which the engine disagrees with the documentation are listed in HELD_BACK: they are written to
held-back.jsonl beside this script instead of the asserted corpus, until the engine is fixed. Remove an id from
HELD_BACK once the engine agrees, and run the script again.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import boundaries  # noqa: E402
import conditions  # noqa: E402
import elements  # noqa: E402
import evaluation  # noqa: E402
import guardrails  # noqa: E402
import services  # noqa: E402
import variables  # noqa: E402

# id -> why the case is held back (the documentation says one thing, the engine does another).
HELD_BACK = {}

TOPICS = (evaluation, boundaries, guardrails, elements, conditions, variables, services)
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "app", "src", "test", "resources", "cases"))


def main():
    os.makedirs(OUT, exist_ok=True)
    seen = set()
    held = []
    total = 0
    for topic in TOPICS:
        corpus = topic.build()
        for case in corpus.cases:
            if case["id"] in seen:
                raise SystemExit(f"duplicate case id {case['id']}")
            seen.add(case["id"])
        held += [c for c in corpus.cases if c["id"] in HELD_BACK]
        corpus.cases = [c for c in corpus.cases if c["id"] not in HELD_BACK]
        path, count = corpus.write(OUT)
        total += count
        print(f"{count:4d}  {os.path.relpath(path)}")
    print(f"{total:4d}  cases asserted")
    unknown = set(HELD_BACK) - seen
    if unknown:
        raise SystemExit(f"HELD_BACK names unknown cases: {sorted(unknown)}")
    with open(os.path.join(HERE, "held-back.jsonl"), "w", encoding="utf-8") as out:
        for case in held:
            case.setdefault("notes", "")
            case["notes"] = (case["notes"] + " " if case["notes"] else "") + "Held back: " + HELD_BACK[case["id"]] + "."
            out.write(json.dumps(case, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(held):4d}  held back in {os.path.relpath(os.path.join(HERE, 'held-back.jsonl'))}")


if __name__ == "__main__":
    main()
