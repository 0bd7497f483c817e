"""Run sayso over JSONL corpora on Dask: one pipeline per worker process, results in input order.

    from distributed import Client
    import sayso.dask

    client = Client("scheduler:8786")           # or a LocalCluster
    sayso.dask.extract("corpus/*.jsonl", "out/")  # out/part-00000.jsonl, part-00001.jsonl, ...

Input files hold ``{"id", "text"}`` per line, as for ``sayso extract``. Each file is cut into
blocks of about ``blocksize`` bytes at line ends (one block per file with ``blocksize=None``),
and each block is one task. The output is what ``sayso extract`` writes for the same files, in
the same order: concatenating the part files in name order gives the CLI's output byte for byte.
A malformed line gives the CLI's error record; its "source" is ``FILE:LINE`` for lines in a
file's first block, and ``FILE[block K]:LINE`` (line counted from the block start) after it.

Each worker process builds its pipeline once, on its first task (``sayso.shared_pipeline``): the
lexicon is read on the client and travels with the tasks as text, so workers need no file but
the inputs (which, like the output directory, must be readable by every worker: a shared file
system or any fsspec URL such as s3://).
"""

import posixpath

import dask
import dask.bag
from dask.bytes import read_bytes
from fsspec.core import open_files

import sayso

__all__ = ["read_blocks", "extract_bag", "extract", "concatenate"]

DEFAULT_BLOCKSIZE = "16MiB"


def _config(terms, beliefs):
    # Built on the client: a bad lexicon fails here, with its file and line, before any task.
    return sayso.Pipeline(terms=terms, beliefs=beliefs).__getstate__()


def read_blocks(paths, blocksize=DEFAULT_BLOCKSIZE, storage_options=None):
    """The blocks of the input files: a list of ``(delayed bytes, source)`` in input order.

    ``paths`` is a path, a glob pattern or a list of them (files of a pattern in sorted order).
    """
    if isinstance(paths, (list, tuple)):
        groups = [read_blocks(p, blocksize, storage_options) for p in paths]
        return [b for g in groups for b in g]
    _, blocks, names = read_bytes(paths, delimiter=b"\n", blocksize=blocksize, sample=False,
                                  include_path=True, **(storage_options or {}))
    out = []
    for file_blocks, name in zip(blocks, names):
        for k, block in enumerate(file_blocks):
            out.append((block, name if k == 0 else f"{name}[block {k}]"))
    return out


def _extract_block(data, source, config, threads, offsets, include_text):
    pipeline = sayso._pipeline_from_state(config)
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return pipeline.map_jsonl(lines, source=source, threads=threads, offsets=offsets,
                              include_text=include_text)


def _join(records):
    # One blob per block: an empty block writes an empty file, not an empty line.
    return ["".join(r + "\n" for r in records).encode("utf-8")]


def extract_bag(paths, terms=None, beliefs=True, *, blocksize=DEFAULT_BLOCKSIZE, threads=1,
                offsets="codepoint", include_text=True, storage_options=None):
    """A ``dask.bag`` of result lines (JSON strings, no newline), one partition per block.

    ``threads`` is the number of threads a task analyses on; the default, 1, suits workers
    that already run one task per core. ``offsets`` and ``include_text`` are the CLI's
    ``--offsets`` and ``--no-text``.
    """
    config = _config(terms, beliefs)
    task = dask.delayed(_extract_block, pure=True)
    parts = [task(block, source, config, threads, offsets, include_text)
             for block, source in read_blocks(paths, blocksize, storage_options)]
    return dask.bag.from_delayed(parts)


def extract(paths, output, terms=None, beliefs=True, *, blocksize=DEFAULT_BLOCKSIZE, threads=1,
            offsets="codepoint", include_text=True, storage_options=None, compute=True):
    """Writes the results of the documents in ``paths`` as JSONL into the directory ``output``.

    One file per block, ``part-00000.jsonl``, ``part-00001.jsonl``, ... written by the workers;
    in name order they hold the results in input order. Returns the paths written (or, with
    ``compute=False``, the delayed writes). Runs on the current Dask scheduler (a
    ``distributed.Client`` if one is active).
    """
    bag = extract_bag(paths, terms, beliefs, blocksize=blocksize, threads=threads,
                      offsets=offsets, include_text=include_text,
                      storage_options=storage_options)
    width = max(5, len(str(bag.npartitions - 1)))
    return bag.map_partitions(_join).to_textfiles(
        posixpath.join(str(output), "part-*.jsonl"),
        name_function=lambda i: str(i).zfill(width),
        encoding=None, compute=compute, storage_options=storage_options)


def concatenate(parts, destination):
    """Concatenates part files (as returned by ``extract``) into one local file, in order."""
    with open(destination, "wb") as out:
        for f in open_files(list(parts), mode="rb"):
            with f as part:
                while chunk := part.read(1 << 20):
                    out.write(chunk)
    return destination
