#!/usr/bin/env python3
"""The golden-output test: `sayso extract` over the invented corpus in corpus/, compared with
expected.txt.

    golden.py --sayso build/sayso            check (ctest runs this: golden.corpus)
    golden.py --sayso build/sayso --accept   rewrite expected.txt from the current output

Each corpus/*.txt file holds documents, each opened by a line "### NAME" (its id is
FILE-STEM/NAME); the lines before the first "###" describe the file, and lines starting with
"//" are notes for the reader (which rule a sentence exercises), left out of the text. Paragraphs
are separated by blank lines.

expected.txt holds, per document, a line "### ID", then one line per quote ("quote" and the
quote's JSON object as `sayso extract` writes it) and one per entity, so that a change shows up
in a diff as the quotes and entities it touches. Python standard library only.
"""
import argparse
import difflib
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def read_corpus(corpus: pathlib.Path):
    """The documents of corpus/*.txt in file and then text order, as (id, text)."""
    docs = []
    for path in sorted(corpus.glob("*.txt")):
        name = None
        lines = []

        def close():
            if name is not None:
                text = "\n".join(lines).strip("\n")
                if not text:
                    sys.exit(f"{path}: document {name} is empty")
                docs.append((f"{path.stem}/{name}", text + "\n"))

        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("### "):
                close()
                name = line[4:].strip()
                lines = []
            elif name is not None and not line.startswith("//"):
                lines.append(line.rstrip())
        close()
    ids = [d[0] for d in docs]
    if len(ids) != len(set(ids)):
        sys.exit("golden corpus: two documents have the same id")
    return docs


def extract(sayso: str, docs, labels: str = "rules") -> list:
    """`sayso extract` over the documents (one thread, JSON Lines on stdin): one record each."""
    stdin = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in docs)
    run = subprocess.run([sayso, "extract", "--input", "jsonl", "--threads", "1", "--labels", labels, "-"],
                         input=stdin.encode("utf-8"), capture_output=True, check=False)
    if run.returncode != 0:
        sys.exit(f"sayso extract failed ({run.returncode}): {run.stderr.decode('utf-8', 'replace')}")
    records = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines() if line.strip()]
    if [r["id"] for r in records] != [d[0] for d in docs]:
        sys.exit("sayso extract: the records do not match the documents one to one")
    return records


def render(records) -> str:
    out = []
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    for r in records:
        out.append(f"### {r['id']}")
        for q in r.get("quotes", []):
            out.append("quote " + json.dumps(q, **compact))
        for e in r.get("entities", []):
            out.append("entity " + json.dumps(e, **compact))
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sayso", required=True, help="the sayso command-line tool")
    ap.add_argument("--corpus", default=str(HERE / "corpus"))
    ap.add_argument("--expected", default=str(HERE / "expected.txt"))
    ap.add_argument("--accept", action="store_true", help="rewrite the expected output")
    ap.add_argument("--labels", default="rules", choices=("rules", "model", "own-words"),
                    help="how stance labels are decided (expected-model.txt holds the model's output)")
    args = ap.parse_args()

    docs = read_corpus(pathlib.Path(args.corpus))
    actual = render(extract(args.sayso, docs, args.labels))
    expected_path = pathlib.Path(args.expected)
    if args.accept:
        expected_path.write_text(actual, encoding="utf-8")
        quotes = actual.count("\nquote ")
        print(f"golden: wrote {expected_path} ({len(docs)} documents, {quotes} quotes); "
              f"review it with `git diff {expected_path.name}` before committing")
        return 0
    expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
    if actual == expected:
        print(f"golden: {len(docs)} documents, output as expected")
        return 0
    diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected.txt",
                                     "actual output", lineterm="", n=1))
    changed = sum(1 for d in diff if d[:1] in "+-" and not d.startswith(("+++", "---")))
    print(f"golden: the output differs from {expected_path} ({changed} lines):\n")
    for line in diff[:400]:
        print(line)
    if len(diff) > 400:
        print(f"... ({len(diff) - 400} more diff lines)")
    print("\nIf the change is intended, accept it in its own commit that says why:\n"
          "    cmake --build build --target golden_accept     (or: tests/golden/golden.py "
          "--sayso build/sayso --accept)\n"
          "then review `git diff tests/golden/expected.txt`.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
