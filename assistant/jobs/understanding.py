"""The sentence model at the edge: which findings version is current, loading the model in worker
processes, and understanding stored mail again when the version changed.

The sync process never loads the encoder (it must stay small); worker processes do, once each.
When the model cannot be loaded (its package missing or altered), the cue patterns alone are used,
the findings carry the patterns' version, and each sync says why and tries again.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from assistant.errors import ModelError
from assistant.models import Owner, StoredMessage
from assistant.resources.encoder import load_encoder
from assistant.resources.heads import read_heads
from assistant.understanding.heads import Heads
from assistant.understanding.message import extractor_version, own_words, speaks_for_themselves, understand
from assistant.understanding.model import SentenceModel, sentences_to_judge, with_vectors_for

logger = logging.getLogger(__name__)


def load_heads() -> Heads:
    try:
        return Heads.from_json(read_heads())
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"the understanding heads are not a heads file: {exc}") from None


@functools.cache
def current_version(use_model: bool) -> str:
    """The version findings made now carry (from the heads file alone: the encoder is not loaded)."""
    if not use_model:
        return extractor_version(None)
    try:
        return extractor_version(load_heads().version)
    except ModelError as exc:
        logger.warning("%s; understanding falls back to the cue patterns", exc)
        return extractor_version(None)


def load_model() -> SentenceModel:
    """Encoder and heads, verified. Raises ModelError naming what is wrong."""
    heads = load_heads()
    encoder = load_encoder()
    try:
        return SentenceModel.build(encoder, heads)
    except ValueError as exc:
        raise ModelError(str(exc)) from None


@dataclass
class _Here:
    """This process's model: loaded once, on first use, in a worker process."""

    model: SentenceModel | None = None
    problem: str = ""
    tried: bool = False


_HERE = _Here()


def model_here() -> SentenceModel | None:
    if not _HERE.tried:
        _HERE.tried = True
        try:
            _HERE.model = load_model()
        except ModelError as exc:
            _HERE.problem = str(exc)
    return _HERE.model


def model_problem(_: object = None) -> str:
    """In a worker: "" when the model loaded here, else why not (top level for the pool)."""
    model_here()
    return _HERE.problem


def understand_row(row: dict[str, Any], owner: Owner, use_model: bool) -> dict[str, Any]:
    """The findings of one stored record, made again (top level for the pool)."""
    return understand_rows([row], owner, use_model)[0]


def understand_rows(rows: list[dict[str, Any]], owner: Owner, use_model: bool) -> list[dict[str, Any]]:
    """The findings of several stored records (top level for the pool): with the model, every
    sentence of every record is encoded in one batch first."""
    stored = [StoredMessage.from_json(r) for r in rows]
    model = model_here() if use_model else None
    if model is not None:
        # only what understand() will judge: newsletters and notifications are never encoded
        texts = [s for m in stored if speaks_for_themselves(m, owner, m.direction == "sent")
                 for s in sentences_to_judge(own_words(m))]
        model = with_vectors_for(model, texts)
    return [understand(m, owner, from_owner=m.direction == "sent", model=model).to_json() for m in stored]


Mapper = Callable[[Callable[[Any], Any], list[Any]], Any]


class _Kept:
    """Worker processes the service keeps between syncs, the model loaded in each: new mail is then
    understood without loading the model again (about 1.5 s a time). Off for one-off commands."""

    keep = False
    pool: Any = None
    size = 0


def keep_workers(keep: bool) -> None:
    """The service turns this on at start, and off (closing the workers) when it stops."""
    _Kept.keep = keep
    if not keep and _Kept.pool is not None:
        _Kept.pool.shutdown(cancel_futures=True)
        _Kept.pool, _Kept.size = None, 0


@contextlib.contextmanager
def _pool(size: int, modelled: bool) -> Iterator[Any]:
    from concurrent.futures.process import BrokenProcessPool

    from assistant.jobs.workers import fork_pool

    if not (_Kept.keep and modelled):
        with fork_pool(size) as pool:
            yield pool
        return
    if _Kept.pool is None or _Kept.size != size:
        keep_workers(True)
        if _Kept.pool is not None:
            _Kept.pool.shutdown(cancel_futures=True)
        _Kept.pool, _Kept.size = fork_pool(size), size
    try:
        yield _Kept.pool
    except BrokenProcessPool:
        _Kept.pool, _Kept.size = None, 0  # a worker died (out of memory?): new ones next time
        raise


def refresh_findings(store: Any, owner: Owner, workers: int, use_model: bool,
                     progress: Callable[[str, int, int], None] | None = None) -> tuple[int, str]:
    """Stored messages whose findings another version made (or none yet) are understood now,
    segment by segment, in worker processes (their findings go beside the segment: stored
    messages never change). Returns how many, and why the model was not used ("" when it was,
    or was not wanted)."""
    from assistant.jobs.workers import chunksize

    version = current_version(use_model)
    modelled = version != extractor_version(None)
    outdated = store.outdated_segments(version)
    if not outdated:
        return 0, ""
    problem = ""
    size = max(1, workers)
    with _pool(size, modelled) as pool:  # even on one CPU: the model's memory stays out of this process
        if modelled:
            problem = next(iter(pool.map(model_problem, [None])))
            if problem:
                logger.warning("%s; understanding falls back to the cue patterns", problem)
                modelled, version = False, extractor_version(None)
                outdated = store.outdated_segments(version)
        task = functools.partial(understand_rows, owner=owner, use_model=modelled)
        done, read, total = 0, 0, store.message_count(outdated)
        for segment in outdated:
            stored = store.segment_records(segment)
            read += len(stored)
            rows = [r for r in stored if "refused" not in r]
            step = max(1, chunksize(len(rows), size))
            chunks = [rows[i:i + step] for i in range(0, len(rows), step)]
            found = [f for part in pool.map(task, chunks) for f in part]
            store.put_findings(segment, version, {r["message_id"]: f for r, f in zip(rows, found, strict=True)})
            done += len(rows)
            if progress:
                progress("understanding stored mail" + (" with the sentence model" if modelled else ""),
                         read, max(total, read))  # messages, as every other progress line counts
    return done, problem
