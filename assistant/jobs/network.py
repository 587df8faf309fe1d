"""The network from the store, as `contacts`, the digest and replies need it.

Building it reads every stored message (tens of seconds for 200,000); so it is built once after a
sync, in a child process, and saved beside the store (network/snapshot.py). `contacts`, the
digest and replies read the saved one when nothing it was built from has changed: the messages,
their findings, the Sent copies, the owner's identities, the settings that judge owner mail, the
extractor version, or the code that builds it.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import multiprocessing
import os
from datetime import datetime
from pathlib import Path

from assistant.jobs.understanding import current_version
from assistant.jobs.workers import process_map, worker_start
from assistant.models import Owner
from assistant.network.build import Network, build_network
from assistant.network.owner import OwnerProof
from assistant.network.snapshot import FORMAT, network_from_json, network_to_json
from assistant.state.store import Store

logger = logging.getLogger(__name__)
PACKAGE = Path(__file__).resolve().parents[1]


def owner_proof(owner: Owner, store: Store, trusted_authserv_id: str | None) -> OwnerProof:
    return OwnerProof(owner.identities, store.in_sent, trusted_authserv_id)


def load_network(store: Store, owner: Owner, now: datetime, trusted_authserv_id: str | None, *,
                 use_model: bool = True, recent_enough: bool = False) -> Network:
    """The saved network when it is current, else one pass over every stored message (per-message
    work in worker processes), saved for next time. Messages understood by another extractor
    version than the current one are counted (Network.outdated).

    recent_enough: the last saved network will do even if a few messages came since (guests for a
    forwarded event should not wait for a rebuild over 200,000 messages); built if there is none."""
    version = current_version(use_model)
    key = _key(store, owner, trusted_authserv_id, version)
    saved = store.read_snapshot(key) or (store.read_snapshot(None) if recent_enough else None)
    if saved is not None:
        try:
            return network_from_json(saved, now)
        except (KeyError, TypeError, ValueError) as exc:
            logger.warning("the saved network does not read back (%s); it is built again", exc)
    proof = owner_proof(owner, store, trusted_authserv_id)
    with process_map() as mapper:
        net = build_network(store.records(), owner, now, proof=proof, mapper=mapper, findings_version=version)
    store.write_snapshot(key, network_to_json(net))
    return net


def warm_network(store: Store, owner: Owner, now: datetime, trusted_authserv_id: str | None, *,
                 use_model: bool = True) -> None:
    """Build and save the network after a sync, in a child process: the sync process stays small."""
    child = multiprocessing.get_context("fork").Process(
        target=_warm, args=(os.getpid(), store, owner, now, trusted_authserv_id, use_model), daemon=True)
    child.start()
    child.join()
    if child.exitcode != 0:
        logger.warning("the network could not be saved after the sync (exit code %s); `contacts` and the "
                       "digest build it when they need it", child.exitcode)


def _warm(parent: int, store: Store, owner: Owner, now: datetime, trusted_authserv_id: str | None,
          use_model: bool) -> None:
    worker_start(parent)
    logging.getLogger().handlers.clear()  # the parent logs; a warning here would print twice
    network = load_network(store, owner, now, trusted_authserv_id, use_model=use_model)
    # the vectors matching by meaning needs, embedded now so the digest and a forwarded event find them
    from assistant.digest.events import event_texts
    from assistant.jobs.meanings import vectors_for

    vectors_for(network.people, store.path, use_model=use_model, others=event_texts(network.events))


def _key(store: Store, owner: Owner, trusted_authserv_id: str | None, version: str) -> str:
    digest = hashlib.sha256()
    for part in (store.content_key(), owner.name, ",".join(sorted(owner.identities)),
                 ",".join(sorted(owner.delegates)), trusted_authserv_id or "", version, str(FORMAT), _code()):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


@functools.cache
def _code() -> str:
    """The code that builds the network: a saved network from other code is built again."""
    digest = hashlib.sha256()
    for folder in ("network", "understanding", "reading"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()
