"""sayso.dask on a real distributed.LocalCluster with two worker processes: the results are those
of `sayso extract` on the same files, byte for byte and in order."""

import json
import logging
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from corpus import DOCUMENTS, cli, jsonl_line, run_cli, write_corpus  # noqa: E402

import sayso  # noqa: E402

distributed = pytest.importorskip("distributed")
sayso_dask = pytest.importorskip("sayso.dask")

pytestmark = [
    pytest.mark.skipif(cli() is None, reason="SAYSO_CLI not set (built without SAYSO_CLI)"),
    # distributed 2022.12 with tornado 6.2 (Debian 12) warns about its own event loop use.
    pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    # Robust on a small CI machine without network: loopback only, no dashboard (its HTTP
    # server gets a free port), one thread per worker, scratch space in the test's tmp dir.
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
        dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
        worker_dashboard_address=None, memory_limit=0,
        local_directory=str(tmp_path_factory.mktemp("dask")), silence_logs=logging.ERROR)
    with cluster, distributed.Client(cluster) as c:
        c.wait_for_workers(2, timeout=60)
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    directory = tmp_path_factory.mktemp("corpus")
    paths = write_corpus(str(directory), files=4, copies=6)
    # A malformed line, a blank line and CRLF in the first file: the error record and its
    # source (FILE:LINE) must be the CLI's.
    with open(paths[0], "ab") as f:
        f.write(b"this is not JSON\n\n" + jsonl_line("crlf", DOCUMENTS[1][1]).encode() + b"\r\n")
    return paths


def cli_output(paths):
    result = run_cli("extract", *paths, check=False)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def test_extract_equals_cli(client, corpus, tmp_path):
    expected = cli_output(corpus)
    assert expected.count(b"\n") == len(DOCUMENTS) * 6 + 2  # + the error record and crlf
    parts = sayso_dask.extract(corpus, str(tmp_path / "out"))
    assert len(parts) == len(corpus)  # one block per file at the default block size
    assert [os.path.basename(p) for p in parts] == [f"part-{i:05d}.jsonl" for i in range(4)]
    merged = sayso_dask.concatenate(parts, str(tmp_path / "all.jsonl"))
    with open(merged, "rb") as f:
        assert f.read() == expected


def test_small_blocks_keep_input_order(client, tmp_path):
    # Many blocks per file, spread over both workers, still come back in input order.
    paths = write_corpus(str(tmp_path / "in"), files=3, copies=10)
    expected = cli_output(paths)
    bag = sayso_dask.extract_bag(paths, blocksize=2000)
    assert bag.npartitions >= 2 * len(paths)
    lines = bag.compute()
    assert "".join(l + "\n" for l in lines).encode() == expected
    pattern = str(tmp_path / "in" / "news-*.jsonl")  # a glob reads the files in sorted order
    parts = sayso_dask.extract(pattern, str(tmp_path / "out"), blocksize=2000)
    out = b"".join(open(p, "rb").read() for p in parts)
    assert out == expected


def test_one_pipeline_per_worker_process(client, corpus, tmp_path):
    sayso_dask.extract(corpus, str(tmp_path / "out"), blocksize=1500)
    pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
    state = sayso.Pipeline().__getstate__()
    built = client.run(lambda: sum(1 for key in sayso._pipelines if key == state))
    assert sorted(built.values()) == [1, 1], built  # both worked, each built one pipeline


def test_terms_travel_to_workers(client, corpus, tmp_path):
    lexicon = tmp_path / "water.toml"
    lexicon.write_text('[[term]]\nid = "water"\ndescription = "water"\nexpressions = ["water"]\n')
    expected = run_cli("extract", "--terms", str(lexicon), *corpus, check=False).stdout
    lines = sayso_dask.extract_bag(corpus, terms=str(lexicon)).compute()
    assert "".join(l + "\n" for l in lines).encode() == expected
    assert any(s["term"] == "water" for l in lines for q in json.loads(l)["quotes"]
               for s in q.get("stance", []))


def test_bad_terms_fail_on_the_client(corpus, tmp_path):
    lexicon = tmp_path / "bad.toml"
    lexicon.write_text("[[term]]\nid = 3\n")
    with pytest.raises(sayso.Error, match="bad.toml"):
        sayso_dask.extract_bag(corpus, terms=str(lexicon))
