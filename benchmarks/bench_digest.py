"""Benchmark: plan_digest over a generated 5,000-person network (about 200,000 messages' worth). Prints figures.

    cd /work/main && .venv/bin/python benchmarks/bench_digest.py [--people 5000] [--seed 7] [--repeat 3]

People are built directly (no mail is parsed): random trades from the taxonomy as asks and offers,
industry topics, news, help, rhythms and acquaintances, with a fixed seed. Nothing asserts on time:
it prints the figure and the target (< 5 s).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.digest.drafts import TemplateDraftWriter, make_text_environment  # noqa: E402
from assistant.digest.plan import plan_digest  # noqa: E402
from assistant.models import Event, Item, Person  # noqa: E402
from assistant.network.build import Network, SeenEvent  # noqa: E402
from assistant.understanding import taxonomy  # noqa: E402

NOW = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)
TARGET_SECONDS = 5.0
TOPICS = ("software", "medtech", "healthcare", "food", "hospitality", "real_estate", "logistics", "finance",
          "venture_capital", "startups", "small_business", "b2b", "legal", "marketing", "education", "energy")
ROLES = ("founder", "executive", "engineer", "attorney", "accountant", "investor", "marketer", "designer",
         "real_estate", "clinician", "consultant", "sales", "mentor", "hospitality", "reporter")
EVENT_WORDS = ("Founder Breakfast", "Mentor Night", "Health Innovation Day", "B2B Growth Summit", "Pitch Night",
               "Food Business Meetup", "Real Estate Forum", "Legal Tech Panel", "Marketing Happy Hour")
FIRST = ("Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena", "Mo", "Nia", "Omar",
         "Pia", "Raj", "Sol", "Tess", "Uma", "Vic", "Wen", "Xio", "Yan", "Zoe")
LAST = ("Berg", "Chen", "Diaz", "Eze", "Fox", "Gill", "Hale", "Ito", "Jain", "Kerr", "Lund", "Moss", "Nagy", "Ortiz",
        "Park", "Quinn", "Rao", "Sato", "Toth", "Ueda", "Vega", "Wolf", "Yildiz", "Zhou")


def generate(people: int, seed: int) -> Network:
    """A deterministic network of `people` contacts averaging 40 messages each."""
    rng = random.Random(seed)
    labels = [p.label for p in taxonomy.professions()]
    folks = [_person(rng, i, labels) for i in range(people)]
    emails = [p.email for p in folks]
    acquainted = frozenset(frozenset(rng.sample(emails, 2)) for _ in range(people * 8))
    events = [SeenEvent(Event(f"{rng.choice(EVENT_WORDS)} #{i}", NOW + timedelta(days=rng.uniform(-60, 120)),
                              location="Portland"),
                        f"<ev{i}@bench>", rng.choice(emails), NOW - timedelta(days=rng.randint(1, 30)),
                        f"Invitation {i}", rng.random() < 0.05, rng.random() < 0.5) for i in range(people // 25)]
    return Network(folks, {f"bulk{i}@news.example": "only sends newsletters" for i in range(500)}, acquainted, events)


def _person(rng: random.Random, i: int, labels: list[str]) -> Person:
    def when(max_days: int) -> datetime:
        return NOW - timedelta(days=rng.uniform(0, max_days))

    def items(kind: str, count: int, what: list[str] | None = None, **kw: object) -> tuple[Item, ...]:
        return tuple(Item(kind, f"{kind} sentence {i}-{n}", when(200), f"<{kind}{i}-{n}@bench>",
                          rng.choice(what) if what else f"{kind} {n}",
                          tuple(rng.sample(TOPICS, rng.randint(0, 2))), **kw) for n in range(count))

    email = f"p{i}@org{i % 900}.example"
    sent, received = rng.randint(0, 40), rng.randint(0, 40)
    last = when(240)
    strength = round(rng.random() ** 1.5, 3)
    return Person(
        email=email, emails=(email,), name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", organization=f"Org {i % 900}",
        title=rng.choice(labels).title() if rng.random() < 0.3 else None, phone=None, city=None,
        roles=tuple(sorted(set(rng.sample(ROLES, rng.randint(0, 2))))),
        topics=tuple(rng.sample(TOPICS, rng.randint(0, 4))), strength=strength, sent=sent, received=received,
        first_contact=NOW - timedelta(days=900), last_contact=last,
        asks=items("ask", rng.choice((0, 0, 1, 1, 2)), labels), offers=items("offer", rng.choice((0, 0, 1, 2)), labels),
        news=items("news", rng.choice((0, 0, 0, 1)), confidential=rng.random() < 0.1),
        helped=items("helped", 1 if rng.random() < 0.05 else 0, ["introduction"]),
        weak=strength < 0.05,
        evidence={"last_subject": f"Re: thread {i}",
                  "strength": {"days_quiet": (NOW - last).days, "usual_gap_days": round(rng.uniform(1, 60), 1),
                               "last_contact": last.isoformat(), "reciprocity": round(rng.random(), 3)}})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    net = generate(args.people, args.seed)
    messages = sum(p.sent + p.received for p in net.people)
    print(f"generated {len(net.people)} people, {messages} messages' worth, {len(net.acquainted)} acquainted pairs, "
          f"{len(net.events)} events in {time.perf_counter() - started:.2f} s")
    writer = TemplateDraftWriter(make_text_environment(ROOT / "templates"))
    timings, digest = [], None
    for _ in range(args.repeat):
        started = time.perf_counter()
        digest = plan_digest(net, NOW, writer=writer, owner_name="Alex Morgan")
        timings.append(time.perf_counter() - started)
    assert digest is not None
    sizes = ", ".join(f"{name} {len(items)}" for name, items in digest.sections.items())
    best = min(timings)
    print(f"plan_digest: best {best:.2f} s, first {timings[0]:.2f} s of {args.repeat} runs ({sizes})")
    print(f"target < {TARGET_SECONDS:.0f} s: {'met' if best < TARGET_SECONDS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
