#!/usr/bin/env python3
"""Audit the generality of the stance rules: for every entry of lib/lexicons/stance.toml and every
rule path of the labeller, on how many annotated documents and groups (conflicts) it decides a
label, and how often that label is the gold one.

    sayso-train stance-dump --set cn=DOCS,GOLD,by-conflict --set cf=DOCS,GOLD > dump.jsonl
    python3 lib/stance/train/audit.py dump.jsonl [--lexicon lib/lexicons/stance.toml] [--all]

An entry decides an item when it is the predicate that governed the term (path governor_before,
governor_after, neutral_governor, negated_evaluation), the attribution's own cue (path own_cue),
or the cue that opens the binding condition (paths condition_inside, condition_governs). An
entry or path that decides in one document only is marked: it may be a memory of that document
rather than general usage. Standard library only (Python 3.11: tomllib).
"""
import argparse
import collections
import json
import re
import sys
import tomllib

LISTS = ("support", "oppose", "praise", "condemn", "undermine", "conditional", "neutral")
GOVERNOR_PATHS = {"governor_before", "governor_after", "neutral_governor", "negated_evaluation"}
CONDITION_PATHS = {"condition_inside", "condition_governs"}


def loader_form(expr):
    """An entry as the loader compiles it (lib/stance/term_lexicon.cpp, to_re2)."""
    out = []
    for c in expr:
        if c == " ":
            out.append("(?:\\s|\"|\u201c|\u201d)+")
        elif c == "'":
            out.append("(?:'|\u2019)")
        else:
            out.append(c)
    return "".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump")
    ap.add_argument("--lexicon", default="lib/lexicons/stance.toml")
    ap.add_argument("--all", action="store_true", help="also list the entries that decide nothing")
    args = ap.parse_args(argv)
    with open(args.lexicon, "rb") as f:
        lex = tomllib.load(f)["stance"]
    entries = []
    for name in LISTS:
        for expr in lex.get(name, []):
            entries.append((name, expr, re.compile(r"\b(?:" + loader_form(expr) + r")\b", re.I)))
    items = [json.loads(line) for line in open(args.dump, encoding="utf-8") if line.strip()]
    labelled = [i for i in items if i["gold"] != "none" and i["rule"] != "none"]

    def path_of(i):
        return next(f[5:] for f in i["features"] if f.startswith("path="))

    # Per rule path.
    by_path = collections.defaultdict(list)
    for i in labelled:
        by_path[path_of(i)].append(i)
    print("## Rule paths (labelled items: a term both the rules and the gold give)\n")
    print("| path | items | documents | groups | right | rules' labels |")
    print("|---|---|---|---|---|---|")
    for p, v in sorted(by_path.items(), key=lambda x: -len(x[1])):
        docs = {i["doc"] for i in v}
        groups = {i["group"] for i in v}
        right = sum(i["gold"] == i["rule"] for i in v)
        mark = " (one document)" if len(docs) == 1 else ""
        labels = ", ".join(f"{k} {n}" for k, n in collections.Counter(i["rule"] for i in v).most_common())
        print(f"| {p}{mark} | {len(v)} | {len(docs)} | {len(groups)} | {right}/{len(v)} | {labels} |")

    # Per lexicon entry: the words that decided each item, matched whole by the entry.
    decided = collections.defaultdict(list)
    for i in labelled:
        p = path_of(i)
        words = ""
        if p in GOVERNOR_PATHS:
            words = i.get("governor", "")
        elif p == "own_cue":
            words = i.get("own_cue", "")
        elif p in CONDITION_PATHS:
            words = i.get("condition", "")
        if not words:
            continue
        for name, expr, rx in entries:
            m = rx.match(words)
            if m and (p in CONDITION_PATHS or m.end() == len(words)):
                decided[(name, expr)].append(i)
    print("\n## Lexicon entries that decided a label\n")
    print("| list | entry | items | documents | groups | right |")
    print("|---|---|---|---|---|---|")
    single = []
    for name, expr, _ in entries:
        v = decided.get((name, expr), [])
        if not v and not args.all:
            continue
        docs = {i["doc"] for i in v}
        groups = {i["group"] for i in v}
        right = sum(i["gold"] == i["rule"] for i in v)
        if len(docs) == 1:
            single.append((name, expr, right, len(v)))
        mark = " (one document)" if len(docs) == 1 else ""
        print(f"| {name} | `{expr}`{mark} | {len(v)} | {len(docs)} | {len(groups)} | {right}/{len(v)} |")
    print(f"\n{len(decided)} of {len(entries)} entries decided a label; {len(single)} in one document only.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
