"""The Python binding: results equal the CLI's JSON, offsets are string indices, errors carry the
C++ message, the GIL is released, pipelines pickle."""

import json
import os
import pickle
import sys
import threading
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from corpus import DOCUMENTS, cli, jsonl_line, run_cli  # noqa: E402

import sayso  # noqa: E402

needs_cli = pytest.mark.skipif(cli() is None, reason="SAYSO_CLI not set (built without SAYSO_CLI)")

BAD_LEXICON = """\
[[term]]
id = "talks"
description = "negotiations"
expressions = ["talks?"]

[[term]]
id = "bad id!"
description = "an id that is not an identifier"
expressions = ["x"]
"""

SMALL_LEXICON = """\
[[term]]
id = "water"
description = "access to drinking water"
expressions = ["water", "wells?"]

[[term]]
id = "talks"
description = "negotiations"
expressions = ["talks?", "negotiat(?:e|ions?)"]
"""


@pytest.fixture(scope="module")
def pipeline():
    return sayso.Pipeline()


@pytest.fixture(scope="module")
def documents_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("docs") / "docs.jsonl"
    path.write_text("".join(jsonl_line(i, t) + "\n" for i, t in DOCUMENTS), encoding="utf-8")
    return path


def test_version():
    assert sayso.__version__.count(".") == 2
    if cli():
        assert run_cli("--version").stdout.decode().strip() == sayso.__version__


def test_example_from_the_issue(pipeline):
    doc = pipeline.analyze('"We are ready," he said.')
    assert doc["id"] is None
    [quote] = doc["quotes"]
    assert quote["kind"] == "direct"
    assert quote["speaker"]["mention"]["text"] == "he"
    assert quote["cue"]["text"] == "said"


@needs_cli
def test_analyze_equals_cli_output(pipeline, documents_file):
    lines = run_cli("extract", str(documents_file)).stdout.decode("utf-8").splitlines()
    assert len(lines) == len(DOCUMENTS)
    assert sum(len(json.loads(line)["quotes"]) for line in lines) >= 10, "corpus too weak"
    for (doc_id, text), line in zip(DOCUMENTS, lines):
        expected = json.loads(line)
        got = pipeline.analyze(text)
        assert got.pop("id") is None
        assert expected.pop("id") == doc_id
        assert got == expected
        assert pipeline.analyze_json(text, id=doc_id) == line


def test_offsets_are_string_indices(pipeline):
    seen = 0
    for _, text in DOCUMENTS:
        for q in pipeline.analyze(text)["quotes"]:
            assert " \u2026 ".join(text[b:e] for b, e in q["spans"]) == q["text"]
            if q["speaker"] and q["speaker"]["mention"]:
                b, e = q["speaker"]["mention"]["span"]
                assert text[b:e] == q["speaker"]["mention"]["text"]
            if q["cue"]:
                b, e = q["cue"]["span"]
                assert text[b:e] == q["cue"]["text"]
            seen += 1
    assert seen >= 10


def test_bytes_input_is_utf8(pipeline):
    _, text = DOCUMENTS[2]
    assert pipeline.analyze(text.encode("utf-8")) == pipeline.analyze(text)


def test_analyze_batch(pipeline):
    texts = [t for _, t in DOCUMENTS]
    one_by_one = [pipeline.analyze(t) for t in texts]
    assert pipeline.analyze_batch(texts) == one_by_one
    assert pipeline.analyze_batch(iter(texts), threads=2) == one_by_one
    assert pipeline.analyze_batch([]) == []
    ids = [i for i, _ in DOCUMENTS]
    assert [d["id"] for d in pipeline.analyze_batch(texts, ids=ids)] == ids
    assert pipeline.analyze(texts[0], id=7)["id"] == "7"  # as the CLI writes integer ids
    with pytest.raises(ValueError):
        pipeline.analyze_batch(texts, ids=ids[:-1])
    with pytest.raises(TypeError):
        pipeline.analyze_batch([texts[0], 3])


@needs_cli
def test_map_jsonl_is_the_cli_byte_for_byte(pipeline, tmp_path):
    # Integer ids, CRLF, blank lines, and lines the CLI refuses with an error record.
    lines = [jsonl_line(i, t) for i, t in DOCUMENTS[:4]]
    lines += ["", '{"id": 42, "text": "\\"Not yet,\\" she said."}\r', "   ", "not json",
              '{"id": "x"}', "[1, 2]", '{"id": true, "text": ""}']
    lines += [jsonl_line(i, t) for i, t in DOCUMENTS[4:]]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes("".join(l + "\n" for l in lines).encode("utf-8"))
    result = run_cli("extract", str(path), check=False)
    assert result.returncode == 1  # input errors reported, the other documents processed
    expected = result.stdout.decode("utf-8").splitlines()
    assert pipeline.map_jsonl(lines, source=str(path)) == expected
    raw = path.read_bytes().splitlines(keepends=True)
    assert pipeline.map_jsonl(raw, source=str(path), threads=2) == expected
    assert list(sayso.extract_lines(raw, source=str(path), batch_size=3)) == expected
    for flags, kwargs in [(["--offsets", "utf16"], {"offsets": "utf16"}),
                          (["--offsets", "utf8", "--no-text"], {"offsets": "utf8", "include_text": False})]:
        out = run_cli("extract", *flags, str(path), check=False).stdout.decode("utf-8").splitlines()
        assert pipeline.map_jsonl(lines, source=str(path), **kwargs) == out


@needs_cli
def test_stdin_streaming_contract(pipeline):
    # `sayso extract --input jsonl -`: one output line per input record, in order.
    lines = [jsonl_line(f"s{k}", DOCUMENTS[k % len(DOCUMENTS)][1]) for k in range(50)]
    out = run_cli("extract", "--input", "jsonl", "-", input="\n".join(lines).encode()).stdout
    out = out.decode("utf-8").splitlines()
    assert [json.loads(l)["id"] for l in out] == [f"s{k}" for k in range(50)]
    assert pipeline.map_jsonl(lines, source="<stdin>") == out
    # An empty partition gives no output (without --input jsonl, empty stdin is one document).
    assert run_cli("extract", "--input", "jsonl", "-", input=b"").stdout == b""


def test_bad_lexicon_raises_with_file_and_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(BAD_LEXICON)
    with pytest.raises(sayso.Error) as info:
        sayso.Pipeline(terms=path)
    assert isinstance(info.value, ValueError)
    assert info.value.code == "lexicon"
    assert str(path) in str(info.value)
    message = str(info.value)
    if cli():
        result = run_cli("extract", "--terms", str(path), input=b"", check=False)
        assert result.returncode == 2
        assert result.stderr.decode().strip() == f"sayso: {message}"
    with pytest.raises(sayso.Error) as info:
        sayso.Pipeline(terms=tmp_path / "missing.toml")
    assert info.value.code == "io" and "missing.toml" in str(info.value)
    with pytest.raises(sayso.Error, match="offsets"):
        sayso.Pipeline().map_jsonl(['{"id": 1, "text": ""}'], offsets="furlongs")


@needs_cli
def test_custom_lexicon_matches_cli(tmp_path, documents_file):
    path = tmp_path / "small.toml"
    path.write_text(SMALL_LEXICON)
    p = sayso.Pipeline(terms=str(path))
    assert [t["id"] for t in p.terms] == ["water", "talks"]
    expected = run_cli("extract", "--terms", str(path), str(documents_file)).stdout
    assert p.map_jsonl(documents_file.read_bytes().splitlines(), source=str(documents_file)) == \
        expected.decode("utf-8").splitlines()
    no_beliefs = run_cli("extract", "--no-beliefs", str(documents_file)).stdout.decode().splitlines()
    assert sayso.Pipeline(beliefs=False).map_jsonl(
        documents_file.read_text(encoding="utf-8").splitlines()) == no_beliefs


def test_pickle_carries_the_lexicon(tmp_path):
    path = tmp_path / "small.toml"
    path.write_text(SMALL_LEXICON)
    p = sayso.Pipeline(terms=path, beliefs=False)
    data = pickle.dumps(p)
    path.unlink()  # the copy must not need the file
    q = pickle.loads(data)
    assert q.terms == p.terms
    assert repr(q) == repr(p)
    for _, text in DOCUMENTS:
        assert q.analyze(text) == p.analyze(text)


def test_shared_pipeline_is_one_per_configuration():
    assert sayso.shared_pipeline() is sayso.shared_pipeline()
    assert sayso.shared_pipeline(beliefs=False) is not sayso.shared_pipeline()


def _long_call(fn, unit):
    """The smallest repetition of `unit` for which fn takes at least 0.15 s (at most 64 MB)."""
    n = 1
    while True:
        start = time.perf_counter()
        fn(unit * n)
        if time.perf_counter() - start >= 0.15 or len(unit) * n > 64 << 20:
            return unit * n
        n *= 2


def _main_thread_runs_during(fn, arg):
    # While one thread is inside the C++ call, another Python thread must keep running: with
    # the GIL held, the main thread would stall for the whole call.
    window = {}

    def work():
        window["begin"] = time.perf_counter()
        fn(arg)
        window["end"] = time.perf_counter()

    ticks = []
    worker = threading.Thread(target=work)
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()
    inside = [t for t in ticks if window["begin"] < t < window["end"]]
    duration = window["end"] - window["begin"]
    assert inside, "the main thread never ran during the call"
    gaps = [b - a for a, b in zip([window["begin"]] + inside, inside + [window["end"]])]
    assert max(gaps) < 0.5 * duration, f"longest stall {max(gaps):.3f}s of {duration:.3f}s"


def test_gil_is_released(pipeline):
    text = _long_call(pipeline.analyze, " ".join(t for _, t in DOCUMENTS) + "\n\n")
    _main_thread_runs_during(pipeline.analyze, text)
    texts = _long_call(lambda t: pipeline.analyze_batch(t, threads=1), [t for _, t in DOCUMENTS])
    _main_thread_runs_during(lambda t: pipeline.analyze_batch(t, threads=1), texts)
