"""Normalising rows ahead of the resolver, optionally in helper processes.

Normalisation (`prepare`) and blocking keys (`record_keys`) depend on one row only, so they
can run in other processes while the resolver, which must see rows in order, decides them in
this one. Helpers are forked (they inherit the rows; nothing is sent to them) and send back
pickled chunks of (PreparedRecord, RecordKeys) in row order; a full pipe makes a helper wait,
so at most a chunk or two is held ahead of the resolver.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection

from .blocking import RecordKeys, record_keys
from .records import InputRecord, PreparedRecord, prepare

CHUNK = 1024  # rows per message: large enough to amortise a message, small enough to start fast
MIN_ROWS = 4 * CHUNK  # fewer rows than this are not worth starting a process for


def _normalise(records: Sequence[InputRecord]) -> list[PreparedRecord]:
    return [prepare(record) for record in records]


def _helper(records: Sequence[InputRecord], first: int, stride: int, conn: Connection) -> None:
    """In a forked helper: chunks first, first + stride, ... of the rows, pickled, in order."""
    try:
        for start in range(first * CHUNK, len(records), stride * CHUNK):
            chunk = _normalise(records[start : start + CHUNK])
            conn.send_bytes(pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        conn.close()


def normalised(
    records: Sequence[InputRecord], workers: int = 1
) -> Iterator[tuple[PreparedRecord, RecordKeys]]:
    """(prepare(row), record_keys(...)) for each row, in order; `workers - 1` helper processes."""
    helpers = workers - 1
    if (
        helpers < 1
        or len(records) < MIN_ROWS
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        for record in records:
            prepared = prepare(record)
            yield prepared, record_keys(prepared)
        return
    context = multiprocessing.get_context("fork")
    pipes: list[Connection] = []
    processes = []
    try:
        for first in range(helpers):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(
                target=_helper, args=(records, first, helpers, sender), daemon=True
            )
            process.start()
            sender.close()  # the helper holds the only sending end: EOF when it exits
            pipes.append(receiver)
            processes.append(process)
        chunks = (len(records) + CHUNK - 1) // CHUNK
        for index in range(chunks):
            conn = pipes[index % helpers]
            try:
                data = conn.recv_bytes()
            except EOFError:
                raise RuntimeError("a normalising helper process stopped early") from None
            for prepared in pickle.loads(data):
                yield prepared, record_keys(prepared)
    finally:
        for conn in pipes:
            conn.close()
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join()
