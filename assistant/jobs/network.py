"""The network from the store, as `contacts`, the digest and replies need it."""

from __future__ import annotations

from datetime import datetime

from assistant.jobs.understanding import current_version
from assistant.jobs.workers import process_map
from assistant.models import Owner
from assistant.network.build import Network, build_network
from assistant.network.owner import OwnerProof
from assistant.state.store import Store


def owner_proof(owner: Owner, store: Store, trusted_authserv_id: str | None) -> OwnerProof:
    return OwnerProof(owner.identities, store.in_sent, trusted_authserv_id)


def load_network(store: Store, owner: Owner, now: datetime, trusted_authserv_id: str | None, *,
                 use_model: bool = True) -> Network:
    """One pass over every stored message; per-message work runs in worker processes. Messages
    understood by another extractor version than the current one are counted (Network.outdated)."""
    proof = owner_proof(owner, store, trusted_authserv_id)
    with process_map() as mapper:
        return build_network(store.records(), owner, now, proof=proof, mapper=mapper,
                             findings_version=current_version(use_model))
