"""Test documents for the Python tests, written for these tests (invented events and people).

They cover what the binding must carry through unchanged: straight and curly quotation marks,
interrupted quotes, named and pronoun speakers, stance terms, non-ASCII text before the quotes
(accents, an em dash, characters outside the BMP, so code point, UTF-16 and byte offsets all
differ), a document without quotes and an empty one.
"""

import json
import os
import subprocess

DOCUMENTS = [
    ("wire-001",
     'The talks resumed on Tuesday. "We are ready to sign a ceasefire tomorrow if the other side '
     'stops shelling the port," said Marta Kovalenko, the deputy foreign minister. Kovalenko added '
     'that any truce would need international monitors.'),
    ("wire-002",
     "\u201cThere will be no territorial concessions, not one village,\u201d the defence minister, "
     "Piotr Anders, told reporters in the capital. \u201cOur answer has not changed,\u201d he "
     "said, \u201cand it will not change.\u201d"),
    ("wire-003",
     "Caf\u00e9 owners in the old town \u2014 many of them refugees \U0001F3E0 \u2014 were sceptical. "
     '"A freeze along the current front line only gives them time to rearm," said Olena Brandt, '
     "who runs a bakery near the station. Another resident said he hoped a prisoner exchange "
     "would come first."),
    ("wire-004",
     "Negotiators met behind closed doors. A senior European security official said sanctions "
     "relief was \u201cnot on the table\u201d until troops withdraw. The ministry declined to "
     "comment."),
    ("wire-005",
     "Prices of wheat rose by 3 percent on Monday, traders said, as shipping through the strait "
     "slowed."),
    ("wire-006", ""),
    ("wire-007",
     '\U0001F4E2 Update: "Humanitarian corridors must open before any talks begin," the Red Cross '
     'coordinator, Jonas Weber, said on Friday. "People in the east have had no water for nine '
     'days."'),
    ("wire-008",
     "President Ilse Varga said on Thursday that her government would accept a ceasefire only if "
     "security guarantees were signed first. \u201cWe have been deceived before,\u201d Varga said."),
    ("wire-009",
     "'We will not negotiate under fire,' a spokesman for the rebels said in a statement. The "
     "statement also called for an end to the war \u2014 on their terms."),
    ("wire-010",
     "Ms. L\u00f3pez-Garc\u00eda, the mediator, said: \u201cBoth delegations have agreed to a "
     "pause in the fighting over the holiday, and to a prisoner exchange next week.\u201d"),
]


def jsonl_line(doc_id, text):
    return json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)


def write_corpus(directory, files=4, copies=1):
    """Writes the documents round-robin into `files` JSONL files; returns their paths in order."""
    os.makedirs(directory, exist_ok=True)
    paths = [os.path.join(directory, f"news-{i:02d}.jsonl") for i in range(files)]
    lines = [[] for _ in range(files)]
    n = 0
    for copy in range(copies):
        for doc_id, text in DOCUMENTS:
            lines[n % files].append(jsonl_line(f"{doc_id}-{copy}", text))
            n += 1
    for path, file_lines in zip(paths, lines):
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in file_lines))
    return paths


def cli():
    """The sayso executable of the build (set by ctest), or None."""
    path = os.environ.get("SAYSO_CLI")
    return path if path and os.path.exists(path) else None


def run_cli(*args, input=None, check=True):
    result = subprocess.run([cli(), *args], input=input, capture_output=True, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"sayso {' '.join(args)}: exit {result.returncode}: "
                             f"{result.stderr.decode(errors='replace')}")
    return result
