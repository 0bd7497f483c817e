"""Throughput of sayso.dask on a LocalCluster against the single-process CLI (not a test).

    PYTHONPATH=build/python /usr/bin/python3 tests/python/bench_dask.py build/sayso FILE.jsonl \
        [--copies N] [--workers 2] [--blocksize 1MiB]

Runs `sayso extract --threads 1` and `--threads 0` on the corpus, the binding in-process
(Pipeline.map_jsonl on one thread), and sayso.dask.extract on a LocalCluster of worker processes
with one thread each; checks that every output is byte for byte the CLI's and prints MB/s.
With --copies N the corpus is N copies of FILE (separate files), for runs long enough to
amortise the cluster's start-up and per-task costs.
"""

import argparse
import logging
import os
import shutil
import subprocess
import tempfile
import time


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("corpus")
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--blocksize", default="1MiB")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import distributed
    import sayso
    import sayso.dask

    tmp = tempfile.mkdtemp(prefix="sayso-bench-")
    try:
        paths = []
        for i in range(args.copies):
            p = os.path.join(tmp, f"corpus-{i:03d}.jsonl")
            shutil.copyfile(args.corpus, p)
            paths.append(p)
        size = sum(os.path.getsize(p) for p in paths) / 1e6
        docs = sum(1 for p in paths for line in open(p, "rb") if line.strip())
        print(f"corpus: {len(paths)} file(s), {docs} documents, {size:.1f} MB; "
              f"load average {os.getloadavg()[0]:.2f}")

        def best(label, fn, check=None):
            times = []
            for _ in range(args.repeat):
                t, out = timed(fn)
                times.append(t)
                if check is not None:
                    assert check(out), f"{label}: output differs from the CLI"
            t = min(times)
            print(f"{label:<44} {t:7.2f} s  {size / t:6.1f} MB/s  {docs / t:8.0f} docs/s"
                  f"  (first run {times[0]:.2f} s)")
            return t

        def cli(threads):
            return subprocess.run([args.cli, "extract", "--threads", str(threads), *paths],
                                  capture_output=True, check=False).stdout

        expected = cli(1)
        best("CLI, 1 thread", lambda: cli(1), lambda out: out == expected)
        best("CLI, all cores (--threads 0)", lambda: cli(0), lambda out: out == expected)

        pipeline = sayso.Pipeline()

        def in_process():
            out = []
            for p in paths:
                with open(p, "rb") as f:
                    out.extend(pipeline.map_jsonl(f.read().split(b"\n")[:-1], source=p))
            return "".join(line + "\n" for line in out).encode()

        best("Python binding in-process, 1 thread", in_process, lambda out: out == expected)

        t_start, cluster = timed(lambda: distributed.LocalCluster(
            n_workers=args.workers, processes=True, threads_per_worker=1, host="127.0.0.1",
            dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
            memory_limit=0, local_directory=tmp, silence_logs=logging.ERROR))
        with cluster, distributed.Client(cluster) as client:
            client.wait_for_workers(args.workers)
            print(f"LocalCluster start-up ({args.workers} worker processes): {t_start:.2f} s")
            blocks = len(sayso.dask.read_blocks(paths, args.blocksize))
            n = [0]

            def dask_run():
                n[0] += 1
                out_dir = os.path.join(tmp, f"out-{n[0]}")
                parts = sayso.dask.extract(paths, out_dir, blocksize=args.blocksize)
                return b"".join(open(p, "rb").read() for p in parts)

            best(f"Dask, {args.workers} workers x 1 thread, {blocks} blocks", dask_run,
                 lambda out: out == expected)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
