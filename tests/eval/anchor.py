#!/usr/bin/env python3
"""Turn anchored annotations (quotes written as text) into gold JSON Lines with offsets.

Annotators write one JSON file per document, quoting the text instead of counting offsets:

    {"id": "cn-sudan-03",
     "quotes": [
       {"kind": "indirect",
        "content": ["the army would not negotiate while the siege lasts"],
        "speaker": {"mention": "Burhan", "context": "Burhan told reporters",
                    "name": "Abdel Fattah al-Burhan", "aliases": []},
        "cue": {"text": "told", "context": "Burhan told reporters"},
        "optional": false,
        "stance": [{"term": "talks", "label": "conditional"}]}]}

Rules for locating the strings (all matching ignores the difference between curly and
straight quotation marks and apostrophes, between dashes, and in runs of white space):

- Quotes are listed in document order. The first content part is the first occurrence at or
  after the start of the previous quote's first part (or, when the annotator gives
  "anchor": a longer exact stretch of text holding the first part, inside the first occurrence
  of that anchor at or after the previous quote). Later parts follow the previous part.
- The speaker mention and the cue are the occurrences (as whole words) nearest to the
  content that lie outside it; a "context" string (an exact stretch of text holding the
  mention or cue) pins it down when several are close.
- Quotation marks and white space at either end of a content part are stripped.

Output: FORMAT.md gold lines (code point offsets, "stance_annotated": true). Errors name the
file and the quote; the exit status is 1 when any string could not be located.

Usage: anchor.py --docs DOCS.jsonl [--show] [-o GOLD.jsonl] ANNOTATION.json...
"""
import argparse
import json
import sys

KINDS = {"direct", "mixed", "indirect"}
TERMS = {"ceasefire", "frontline_freeze", "territorial_concession", "preconditions", "talks",
         "security_guarantees", "sanctions_relief", "prisoner_exchange", "humanitarian_access",
         "troop_withdrawal"}
LABELS = {"support", "oppose", "conditional", "neutral"}
QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」`"
FOLD = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
        "‹": "'", "›": "'", "–": "-", "—": "-", "‒": "-", "―": "-", "\u00a0": " "}


def normalise(text):
    """Folded text and, for each of its characters, the index of the original character."""
    out, index = [], []
    prev_space = False
    for i, ch in enumerate(text):
        ch = FOLD.get(ch, ch)
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch)
        index.append(i)
    index.append(len(text))
    return "".join(out), index


class Located(Exception):
    pass


class Document:
    def __init__(self, doc_id, text):
        self.id = doc_id
        self.text = text
        self.norm, self.index = normalise(text)

    def occurrences(self, needle, whole_word=False):
        """Original-text [begin, end) of every occurrence of needle."""
        n, _ = normalise(needle.strip())
        if not n:
            return []
        found, start = [], 0
        while True:
            at = self.norm.find(n, start)
            if at < 0:
                return found
            begin, end = self.index[at], self.index[at + len(n) - 1] + 1
            if not whole_word or self._whole(begin, end):
                found.append((begin, end))
            start = at + 1

    def _whole(self, begin, end):
        t = self.text
        if t[begin].isalnum() and begin > 0 and t[begin - 1].isalnum():
            return False
        if t[end - 1].isalnum() and end < len(t) and t[end].isalnum():
            return False
        return True


def strip_span(text, begin, end):
    while begin < end and (text[begin].isspace() or text[begin] in QUOTE_MARKS):
        begin += 1
    while end > begin and (text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS):
        end -= 1
    return begin, end


def distance(span, region):
    if span[1] <= region[0]:
        return region[0] - span[1]
    if span[0] >= region[1]:
        return span[0] - region[1]
    return 0


def nearest(doc, what, context, region, inside, label):
    """The occurrence of `what` (inside `context` when given) nearest to region, outside the content."""
    if context:
        contexts = doc.occurrences(context)
        if not contexts:
            raise Located(f"{label} context not found: {context!r}")
        ctx = min(contexts, key=lambda s: distance(s, region))
        cands = [s for s in doc.occurrences(what, whole_word=True) if ctx[0] <= s[0] and s[1] <= ctx[1]]
        if not cands:
            raise Located(f"{label} {what!r} not found inside its context {context!r}")
    else:
        cands = doc.occurrences(what, whole_word=True)
        if not cands:
            raise Located(f"{label} not found: {what!r}")
    outside = [s for s in cands if not any(b <= s[0] and s[1] <= e for b, e in inside)]
    if outside:
        cands = outside
    return min(cands, key=lambda s: (distance(s, region), s[0]))


def locate_quote(doc, q, after):
    parts = q.get("content")
    if isinstance(parts, str):
        parts = [parts]
    if not parts or not all(isinstance(p, str) and p.strip() for p in parts):
        raise Located("content must be a non-empty list of strings")
    spans = []
    pos = after
    for k, part in enumerate(parts):
        occ = doc.occurrences(part)
        if k == 0 and q.get("anchor"):
            anchors = [a for a in doc.occurrences(q["anchor"]) if a[0] >= after] or doc.occurrences(q["anchor"])
            if not anchors:
                raise Located(f"anchor not found: {q['anchor']!r}")
            a = anchors[0]
            occ = [s for s in occ if a[0] <= s[0] and s[1] <= a[1]]
        later = [s for s in occ if s[0] >= pos]
        if not occ:
            raise Located(f"content part {k + 1} not found: {part[:80]!r}")
        if not later and k > 0:
            raise Located(f"content part {k + 1} does not follow part {k}: {part[:80]!r}")
        span = later[0] if later else occ[0]
        b, e = strip_span(doc.text, *span)
        if b >= e:
            raise Located(f"content part {k + 1} is empty after stripping quotation marks")
        spans.append([b, e])
        pos = e
    region = (spans[0][0], spans[-1][1])
    gold = {"kind": q.get("kind"), "spans": spans, "optional": bool(q.get("optional", False))}
    if gold["kind"] not in KINDS:
        raise Located(f"kind must be one of {sorted(KINDS)}, not {gold['kind']!r}")
    sp = q.get("speaker") or {}
    mention = sp.get("mention")
    gold_speaker = {"span": None, "name": sp.get("name"), "aliases": list(sp.get("aliases") or [])}
    if mention:
        s = nearest(doc, mention, sp.get("context"), region, spans, "speaker mention")
        gold_speaker["span"] = [s[0], s[1]]
    gold["speaker"] = gold_speaker
    cue = q.get("cue")
    if isinstance(cue, str):
        cue = {"text": cue}
    if cue and cue.get("text"):
        s = nearest(doc, cue["text"], cue.get("context"), region, spans, "cue")
        gold["cue"] = {"span": [s[0], s[1]]}
    else:
        gold["cue"] = None
    stances = []
    for st in q.get("stance") or []:
        term, label = st.get("term"), st.get("label")
        if term not in TERMS:
            raise Located(f"unknown stance term {term!r}")
        if label not in LABELS:
            raise Located(f"unknown stance label {label!r} for {term}")
        if any(x["term"] == term for x in stances):
            raise Located(f"term {term} labelled twice")
        stances.append({"term": term, "label": label})
    gold["stance"] = stances
    return gold, spans[0][0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", required=True)
    ap.add_argument("-o", "--output")
    ap.add_argument("--show", action="store_true", help="print each located quote for checking")
    ap.add_argument("annotations", nargs="+")
    args = ap.parse_args()
    docs = {}
    with open(args.docs, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs[d["id"]] = Document(d["id"], d["text"])
    failed = 0
    lines = []
    for path in args.annotations:
        try:
            with open(path, encoding="utf-8") as f:
                ann = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            failed += 1
            continue
        doc = docs.get(ann.get("id"))
        if doc is None:
            print(f"{path}: unknown document id {ann.get('id')!r}", file=sys.stderr)
            failed += 1
            continue
        out, after = [], 0
        for i, q in enumerate(ann.get("quotes") or []):
            try:
                gold, after = locate_quote(doc, q, after)
            except Located as e:
                print(f"{path}: quote {i + 1}: {e}", file=sys.stderr)
                failed += 1
                continue
            out.append(gold)
            if args.show:
                t = doc.text
                sp = gold["speaker"]["span"]
                print(f"{doc.id} #{i + 1} [{gold['kind']}] "
                      f"speaker={t[sp[0]:sp[1]] if sp else None!r} name={gold['speaker']['name']!r} "
                      f"cue={t[gold['cue']['span'][0]:gold['cue']['span'][1]] if gold['cue'] else None!r}")
                for b, e in gold["spans"]:
                    print(f"    | {t[b:e]}")
                print(f"    stance={gold['stance']}")
        lines.append({"id": doc.id, "stance_annotated": True, "quotes": out})
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            for rec in lines:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if failed:
        print(f"{failed} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
