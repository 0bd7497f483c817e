#!/usr/bin/env python3
"""Checks `sayso report` in a real browser.

Renders reports of documents written for this test, loads them in headless Chromium (which runs
the page's scripts), and compares the DOM after the scripts ran with `sayso extract`'s JSON:
every quote highlighted with its speaker and kind, the "who stands where" matrix cell by cell
(per document and aggregated over a corpus), the details shown when a quote gets focus, and the
`<script>` in the input shown as text, never run. Writes a screenshot, report.png, into --out.

Exit status: 0 passed, 1 failed, 77 skipped (no Chromium installed).
"""
import argparse
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from collections import defaultdict

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
FAILURES = []
CHECKS = [0]
DATA = None


def check(condition, message):
    CHECKS[0] += 1
    if not condition:
        FAILURES.append(message)
    return condition


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def classes(self):
        return self.attrs.get("class", "").split()

    def find_all(self, pred):
        return [n for n in self.iter() if pred(n)]


class Tree(html.parser.HTMLParser):
    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def run(cmd, **kw):
    # From the data folder, so that documents are named as in the README's command.
    return subprocess.run(cmd, capture_output=True, timeout=180, cwd=DATA, **kw)


def chromium_cmd(chromium, profile):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--user-data-dir=" + profile]


def dump_dom(chromium, profile, url):
    p = run(chromium_cmd(chromium, profile) + ["--dump-dom", url])
    if p.returncode != 0 or b"<html" not in p.stdout:
        sys.exit("chromium --dump-dom failed (%d): %s" % (p.returncode, p.stderr.decode(errors="replace")[-2000:]))
    return Tree(p.stdout.decode("utf-8"))


def speaker_name(q):
    sp = q.get("speaker")
    if sp and sp.get("name"):
        return sp["name"]
    if sp and sp.get("mention") and sp["mention"].get("text"):
        return "\u201c" + sp["mention"]["text"] + "\u201d"
    return "unknown speaker"


def expected_matrix(records):
    """(speaker, term) -> {label: [quote anchors]}, a quote counted once per label; `records` are
    (document number, JSON record) pairs."""
    cells = defaultdict(lambda: defaultdict(list))
    speakers = []
    for d, rec in records:
        for i, q in enumerate(rec["quotes"], 1):
            who = speaker_name(q)
            if who not in speakers:
                speakers.append(who)
            anchor = "#d%d-q%d" % (d, i)
            for s in q["stance"]:
                refs = cells[(who, s["term"])][s["label"]]
                if anchor not in refs:
                    refs.append(anchor)
    return speakers, cells


def check_matrix(section, records, where):
    """The matrix of a report section: speakers with a stance down (the others listed below it),
    terms across, each cell its labels with their number of quotes and links to them."""
    speakers, cells = expected_matrix(records)
    with_stance = [s for s in speakers if any(k[0] == s for k in cells)]
    tables = section.find_all(lambda n: n.tag == "table" and "matrix" in n.classes())
    if not check(len(tables) == (1 if with_stance else 0), "%s: %d matrices" % (where, len(tables))) or not tables:
        return
    table = tables[0]
    rows = [tr.attrs["data-speaker"] for tr in table.find_all(lambda n: n.tag == "tr" and "data-speaker" in n.attrs)]
    check(rows == with_stance, "%s: matrix rows %r, expected speakers %r" % (where, rows, with_stance))
    silent = [w.attrs["data-speaker"] for p in section.find_all(lambda n: "silent" in n.classes())
              for w in p.find_all(lambda n: "who" in n.classes())]
    check(silent == [s for s in speakers if s not in with_stance],
          "%s: speakers without a stance %r, expected %r" % (where, silent, [s for s in speakers if s not in with_stance]))
    seen = set()
    for td in table.find_all(lambda n: n.tag == "td"):
        key = (td.attrs.get("data-speaker"), td.attrs.get("data-term"))
        got = {}
        for chip in td.find_all(lambda n: "cellchip" in n.classes()):
            label = chip.attrs["data-label"]
            refs = [a.attrs["href"] for a in chip.find_all(lambda n: n.tag == "a")]
            got[label] = refs
            check(chip.attrs["data-count"] == str(len(refs)), "%s: cell %r %s count %s but %d links" %
                  (where, key, label, chip.attrs["data-count"], len(refs)))
            shown = chip.text()
            check(label in shown and ("\u00d7%d" % len(refs)) in shown,
                  "%s: cell %r shows %r, not the label %s and count %d as text" % (where, key, shown, label, len(refs)))
        want = {k: v for k, v in cells.get(key, {}).items()}
        check(got == want, "%s: cell %r is %r, expected %r" % (where, key, got, want))
        seen.add(key)
    for key in cells:
        check(key in seen, "%s: no matrix cell for %r" % (where, key))


def check_document(dom, rec, d, where):
    """Every quote of the JSON record highlighted, with its speaker, kind and text."""
    for i, q in enumerate(rec["quotes"], 1):
        qid = "d%d-q%d" % (d, i)
        first = dom.root.find_all(lambda n: n.attrs.get("id") == qid)
        if not check(len(first) == 1 and "q" in first[0].classes(), "%s: no highlighted quote %s" % (where, qid)):
            continue
        el = first[0]
        check(el.attrs.get("data-speaker") == speaker_name(q),
              "%s: %s speaker %r, expected %r" % (where, qid, el.attrs.get("data-speaker"), speaker_name(q)))
        check(el.attrs.get("data-kind") == q["kind"], "%s: %s kind %r, expected %r" % (where, qid, el.attrs.get("data-kind"), q["kind"]))
        check(el.attrs.get("tabindex") == "0", "%s: %s cannot be focused with the keyboard" % (where, qid))
        colour = [c for c in el.classes() if c[:1] == "c" and c[1:].isdigit()]
        check(len(colour) == 1, "%s: %s has no speaker colour" % (where, qid))
        parts = dom.root.find_all(lambda n: "q" in n.classes() and n.attrs.get("data-q") == qid)
        text = "".join(p.text() for p in parts)
        check(text == q["text"].replace(" \u2026 ", ""), "%s: %s highlights %r, expected %r" % (where, qid, text, q["text"]))
        # The marker before the quote tells its kind by a symbol and its number, not colour alone.
        prev = el.parent.children[el.parent.children.index(el) - 1]
        check(isinstance(prev, Node) and "qtag" in prev.classes() and prev.text().endswith(str(i)),
              "%s: %s has no kind marker" % (where, qid))
        if q.get("cue"):
            cues = dom.root.find_all(lambda n: "cue" in n.classes() and qid in n.attrs.get("data-q", "").split())
            check(cues and cues[0].text() == q["cue"]["text"], "%s: cue of %s not marked" % (where, qid))
        sp = q.get("speaker") or {}
        if sp.get("mention"):
            ms = dom.root.find_all(lambda n: "mention" in n.classes() and qid in n.attrs.get("data-q", "").split())
            check(ms and ms[0].text() == sp["mention"]["text"], "%s: mention of %s not marked" % (where, qid))
        info = dom.root.find_all(lambda n: n.attrs.get("id") == qid + "-info")
        check(len(info) == 1 and el.attrs.get("aria-describedby") == qid + "-info",
              "%s: %s has no details in the speaker list" % (where, qid))


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", "%s is not a PNG" % path)
    return struct.unpack(">II", head[16:24])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sayso", required=True)
    ap.add_argument("--chromium", default="")
    ap.add_argument("--data", required=True, help="folder holding the test documents")
    ap.add_argument("--out", required=True, help="folder for the reports and report.png")
    a = ap.parse_args()
    global DATA
    DATA = os.path.abspath(a.data)
    sayso = os.path.abspath(a.sayso)
    out = os.path.abspath(a.out)

    chromium = a.chromium if a.chromium and os.path.exists(a.chromium) else None
    for name in ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome"):
        chromium = chromium or shutil.which(name)
    if not chromium:
        print("SKIP: no Chromium installed (Debian: apt-get install chromium)")
        return 77

    text_doc = "harbour-talks.txt"
    corpus_doc = "corpus.jsonl"
    work = os.path.join(out, "report-test")
    os.makedirs(work, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="sayso-chromium-")
    try:
        # --- One document -------------------------------------------------------------------
        page = os.path.join(work, "report.html")
        p = run([sayso, "report", text_doc, "-o", page])
        check(p.returncode == 0, "sayso report exited %d: %s" % (p.returncode, p.stderr.decode()))
        p = run([sayso, "extract", text_doc])
        record = json.loads(p.stdout.decode("utf-8").splitlines()[0])
        check(len(record["quotes"]) >= 4 and sum(len(q["stance"]) for q in record["quotes"]) >= 3,
              "the test document gives too few quotes or stances to test the report: %r" % record)

        url = "file://" + page
        dom = dump_dom(chromium, profile, url)
        html_el = dom.root.find_all(lambda n: n.tag == "html")[0]
        check(html_el.attrs.get("data-sayso-ready") == str(len(record["quotes"])),
              "the page's script did not run to the end (data-sayso-ready=%r)" % html_el.attrs.get("data-sayso-ready"))
        scripts = dom.root.find_all(lambda n: n.tag == "script")
        check(len(scripts) == 1, "%d <script> elements: the input's script became markup" % len(scripts))
        article = dom.root.find_all(lambda n: "article" in n.classes())
        check(len(article) == 1 and "<script>alert(1)</script>" in article[0].text(),
              "the <script> of the input is not shown as text")
        check("{{title}}" in article[0].text(), "template tags in the input are not shown as text")
        check("Genève" in article[0].text() and "Amélie" in article[0].text(), "multi-byte characters garbled")
        check(not dom.root.find_all(lambda n: n.attrs.get("id") == "tip" and "data-for" in n.attrs),
              "details are shown before any quote has focus")
        check_document(dom, record, 1, "single")
        section = dom.root.find_all(lambda n: n.attrs.get("id") == "d1")[0]
        check_matrix(section, [(1, record)], "single")

        # Focusing a quote (here through its link, as the matrix does) shows its details.
        target = next(i for i, q in enumerate(record["quotes"], 1) if q["stance"])
        q = record["quotes"][target - 1]
        qid = "d1-q%d" % target
        dom = dump_dom(chromium, profile, url + "#" + qid)
        tips = dom.root.find_all(lambda n: n.attrs.get("id") == "tip")
        if check(tips and tips[0].attrs.get("data-for") == qid and "hidden" not in tips[0].attrs,
                 "focusing %s does not show its details" % qid):
            shown = " ".join(tips[0].text().split())
            for part in [speaker_name(q), q["kind"]] + [s["term"] for s in q["stance"]] + [s["label"] for s in q["stance"]]:
                check(part in shown, "the details of %s lack %r: %r" % (qid, part, shown))
            on = dom.root.find_all(lambda n: qid in n.attrs.get("data-q", "").split() and "on" in n.classes())
            check(len(on) >= 2, "focusing %s does not mark its cue and mention" % qid)

        # The screenshot people look at (README).
        shot = os.path.join(out, "report.png")
        if os.path.exists(shot):
            os.remove(shot)
        p = run(chromium_cmd(chromium, profile) + ["--screenshot=" + shot, "--window-size=1280,800", url])
        if check(os.path.exists(shot), "no screenshot written: %s" % p.stderr.decode(errors="replace")[-1000:]):
            check(png_size(shot) == (1280, 800), "screenshot is %r, not 1280x800" % (png_size(shot),))

        # --- A corpus: the aggregated matrix, then the documents; a bad record is shown, not lost.
        page = os.path.join(work, "corpus.html")
        p = run([sayso, "report", corpus_doc, text_doc, "-o", page])
        check(p.returncode == 1, "a malformed record should give exit status 1, got %d" % p.returncode)
        p = run([sayso, "extract", corpus_doc, text_doc])
        records = [json.loads(line) for line in p.stdout.decode("utf-8").splitlines()]
        good = [r for r in records if "error" not in r]
        dom = dump_dom(chromium, profile, "file://" + page)
        sections = dom.root.find_all(lambda n: n.tag == "section" and "block" in n.classes())
        check([s.attrs["id"] for s in sections] == ["corpus"] + ["d%d" % i for i in range(1, len(records) + 1)],
              "corpus sections: %r" % [s.attrs.get("id") for s in sections])
        check(len(records) - len(good) == 1 and
              len(dom.root.find_all(lambda n: "error" in n.classes())) == 1, "the malformed record is not shown")
        # Documents are numbered in input order, the malformed one included.
        numbered = [(d, r) for d, r in enumerate(records, 1) if "error" not in r]
        check_matrix(sections[0], numbered, "corpus")
        for d, r in enumerate(records, 1):
            if "error" in r:
                continue
            check_document(dom, r, d, "corpus document %d" % d)
            check_matrix(sections[d], [(d, r)], "corpus document %d" % d)
    finally:
        shutil.rmtree(profile, ignore_errors=True)

    for f in FAILURES:
        print("FAIL:", f)
    if FAILURES:
        return 1
    print("%d report checks passed; screenshot: %s" % (CHECKS[0], os.path.join(out, "report.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
