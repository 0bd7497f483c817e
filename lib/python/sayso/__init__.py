"""sayso: who said what, and where do they stand? Quotes, speakers and stance in news text.

    >>> import sayso
    >>> p = sayso.Pipeline()
    >>> doc = p.analyze('"We are ready," he said.')
    >>> doc["quotes"][0]["spans"]
    [[1, 13]]

A result is the JSON object ``sayso extract`` writes for the text, as a dict; offsets are code
points, that is Python string indices. ``sayso.dask`` runs the pipeline over JSONL corpora on a
Dask cluster; ``extract_lines`` is the per-partition function for other engines (Spark's
``mapPartitions``).
"""

import os as _os
import threading as _threading

from ._sayso import Error, Pipeline, __version__

__all__ = ["Error", "Pipeline", "__version__", "shared_pipeline", "extract_lines"]

_lock = _threading.Lock()
_pipelines = {}


def _pipeline_from_state(state):
    """The process's pipeline for a pickled configuration (``Pipeline.__getstate__()``)."""
    with _lock:
        p = _pipelines.get(state)
        if p is None:
            p = Pipeline.__new__(Pipeline)
            p.__setstate__(state)
            _pipelines[state] = p
        return p


def shared_pipeline(terms=None, beliefs=True):
    """One pipeline per process and configuration, built on first use and reused after.

    Building a pipeline compiles its lexicons, so a task that runs on a worker should not build
    its own; a pipeline is thread-safe, so the worker's threads share this one.
    """
    key = (None if terms is None else _os.fspath(terms), bool(beliefs))
    with _lock:
        p = _pipelines.get(key)
        if p is None:
            p = Pipeline(terms=terms, beliefs=beliefs)
            _pipelines[key] = p
        return p


def extract_lines(lines, terms=None, beliefs=True, *, pipeline=None, threads=1, batch_size=256,
                  source="<input>", first_line=1):
    """``sayso extract`` as a generator: JSONL document lines in, JSON result lines out.

    ``lines`` is any iterable of ``{"id", "text"}`` lines (str or bytes, newline optional), such
    as a Spark partition: ``rdd.mapPartitions(sayso.extract_lines)``. Yields one JSON string
    (no newline) per non-blank line, in order, exactly what the CLI writes; a malformed line
    yields the CLI's error record. Uses ``shared_pipeline(terms, beliefs)`` unless ``pipeline``
    is given, and analyses ``batch_size`` lines at a time on ``threads`` threads.
    """
    if pipeline is None:
        pipeline = shared_pipeline(terms, beliefs)
    batch = []
    line = first_line
    for item in lines:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from pipeline.map_jsonl(batch, source=source, first_line=line, threads=threads)
            line += len(batch)
            batch = []
    if batch:
        yield from pipeline.map_jsonl(batch, source=source, first_line=line, threads=threads)
