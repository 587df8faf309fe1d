"""The sentence model's vectors for matching by meaning (digest/meaning.py), at the edge.

Each text is embedded once: the vectors are kept beside the state in `<name>.vectors.npz` (0600,
float16, keyed by the SHA-1 of the text and by the encoder's name, no pickle), written whole or not
at all (state/files.atomic_write), holding only the texts still in use. Texts not in it are
embedded in one forked worker process, so the process that plans the digest never loads the
model. When the model cannot be used, matching falls back to names alone and says why once.
"""

from __future__ import annotations

import hashlib
import io
import logging
import multiprocessing
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from assistant.digest.meaning import Vectors, texts_to_embed
from assistant.errors import ModelError
from assistant.jobs.understanding import load_heads, model_here
from assistant.jobs.workers import fork_pool
from assistant.models import Item, Person
from assistant.state.files import atomic_write

logger = logging.getLogger(__name__)
ENCODE_TIMEOUT = 1800.0  # seconds: about 500,000 texts on one core


def cache_path(state_path: Path) -> Path:
    return state_path.with_name(state_path.name + ".vectors.npz")


def vectors_for(people: Iterable[Person], state_path: Path, *, use_model: bool,
                others: Iterable[str] = (), prune: bool = True, encode_missing: bool = True) -> Vectors | None:
    """A unit vector for every text matching compares (open asks, profiles, professions, and
    `others`: the events' titles); None when the model is off or cannot be used. prune: the cache
    keeps only these texts (the digest and the after-sync warm-up see them all; a forwarded event
    adds its own and keeps the rest); encode_missing False: only the cached texts, the model never runs."""
    if not use_model:
        return None
    people = list(people)
    asks: list[Item] = [a for p in people for a in p.asks if not a.done]
    texts = texts_to_embed(people, asks, others)
    try:
        encoder = load_heads().encoder
    except ModelError as exc:
        logger.warning("matching by meaning is off: %s", exc)
        return None
    path = cache_path(state_path)
    known = _read(path, encoder)
    missing = [t for t in texts if _key(t) not in known]
    if not encode_missing:  # only what the cache holds: no model, nothing written
        return {t: _unit(known[_key(t)]) for t in texts if _key(t) in known}
    if missing:
        try:
            fresh = _encode_in_worker(missing)
        except ModelError as exc:
            logger.warning("matching by meaning is off: %s", exc)
            return None
        known.update(zip((_key(t) for t in missing), fresh.astype(np.float16), strict=True))
        _write(path, encoder, {_key(t): known[_key(t)] for t in texts} if prune else known)
    return {t: _unit(known[_key(t)]) for t in texts}


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def _unit(vector: NDArray[np.float16]) -> NDArray[np.float32]:
    v = vector.astype(np.float32)
    return v / max(float(np.linalg.norm(v)), 1e-12)


def _read(path: Path, encoder: str) -> dict[str, NDArray[np.float16]]:
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["encoder"]) != encoder:
                return {}  # another model's vectors mean nothing to this one
            return dict(zip((str(k) for k in data["keys"]), data["vectors"], strict=True))
    except FileNotFoundError:
        return {}
    except Exception as exc:  # noqa: BLE001 - empty, truncated, not a zip, odd arrays: a cache is made again
        logger.warning("the vector cache %s does not read back (%s); it is not used", path, type(exc).__name__)
        return {}


def _write(path: Path, encoder: str, vectors: dict[str, NDArray[np.float16]]) -> None:
    keys = np.array(list(vectors), dtype="U40")
    matrix = np.stack(list(vectors.values())).astype(np.float16) if vectors else np.zeros((0, 1), np.float16)
    buffer = io.BytesIO()
    np.savez(buffer, encoder=np.array(encoder), keys=keys, vectors=matrix)
    try:
        atomic_write(path, buffer.getvalue())
    except OSError as exc:  # a cache: the digest goes on without it
        logger.warning("the vector cache %s could not be written (%s)", path, exc.strerror or exc)


def _encode_in_worker(texts: list[str]) -> NDArray[np.float32]:
    """In one worker process (the model stays out of this one); a worker that dies, hangs past
    ENCODE_TIMEOUT or fails is a ModelError: matching then goes by names alone."""
    if multiprocessing.current_process().daemon:  # already a child (the network warmed after a sync)
        vectors, problem = _encode(texts)
    else:
        pool = fork_pool(1)
        try:
            vectors, problem = pool.submit(_encode, texts).result(timeout=ENCODE_TIMEOUT)
        except (BrokenProcessPool, TimeoutError) as exc:
            what = "stopped" if isinstance(exc, BrokenProcessPool) else f"took over {ENCODE_TIMEOUT:g} s"
            raise ModelError(f"the worker embedding {len(texts)} texts {what}") from None
        finally:
            for process in list(getattr(pool, "_processes", {}).values()):
                if process.is_alive():
                    process.kill()  # a hung worker is ended, never waited for
            pool.shutdown(wait=False, cancel_futures=True)
    if problem:
        raise ModelError(problem)
    return np.asarray(vectors, dtype=np.float32)


def _encode(texts: list[str]) -> tuple[NDArray[np.float32] | None, str]:
    """In the worker: never raises (what goes wrong comes back as words)."""
    model = model_here()
    if model is None:
        from assistant.jobs.understanding import model_problem

        return None, model_problem() or "the sentence model could not be loaded"
    try:
        return model.encoder.encode(texts), ""
    except Exception as exc:  # noqa: BLE001 - the worker's boundary: reported, matching falls back to names
        return None, f"the sentence model failed on {len(texts)} texts ({type(exc).__name__})"
