#!/usr/bin/env python3
"""Robustness of the sayso command-line tool: nothing lost, clear errors, documented exit codes.

Every input document gives exactly one output record (a result, or an error record naming the
file and line), whatever the input: empty files, directories, unreadable files, invalid JSON,
ill-formed UTF-8, binary garbage, a text file over the 2 GiB limit (refused from its size,
without reading it), and a closed standard output (EPIPE: `sayso extract big.jsonl | head -1`
exits promptly with status 3 and says why). Exit statuses are those documented at the top of
lib/cli/main.cpp and in the README: 0 all processed, 1 input errors, 2 usage, 3 output error.

Each test is a function named test_*; tests/cli/CMakeLists.txt registers one ctest test per
function (found by scanning this file), run as

    python3 robustness_tests.py --sayso PATH/TO/sayso --workdir DIR NAME

Python standard library only.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time

SAYSO = ""
WORKDIR = ""

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def path(name):
    return os.path.join(WORKDIR, name)


def write(name, data):
    p = path(name)
    with open(p, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def run(*args, stdin=None, stdout=subprocess.PIPE, timeout=120):
    """Runs sayso; returns (exit status, stdout text, stderr text)."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run([SAYSO, *args], input=data, stdout=stdout, stderr=subprocess.PIPE,
                          timeout=timeout, cwd=WORKDIR)
    out = proc.stdout.decode("utf-8") if proc.stdout is not None else ""
    return proc.returncode, out, proc.stderr.decode("utf-8", errors="replace")


def records(out):
    result = []
    for i, line in enumerate(out.splitlines(), 1):
        try:
            result.append(json.loads(line))
        except ValueError as e:
            raise Failure(f"output line {i} is not JSON ({e}): {line[:200]!r}")
    return result


QUOTE = "“We want a ceasefire now,” the envoy said. "


def doc(i, text=QUOTE):
    return json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------

def test_one_record_per_document():
    # Good and bad JSONL lines (blank lines are no documents), CRLF line ends, a text file, an
    # empty text file, an empty JSONL file, a missing file, a directory and a dangling link:
    # exactly one record per document, in input order, each error naming its file and line.
    lines = [doc(1), "", "{not json", "   ", doc(2) + "\r", '{"id": "no-text"}', "[1, 2]", "null",
             '{"id": 1.5, "text": "x"}', '{"id": "t", "text": 5}', doc(3, "\u0000\ufeff\u202e“x,” he said"),
             '{"id": "e", "text": "\\ud83d\\ude00 \\u0000"}', doc(4)]
    jsonl = write("mixed.jsonl", "\n".join(lines))  # no final line end
    text = write("article.txt", QUOTE * 3)
    empty_text = write("empty.txt", "")
    empty_jsonl = write("empty.jsonl", "")
    missing = path("missing.txt")
    os.makedirs(path("folder"), exist_ok=True)
    dangling = path("dangling.txt")
    if os.path.lexists(dangling):
        os.remove(dangling)
    os.symlink(path("nowhere"), dangling)
    status, out, err = run("extract", jsonl, text, empty_text, empty_jsonl, missing, path("folder"), dangling)
    check(status == EXIT_INPUT, f"exit status {status}, expected {EXIT_INPUT}; stderr: {err}")
    got = records(out)
    expected = [
        ("d1", None), (None, f"{jsonl}:3"), ("d2", None), ("no-text", f"{jsonl}:6"), (None, f"{jsonl}:7"),
        (None, f"{jsonl}:8"), (None, f"{jsonl}:9"), ("t", f"{jsonl}:10"), ("d3", None), ("e", None), ("d4", None),
        (text, None), (empty_text, None), (None, missing), (None, path("folder")), (None, dangling),
    ]
    check(len(got) == len(expected), f"{len(got)} records for {len(expected)} documents: {out[:2000]}")
    for r, (rid, source) in zip(got, expected):
        if source is None:
            check("error" not in r and r["id"] == rid, f"expected document {rid}, got {r}")
        else:
            check("error" in r and r["error"]["source"] == source, f"expected an error for {source}, got {r}")
            check(r["quotes"] == [] and r["error"]["message"], f"error record {r}")
            check(f"sayso: {source}: " in err, f"stderr does not name {source}: {err}")
            if rid is not None:
                check(r["id"] == rid, f"error record keeps the id {rid}: {r}")
    by_id = {r["id"]: r for r in got if "error" not in r}
    check(by_id[empty_text]["quotes"] == [], "an empty text file is an empty document")
    check(by_id["d1"]["quotes"], "the good documents are analysed")
    check("9 input errors" in err, f"stderr should count the input errors: {err}")


def test_invalid_json_messages():
    bad = ["{", '{"id": "a", "text": "unterminated', "{'id': 'single quotes'}", '{"id": "a" "text": "b"}',
           '{"id": "a", "text": "b"}}', "\x00", '{"id": "a", "text": "\\x41"}', "42", '"a string"']
    f = write("invalid.jsonl", "\n".join(bad) + "\n")
    status, out, err = run("extract", f)
    check(status == EXIT_INPUT, f"exit status {status}")
    got = records(out)
    check(len(got) == len(bad), f"{len(got)} records for {len(bad)} lines")
    for n, r in enumerate(got, 1):
        check(r["error"]["source"] == f"{f}:{n}", f"record {n}: {r}")
        check(f"{f}:{n}: " in err, f"stderr does not name line {n}: {err}")
    check(all("invalid JSON" in r["error"]["message"] for r in got[:7]), f"messages: {[r['error'] for r in got]}")
    check("must be a JSON object" in got[7]["error"]["message"], f"message: {got[7]}")


def test_ill_formed_and_binary_input():
    # Random bytes as a text file, ill-formed UTF-8 in a text file: analysed, output valid
    # UTF-8 JSON (json.loads on the decoded text), one record each.
    rng = random.Random(7)
    noise = write("noise.txt", bytes(rng.randrange(256) for _ in range(200000)))
    broken = write("broken.txt", "“We reject ".encode() + b"\xff\xfe\xc0\xaf\xed\xa0\x80" +
                   " this,” the minister said.\r\r\x00".encode())
    status, raw, err = run("extract", noise, broken)
    check(status == EXIT_OK, f"exit status {status}, stderr: {err}")
    got = records(raw)
    check([r["id"] for r in got] == [noise, broken], f"ids {[r['id'] for r in got]}")
    check("\ufffd" in json.dumps(got[1], ensure_ascii=False), "ill-formed bytes should read as U+FFFD")


def test_text_file_over_the_size_limit():
    # A sparse file of 2 GiB: refused from its size, without reading it (fast, little memory),
    # as an error record naming the file; the next file is still processed.
    big = path("huge.txt")
    with open(big, "wb") as f:
        f.truncate((1 << 31))
    good = write("after.txt", QUOTE)
    start = time.monotonic()
    status, out, err = run("extract", big, good, timeout=60)
    took = time.monotonic() - start
    os.remove(big)
    check(status == EXIT_INPUT, f"exit status {status}, stderr: {err}")
    got = records(out)
    check(len(got) == 2 and got[0]["error"]["source"] == big, f"records {got}")
    check("2147483648 bytes refused" in got[0]["error"]["message"], f"message: {got[0]['error']}")
    check(f"sayso: {big}: input of 2147483648 bytes refused" in err, f"stderr: {err}")
    check(got[1]["id"] == good and got[1]["quotes"], f"the next file must be processed: {got[1]}")
    check(took < 20, f"took {took:.1f} s: the file must not be read")


def closed_pipe(args, stdin_data=None):
    """Runs sayso with its stdout read for one line and then closed (as `| head -1` does);
    returns (exit status, stderr, seconds after the close)."""
    proc = subprocess.Popen([SAYSO, *args], stdin=subprocess.PIPE if stdin_data is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=WORKDIR)
    feeder = None
    if stdin_data is not None:
        def feed():
            try:
                for chunk in stdin_data:
                    proc.stdin.write(chunk)
                proc.stdin.close()
            except (BrokenPipeError, ValueError, OSError):
                pass
        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
    first = proc.stdout.readline()
    proc.stdout.close()
    closed = time.monotonic()
    try:
        err = proc.stderr.read()
        status = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise Failure(f"sayso {args} did not exit within 60 s of its output being closed")
    took = time.monotonic() - closed
    check(first[:1] in (b"{", b"[", b"=", b"<"),
          f"first line {first[:100]!r}")
    return status, err.decode("utf-8", errors="replace"), took


def big_jsonl(n):
    return "".join(doc(i, QUOTE * 4) + "\n" for i in range(n))


def test_closed_stdout_file_input():
    f = write("big.jsonl", big_jsonl(20000))
    for extra in ([], ["--format", "json"], ["--format", "table"], ["--threads", "2"]):
        status, err, took = closed_pipe(["extract", *extra, f])
        check(status == EXIT_OUTPUT, f"{extra}: exit status {status}, expected {EXIT_OUTPUT}; stderr: {err}")
        check("sayso: cannot write output: Broken pipe" in err, f"{extra}: stderr: {err}")
        check(took < 30, f"{extra}: {took:.1f} s to exit after the pipe closed")


def test_closed_stdout_stream_input():
    # `producer | sayso extract | head -1`: sayso stops reading its input once its output is
    # gone, so the producer sees a closed pipe instead of feeding a process that no longer writes.
    chunk = big_jsonl(200).encode()
    status, err, took = closed_pipe(["extract", "-"], stdin_data=(chunk for _ in range(1000)))
    check(status == EXIT_OUTPUT, f"exit status {status}; stderr: {err}")
    check("cannot write output: Broken pipe" in err, f"stderr: {err}")


def test_closed_stdout_report():
    f = write("docs.jsonl", big_jsonl(300))
    status, err, _ = closed_pipe(["report", f])
    check(status == EXIT_OUTPUT, f"exit status {status}; stderr: {err}")
    check("cannot write output" in err, f"stderr: {err}")


def test_empty_inputs():
    # Empty stdin is one empty document (as a text); an empty .jsonl file holds no document; a
    # JSON Lines stdin of blank lines holds none either. None of these is an error.
    status, out, err = run("extract", stdin="")
    check(status == EXIT_OK and len(records(out)) == 1 and records(out)[0]["quotes"] == [], f"{status} {out} {err}")
    f = write("empty.jsonl", "")
    status, out, err = run("extract", f)
    check(status == EXIT_OK and out == "", f"empty .jsonl: {status} {out!r} {err}")
    status, out, err = run("extract", "--input", "jsonl", stdin="\n \n\r\n")
    check(status == EXIT_OK and out == "", f"blank JSON Lines: {status} {out!r} {err}")
    status, out, err = run("extract", "--format", "json", f)
    check(status == EXIT_OK and json.loads(out) == [], f"empty .jsonl as a JSON array: {status} {out!r}")


def test_threads_keep_every_record_in_order():
    lines = []
    for i in range(600):
        lines.append(doc(i, ["", QUOTE, "\x00", "“" * 500, "ab\ufffd\u202e" * 50][i % 5]) if i % 7 else "{bad")
    f = write("threads.jsonl", "\n".join(lines) + "\n")
    outputs = []
    for threads in ("1", "2", "4"):
        status, out, err = run("extract", "--threads", threads, f)
        check(status == EXIT_INPUT, f"--threads {threads}: exit status {status}")
        got = records(out)
        check(len(got) == len(lines), f"--threads {threads}: {len(got)} records for {len(lines)} lines")
        outputs.append(out)
    check(outputs[0] == outputs[1] == outputs[2], "output differs between thread counts")


def test_usage_errors_are_status_2():
    for args in (["extract", "--threads", "x"], ["extract", "--offsets"], ["report", "--bogus"], ["extract", "--terms",
                                                                                                  path("nothing.toml")]):
        status, out, err = run(*args)
        check(status == EXIT_USAGE, f"{args}: exit status {status}; stderr: {err}")
        check(err.strip(), f"{args}: no message")
    bad = write("bad.toml", "[[term]]\nid = \"x\"\nexpressions = [1\"\u00e9\"]\n")
    status, out, err = run("extract", "--terms", bad, stdin="x")
    check(status == EXIT_USAGE and f"{bad}:3:" in err and out == "", f"bad lexicon: {status} {err}")


def main():
    global SAYSO, WORKDIR
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sayso", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("test", nargs="*", help="test names (default: all)")
    args = parser.parse_args()
    SAYSO = os.path.abspath(args.sayso)
    WORKDIR = os.path.abspath(args.workdir)
    os.makedirs(WORKDIR, exist_ok=True)
    names = args.test or [n[5:] for n in globals() if n.startswith("test_")]
    failed = 0
    for name in names:
        fn = globals().get("test_" + name)
        if fn is None:
            print(f"unknown test {name}")
            return 2
        try:
            fn()
        except Failure as e:
            print(f"FAIL {name}: {e}")
            failed += 1
            continue
        print(f"PASS {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
