#!/usr/bin/env python3
"""Rebuild the conflict-news documents (docs.jsonl) from the public repositories that hold them.

The article texts are copyrighted by their publishers and are not committed here. This script
re-makes them from pinned files of public GitHub repositories of news data sets (repository,
commit, path and record key in sources.tsv), applies the cleaning below, and checks every text
against the sha256 recorded in sources.tsv. Any mismatch or missing source is an error: nothing
is written and the exit status is 1.

Usage:
  make_docs.py [-o OUT] [--source OWNER/NAME=PATH ...] [--cache DIR] [--show-drops ID ...]
               [--print-checksums]

  -o OUT             output file (default: docs.jsonl beside this script)
  --source R=PATH    read repository R from a local snapshot instead of downloading: PATH is
                     either a git directory (bare repository or .git folder; the pinned commit
                     is read with `git show COMMIT:PATH`) or a checked-out folder (the file is
                     read from PATH/<path>; the checksums still verify the text)
  --cache DIR        keep downloaded files in DIR and reuse them
  --raw-base URL     download from URL/<owner>/<name>/<commit>/<path> instead of
                     https://raw.githubusercontent.com (a mirror laid out the same way)
  --show-drops ID    print the paragraphs that cleaning removes from document ID (repeatable)
  --print-checksums  print id, words and sha256 of every rebuilt text and write nothing
                     (for maintainers who change the cleaning on purpose; update sources.tsv)

Without --source, files are downloaded from
https://raw.githubusercontent.com/<owner>/<name>/<commit>/<path>.

Cleaning (deterministic; the same for every run):
  - every document is its headline (the record's title field) as the first paragraph, then
    the body paragraphs, joined by one blank line ("\\n\\n");
  - white space inside a paragraph (spaces, tabs, line breaks, no-break spaces) becomes one
    space; paragraphs are stripped; empty paragraphs are dropped;
  - paragraph boundaries: Article-Bias-Prediction JSON (content_original) -> one paragraph per
    source line; VOA CSV (Article column, where the scraper turned line breaks into runs of
    spaces) -> a paragraph ends at every run of two or more spaces, and a dateline paragraph
    that ends with an em dash ("GENEVA —") is joined to the next one; summarizetoday Markdown
    -> paragraphs are separated by blank lines after the "Key: value" header; teftst Jekyll
    posts (Reuters pages saved as HTML) -> one paragraph per <p> element, tags removed and
    HTML character references decoded, the headline from the folded post_title field (a
    leading "UPDATE 1-" and a trailing " – Reuters/Fox News/New York Times" that the
    Google News feed added to some titles are removed);
  - summarizetoday text was stored as UTF-8 read as Latin-1: each run of Latin-1 characters
    that decodes as UTF-8 is decoded, and "Â" left before a space is removed;
  - boilerplate paragraphs are dropped by the patterns in BOILERPLATE (ads, newsletter and app
    promotions, video players, photo credits, "contributed to this report" lines, all-capital
    related-story links, embedded social-media posts, VOA embed blocks and "SEE ALSO:" links,
    "RELATED:" and "Source:" lines, agency credit lines such as "(Reporting by ...; Editing
    by ...)"), and such a credit line when it is glued to the end of a paragraph after its
    final punctuation;
  - paragraphs listed in DROP (by their index among the record's source paragraphs, counted
    as described above, before anything is removed) are dropped: photo captions, in-line
    links to other stories, section subheads, repeated headlines, bylines, embedded posts.
"""
import argparse
import csv
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES_TSV = os.path.join(HERE, "sources.tsv")
RAW_BASE = "https://raw.githubusercontent.com"

ABP = "ramybaly/Article-Bias-Prediction"
VOA = "MuhammadWaqas56/Final-Assigment"
ST = "berkantaydin/summarizetoday.com"
WI = "secureIntent-git/teftst"

BOILERPLATE = [re.compile(p) for p in [
    r"^(Advertisement|ADVERTISEMENT|AD|Advertisement:)$",
    r"Continue reading the main story",
    r"^(Photo|Video)$",
    r"^More On This\.\.\.$",
    r"^CLICK HERE",
    r"^Sign up for Daily",
    r"^Copyright ©",
    r"Click here for reprint permission",
    r"^Get the Monitor Stories",
    r"^JUST WATCHED",
    r"^Media playback is unsupported",
    r"^Image copyright",
    r"toggle caption",
    r"^Hide caption",
    r"^Slideshow \(\d+ Images?\)$",
    r"^SHARE THIS ARTICLE",
    r"^More:$",
    r"^Read or Share this story",
    r"^CLOSE ",
    r"\(Photo: [^)]*\)$",
    r"^_+$",
    r"^Newsletter Sign-?[Uu]p",
    r"^Share Your Thoughts",
    r"^Write to .*@",
    r"contributed to this (report|story|article)",
    r"^Contributing: ",
    r" contributed\.$",
    r"^Story Continued Below$",
    r"^Follow @",
    r"^\(\s*(Also on POLITICO|PHOTOS|WATCH)",
    r"^Enlarge this image",
    r"^Updated at .* ET$",
    r"^This post was updated",
    r"^[^a-z]{4,}$",  # all-capital lines: related-story links, kicker subheads
    r"\((AP|AFP) Photo/[^)]*\)$",
    r"REUTERS/",
    r"^FILE PHOTO:",
    r"^Play Video ",
    r"\(@\w+\) \w+ \d{1,2}, \d{4}$",  # embedded social-media post
    r" via Reuters$",  # photo credit
    r"^Some (information|material) (for|in) this (story|report) came from",
    r"^Editor's note:",
    r"^RELATED:",
    r"^Source:",
    r"^\((Additional )?([Rr]eporting|[Ww]riting|[Ee]diting)\b[^()]* by [^()]*\)$",  # agency credit line
]]

# Per-document drops: indices of source paragraphs (see the module docstring).
CREDIT_TAIL = re.compile(r"(?<=[.\"\u201d]) \((Additional )?([Rr]eporting|[Ww]riting|[Ee]diting)\b[^()]* by [^()]*\)$")

DROP = {
    "cn-gaza-01": [0, 10, 18, 40, 50, 60, 72, 86],
    "cn-gaza-02": [0, 10, 18, 32, 42, 52, 64, 76, 82, 94],
    "cn-gaza-03": [0, 2, 4, 6, 18],
    "cn-gaza-04": [54],
    "cn-gaza-05": [],
    "cn-gaza-06": [],
    "cn-gaza-07": [],
    "cn-gaza-08": [],
    "cn-gaza-09": [36, 39, 48],
    "cn-gaza-10": [35, 36, 49],
    "cn-gaza-11": [4, 12],
    "cn-gaza-12": [34, 40],
    "cn-gaza-13": [10],
    "cn-syria-01": [],
    "cn-syria-02": [],
    "cn-syria-03": [8, 16, 20, 28, 40, 52, 62, 68, 84],
    "cn-syria-04": [16, 28, 34, 50, 56],
    "cn-syria-05": [],
    "cn-syria-06": [50],
    "cn-syria-07": [],
    "cn-syria-08": [26, 54, 66, 80],
    "cn-afghanistan-01": [],
    "cn-afghanistan-02": [],
    "cn-afghanistan-03": [28, 44, 64],
    "cn-afghanistan-04": [],
    "cn-afghanistan-05": [50],
    "cn-afghanistan-06": [22, 24, 38],
    "cn-afghanistan-07": [0, 12, 14, 26, 42],
    "cn-afghanistan-08": [20, 44],
    "cn-afghanistan-09": [],
    "cn-ukraine-01": [0, 2],
    "cn-ukraine-02": [20, 50, 56, 70, 72],
    "cn-ukraine-03": [0, 38],
    "cn-ukraine-04": [14, 46, 60, 62, 82],
    "cn-ukraine-05": [],
    "cn-ukraine-06": [0],
    "cn-ukraine-07": [20, 54],
    "cn-ukraine-08": [35],
    "cn-korea-01": [10, 12, 14, 22, 38, 60],
    "cn-korea-02": [0, 96],
    "cn-korea-03": [],
    "cn-korea-04": [],
    "cn-korea-05": [],
    "cn-korea-06": [12, 34, 42, 52, 70],
    "cn-korea-07": [],
    "cn-korea-08": [],
    "cn-yemen-01": [0, 2],
    "cn-yemen-02": [],
    "cn-yemen-03": [],
    "cn-yemen-04": [6],
    "cn-yemen-05": [12],
    "cn-yemen-06": [5],
    "cn-yemen-07": [10, 34, 48, 64, 72],
    "cn-yemen-08": [12, 32, 46],
    "cn-yemen-09": [],
    "cn-libya-01": [7],
    # batch 5 (annotation in progress)
    "cn-gaza-14": [12, 20, 28],
    "cn-gaza-15": [],
    "cn-syria-09": [],
    "cn-syria-10": [],
    "cn-syria-11": [],
    "cn-syria-12": [],
    "cn-afghanistan-10": [],
    "cn-ukraine-09": [12],
    "cn-ukraine-10": [],
    "cn-yemen-10": [30],
    "cn-iran-01": [],
    "cn-iran-02": [0],
    "cn-iran-03": [22, 32, 56, 78],
    "cn-iran-04": [],
    "cn-armenia-01": [],
    "cn-sudan-01": [26, 28, 50, 68],
    "cn-southsudan-01": [],
    "cn-nigeria-01": [],
    # batch 6 (held-out)
    "cn-gaza-16": [],
    "cn-syria-13": [8, 18],
    "cn-syria-14": [18, 19],
    "cn-libya-02": [10],
    "cn-iran-05": [9],
    "cn-iran-06": [9, 18],
    "cn-korea-09": [],
    "cn-nigeria-02": [0, 1, 2, 3, 4, 18],
    "cn-philippines-01": [],
    "cn-afghanistan-11": [14],
    # batch 7 (stop 21: 7 to the development part, 3 to the held-out part)
    "cn-syria-17": [],
    "cn-ukraine-11": [],
    "cn-syria-15": [],
    "cn-syria-16": [],
    "cn-korea-10": [],
    "cn-afghanistan-12": [12, 32],
    "cn-afghanistan-13": [],
    "cn-yemen-11": [],
    "cn-yemen-12": [],
    "cn-gaza-17": [],
    # batch 8 (stop 21: 7 to the development part, 3 to the held-out part)
    "cn-syria-18": [],
    "cn-syria-19": [],
    "cn-syria-20": [],
    "cn-gaza-18": [0],
    "cn-gaza-19": [0],
    "cn-gaza-20": [],
    "cn-afghanistan-14": [],
    "cn-ukraine-12": [22, 26, 28, 30, 32],
    "cn-syria-21": [],
    "cn-gaza-21": [16, 24],
    # batch 9 (stop 22: 8 to the development part, 4 to the held-out part)
    "cn-syria-22": [],
    "cn-syria-23": [9, 13, 20, 25, 27],
    "cn-syria-24": [],
    "cn-yemen-13": [],
    "cn-iran-07": [14, 28],
    "cn-gaza-22": [24, 52],
    "cn-afghanistan-15": [],
    "cn-gaza-23": [0],
    "cn-ukraine-13": [0],
    "cn-nigeria-03": [],
    "cn-korea-11": [10, 14, 24, 30, 36, 46, 52, 58],
    "cn-gaza-24": [42],
    # batch 10 (stop 22: 8 to the development part, 4 to the held-out part)
    "cn-gaza-25": [],
    "cn-gaza-26": [],
    "cn-gaza-27": [],
    "cn-gaza-28": [73],
    "cn-gaza-29": [44],
    "cn-syria-25": [],
    "cn-syria-26": [],
    "cn-yemen-14": [],
    "cn-yemen-15": [18],
    "cn-gaza-32": [],
    "cn-gaza-31": [],
    "cn-gaza-30": [],
}


def fail(msg):
    print("make_docs.py: error: " + msg, file=sys.stderr)
    sys.exit(1)


def read_sources():
    with open(SOURCES_TSV, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        fail("duplicate ids in sources.tsv")
    if set(ids) != set(DROP):
        fail("sources.tsv and DROP disagree on ids: %s" % sorted(set(ids) ^ set(DROP)))
    return rows


def is_git_dir(path):
    return os.path.isfile(os.path.join(path, "HEAD")) and os.path.isdir(os.path.join(path, "objects"))


class Fetcher:
    def __init__(self, local, cache, raw_base=RAW_BASE):
        self.local = local
        self.cache = cache
        self.raw_base = raw_base.rstrip("/")
        self.memo = {}

    def get(self, repo, commit, path):
        key = (repo, commit, path)
        if key not in self.memo:
            self.memo[key] = self._get(repo, commit, path)
        return self.memo[key]

    def _get(self, repo, commit, path):
        if repo in self.local:
            root = self.local[repo]
            if is_git_dir(root):
                try:
                    return subprocess.run(["git", "--git-dir", root, "show", "%s:%s" % (commit, path)],
                                          check=True, capture_output=True).stdout
                except subprocess.CalledProcessError as e:
                    fail("cannot read %s:%s from %s: %s" % (commit, path, root, e.stderr.decode(errors="replace").strip()))
            try:
                with open(os.path.join(root, path), "rb") as f:
                    return f.read()
            except OSError as e:
                fail("cannot read %s from %s: %s" % (path, root, e))
        url = "%s/%s/%s/%s" % (self.raw_base, repo, commit, urllib.parse.quote(path))
        cached = None
        if self.cache:
            cached = os.path.join(self.cache, hashlib.sha256(url.encode()).hexdigest())
            if os.path.exists(cached):
                with open(cached, "rb") as f:
                    return f.read()
        try:
            with urllib.request.urlopen(url, timeout=60) as resp:
                data = resp.read()
        except Exception as e:  # network errors of every kind end the run
            fail("cannot download %s: %s" % (url, e))
        if cached:
            os.makedirs(self.cache, exist_ok=True)
            with open(cached, "wb") as f:
                f.write(data)
        return data


def norm_ws(text):
    return re.sub(r"\s+", " ", text).strip()


def fix_mojibake(text):
    def dec(m):
        s = m.group(0)
        try:
            return s.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return s
    text = re.sub(r"[\u00c2-\u00f4][\u0080-\u00bf]+", dec, text)
    return re.sub(r"\u00c2(?=\s|$)", "", text)


def record_abp(data, key):
    rec = json.loads(data.decode("utf-8"))
    if rec.get("ID") != key:
        fail("%s: record ID %r is not %r" % (ABP, rec.get("ID"), key))
    return rec["title"], rec["content_original"].split("\n")


def record_voa(data, key):
    m = re.fullmatch(r"data row (\d+)", key)
    if not m:
        fail("%s: bad record key %r" % (VOA, key))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    n = int(m.group(1))
    if rows[0][:5] != ["URL", "Title", "PublishDate", "Links", "Article"] or n >= len(rows):
        fail("%s: unexpected CSV layout or row %d missing" % (VOA, n))
    row = rows[n]
    return row[1], [p for p in re.split(r" {2,}", row[4]) if p.strip()]


def record_st(data, key):
    text = fix_mojibake(data.decode("utf-8"))
    head, _, body = text.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.split("\n") if ": " in line)
    if fields.get("Slug") != key:
        fail("%s: slug %r is not %r" % (ST, fields.get("Slug"), key))
    return fields["Title"], [p for p in re.split(r"\n\s*\n", body) if p.strip()]


def record_wi(data, key):
    text = data.decode("utf-8")
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        fail("%s: no front matter" % WI)
    head, body = m.groups()
    ident = re.search(r"^ID: (\d+)$", head, re.M)
    if not ident or ident.group(1) != key:
        fail("%s: post ID %r is not %r" % (WI, ident and ident.group(1), key))
    # post_title is a YAML scalar: folded (">" then indented lines), single-quoted or plain;
    # the scraper left HTML character references in it
    t = re.search(r"^post_title: >\n((?:  .*\n)+)", head + "\n", re.M)
    if t:
        title = " ".join(line.strip() for line in t.group(1).splitlines())
    else:
        t = re.search(r"^post_title: (.+)$", head, re.M)
        if not t:
            fail("%s: post %s has no post_title" % (WI, key))
        title = t.group(1).strip()
        if len(title) > 1 and title[0] == title[-1] == "'":
            title = title[1:-1].replace("''", "'")
    title = html.unescape(title)
    # batch 6 (publishers of batch 9 added): posts taken from Google News feeds carry "UPDATE 1-"
    # and " – Publisher" in the title
    title = re.sub(r"^UPDATE \d+-", "", title)
    title = re.sub(r" \u2013 (Reuters|Fox News|New York Times|Voice of America|CNN)$", "", title)
    paras = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p\b[^>]*>(.*?)</p>", body, re.S)]
    return title, paras


def voa_structure(paras):
    """Indices to drop for VOA embed blocks and SEE ALSO links; dateline joins."""
    drop, joins = set(), set()
    i = 0
    while i < len(paras):
        p = paras[i].strip()
        if p == "Embed" and i + 1 < len(paras) and paras[i + 1].strip() == "share":
            j = i
            while j < len(paras) and not re.match(r"^\d{3,4}p \| [\d.]+MB$", paras[j].strip()):
                j += 1
            while j < len(paras) and re.match(r"^\d{3,4}p \| [\d.]+MB$", paras[j].strip()):
                j += 1
            if j >= len(paras):
                fail("unterminated VOA embed block")
            drop.update(range(i, j))
            i = j
            continue
        if p == "SEE ALSO:":
            drop.update((i, i + 1))
            i += 2
            continue
        if norm_ws(p).endswith("—") and len(p) < 60:
            joins.add(i)
        i += 1
    return drop, joins


def clean(doc_id, repo, title, paras, show=False):
    drop = set(DROP[doc_id])
    if max(drop, default=-1) >= len(paras):
        fail("%s: drop index beyond %d paragraphs" % (doc_id, len(paras)))
    joins = set()
    if repo == VOA:
        extra, joins = voa_structure(paras)
        drop |= extra
    out, carry = [], ""
    for i, raw in enumerate(paras):
        p = norm_ws(raw)
        if not p:
            continue
        if i in joins:  # a dateline ("WASHINGTON —") opens the next paragraph
            carry = p + " "
            continue
        if i in drop or any(r.search(p) for r in BOILERPLATE):
            if show:
                print("%s drop [%d] %s" % (doc_id, i, p))
            continue
        # batch 6: an agency credit line glued to the end of the last paragraph
        p = CREDIT_TAIL.sub("", p)
        out.append(carry + p)
        carry = ""
    if carry:
        fail("%s: dateline without a following paragraph" % doc_id)
    return "\n\n".join([norm_ws(title)] + out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--out", default=os.path.join(HERE, "docs.jsonl"))
    ap.add_argument("--source", action="append", default=[], metavar="OWNER/NAME=PATH")
    ap.add_argument("--cache")
    ap.add_argument("--raw-base", default=RAW_BASE)
    ap.add_argument("--show-drops", action="append", default=[], metavar="ID")
    ap.add_argument("--print-checksums", action="store_true")
    args = ap.parse_args()

    local = {}
    for s in args.source:
        repo, sep, path = s.partition("=")
        if not sep or repo not in (ABP, VOA, ST, WI):
            fail("--source wants OWNER/NAME=PATH with one of %s" % ", ".join((ABP, VOA, ST, WI)))
        local[repo] = path
    fetcher = Fetcher(local, args.cache, args.raw_base)
    parse = {ABP: record_abp, VOA: record_voa, ST: record_st, WI: record_wi}

    docs, bad = [], []
    for row in read_sources():
        repo = row["repository"]
        if repo not in parse:
            fail("%s: unknown repository %s" % (row["id"], repo))
        data = fetcher.get(repo, row["commit"], row["path"])
        title, paras = parse[repo](data, row["record_key"])
        text = clean(row["id"], repo, title, paras, show=row["id"] in args.show_drops)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if args.print_checksums:
            print("%s\t%d\t%s" % (row["id"], len(text.split()), digest))
        elif digest != row["sha256"]:
            bad.append("%s: sha256 %s, sources.tsv has %s" % (row["id"], digest, row["sha256"]))
        docs.append({"id": row["id"], "text": text})
    if args.print_checksums:
        return 0
    if bad:
        fail("checksum mismatch, nothing written:\n  " + "\n  ".join(bad))
    with open(args.out, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print("wrote %d documents to %s" % (len(docs), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
