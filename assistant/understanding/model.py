"""The sentence model in the pipeline: candidate sentences -> encoder -> heads -> findings. Pure.

The cue patterns still run first; their hits are features of the heads (high-precision evidence).
A sentence is a finding when the model's probability for its kind reaches that kind's threshold,
or when a pattern found it and the model gives the pattern's kind at least half the threshold (the
model may doubt a pattern, not overrule it by a hair). Where a pattern found the sentence, its
richer reading (its `what`, qualifiers, whom the news is about, an embargo date) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from assistant.models import Found
from assistant.understanding import taxonomy
from assistant.understanding.candidates import candidate_sentences
from assistant.understanding.heads import CLASSES, KINDS, Encoder, Heads, cue_features
from assistant.understanding.what import HELPED_LABELS, NEWS_LABELS, asked_for, names_nothing, nearest_label, offered
from assistant.understanding.work import seeking_work

_WORD = re.compile(r"[^\W_]+", re.U)
SAME_SENTENCE = 0.6  # share of the shorter sentence's words the other must hold
MAX_SENTENCES = 16  # a message's first candidate sentences: an ask or news sits near the top of a note
CONFIRM = 0.5  # a pattern's finding stands when the model gives its kind half the kind's threshold
NEIGHBOURS = 2  # candidate sentences apart: an ask that names nothing shares the object of an ask this near


@dataclass(frozen=True)
class SentenceModel:
    encoder: Encoder
    heads: Heads
    news_labels: NDArray[np.float32] = field(repr=False)
    helped_labels: NDArray[np.float32] = field(repr=False)

    @classmethod
    def build(cls, encoder: Encoder, heads: Heads) -> SentenceModel:
        """Refuses heads trained on another encoder's vectors (ValueError)."""
        if heads.encoder != encoder.name:
            raise ValueError(f"the heads were trained on {heads.encoder}, not on {encoder.name}")
        return cls(encoder, heads, encoder.encode(list(NEWS_LABELS.values())),
                   encoder.encode(list(HELPED_LABELS.values())))

    @property
    def version(self) -> str:
        return self.heads.version


@dataclass(frozen=True)
class Judged:
    text: str
    probabilities: tuple[float, ...]  # per CLASSES
    confidential: float

    @property
    def kind(self) -> str:
        return KINDS[int(np.argmax(self.probabilities[1:]))]

    @property
    def score(self) -> float:
        return max(self.probabilities[1:])


def judge(sentences: Sequence[str], cues: Sequence[Sequence[str]], model: SentenceModel
          ) -> tuple[list[Judged], NDArray[np.float32]]:
    """Every sentence's probabilities, and the sentences' vectors."""
    if not sentences:
        return [], np.zeros((0, 0), dtype=np.float32)
    vectors, features = model.encoder.read(list(sentences))
    probabilities = model.heads.probabilities(features, cue_features(cues), sentences)
    secret = model.heads.confidential_probability(features, sentences)
    return [Judged(s, tuple(float(p) for p in row), float(c))
            for s, row, c in zip(sentences, probabilities, secret, strict=True)], vectors


def model_findings(text: str, rule_found: Sequence[Found], model: SentenceModel) -> list[Found]:
    """The findings of one message's own text, judged by the model."""
    candidates = candidate_sentences(text)[:MAX_SENTENCES]
    placed = len(candidates)  # the message's own sentences, in order; after them, spans only a pattern read
    # a pattern may read two short sentences as one ("We won!! Oregon Small Business Award."): judge its text too
    unjudged = (f.text for f in rule_found if not any(same_sentence(f.text, c) for c in candidates))
    candidates += list(dict.fromkeys(unjudged))
    cues = [sorted({f.kind for f in rule_found if same_sentence(f.text, s)}) for s in candidates]
    judged, vectors = judge(candidates, cues, model)
    found: list[Found] = []
    at: list[int | None] = []  # each finding's place among the candidates (None: a pattern's own span)
    secret_at = model.heads.confidential[2]
    any_secret = any(j.confidential >= secret_at for j in judged)
    for i, j in enumerate(judged):
        kind = j.kind
        rule = next((f for f in rule_found if same_sentence(f.text, j.text)
                     and j.probabilities[CLASSES.index(f.kind)] >= CONFIRM * model.heads.thresholds[f.kind]), None)
        if rule is not None:
            kind = rule.kind  # a pattern's reading the model does not doubt
        elif j.score < model.heads.thresholds[kind]:
            continue
        if rule is not None:
            item = replace(rule, text=j.text)
        elif kind == "ask" and _YOUR_OWN_TIME.search(j.text) and not _SOMEONE.search(j.text) \
                and not _SOMEONE_ELSES.search(j.text):
            # the reader asked to give their own time (GUIDELINES.md): to speak, keynote or join a board is an
            # opportunity offered to them; an interview or a comment for a piece is a task for them
            if not _OPPORTUNITY.search(j.text):
                continue
            item = Found("helped", j.text, "invitation")
        elif kind == "ask" and has_one_already(j.text):
            continue  # "making appointments for the electrician": the writer's own arrangement, not a need
        elif kind in ("ask", "offer"):
            item = Found(kind, j.text, (offered(j.text) if kind == "offer" else None) or asked_for(j.text))
            if kind == "ask" and item.what and _READERS_PART.match(item.what) and not _SOMEONE.search(j.text):
                continue  # "I need your input", "your signature": the reader's part in a task, no one else's to give
        elif kind == "news":
            item = Found(kind, j.text, nearest_label(vectors[i], tuple(NEWS_LABELS), model.news_labels))
        else:
            item = Found(kind, j.text, nearest_label(vectors[i], tuple(HELPED_LABELS), model.helped_labels))
        if item.kind == "ask" and (field := seeking_work(item.text)) is not None:
            item = replace(item, what=f"job in {field}" if field else "job")  # not "a role", nor the profession
        # news said in confidence anywhere in the message is confidential; so is a sentence that says so
        secret = item.confidential or j.confidential >= secret_at or (kind == "news" and any_secret)
        found.append(replace(item, confidential=secret, score=round(j.score, 3)))
        at.append(i if i < placed else None)
    return one_thing(found, at)


# what an ask wants that only its reader can give: their part in a task, not something another person could supply
_READERS_PART = re.compile(r"^your\s+(?:thoughts|feedback|input|comments?|signature|approval|vote|response|answer|"
                           r"evaluation|questionnaire|form|rsvp)\s*(?:$|[^\w\s]|\s+(?:in|on|by|for|to|about|as|so)\b)",
                           re.I)


# the reader's own time asked for: "would you be willing to speak ...", "your availability to speak at a
# conference", "would you consider serving on our board", "available for an interview"
_YOUR_OWN_TIME = re.compile(
    r"\b(?:(?:would|could|will|can|might)\s+you|you\s+(?:would|could|might|may|will|are|'re))\b(?:\s+\w+){0,3}?"
    r"\s+(?:be\s+)?(?:willing|able|available|interested|free|open|consider(?:ing)?|like)\b[^.?!]{0,30}?\b"
    r"(?:to\s+|for\s+(?:a|an|the)\s+|in\s+)?(?:speak|(?:give|deliver)\s+(?:a|an|the|our)\s+(?:\w+\s+)?(?:talk|"
    r"keynote|speech|lecture|presentation|address|update)|keynote|serv(?:e|ing)\s+on|join|participat|appear|"
    r"interview|talk\s+(?:at|to\s+(?:our|the)\s+(?:group|class|team|students|members|audience))|comment|contribut|"
    r"present|moderat)\w*"
    r"|\byour\s+availabili\s?ty\b[^.?!]{0,40}\bto\s+(?:speak|give|deliver|keynote|serve|join|participate|appear|"
    r"be\s+interviewed|talk|comment|contribute|present|moderate)\b"
    r"|\b(?:invite|inviting|honou?red\s+if|delighted\s+if|love\s+(?:for\s+you|to\s+have\s+you))\b[^.?!]{0,30}"
    r"\byou\b[^.?!]{0,20}\bto\s+(?:speak|give|deliver|keynote|serve|join|participate|present|moderate)\b", re.I)
# ... unless the reader is asked for someone else or a reference: "give me the name of a good estate
# attorney", "a referral to a roofer", "serve as a reference for my application"
_SOMEONE_ELSES = re.compile(r"\b(?:name|names|number|referral|recommendation|contact|reference|introduc\w*|"
                            r"suggestion)s?\b", re.I)
# what of the reader's time is an opportunity for them (helped), not a task (an interview, a quote)
_OPPORTUNITY = re.compile(r"\b(?:speak(?:er|ing)?|keynote|serv(?:e|ing)\s+on|board|advisory|panel(?:ist)?|"
                          r"present|moderate|lecture|talk\s+at|address\s+(?:the|our)|guest|conference|summit|gala|"
                          r"ceremony|dinner|reception)\b", re.I)
# ... unless it is about finding someone: "Your thoughts on someone for our board?"
_SOMEONE = re.compile(r"\b(?:any|some)(?:one|body)\b|\bintroduc|\bin\s+touch\b", re.I)


# a trade named with "the": one the writer already has ("the electrician is coming Tuesday"), unless the
# reader's ("the plumber you used") or still to be found ("the right lawyer", "the best person for it")
_THE_TRADE = re.compile(r"\bthe\s+(?!(?:right|best|perfect|ideal|appropriate|proper|correct|next|new|go-to|top|most|"
                        r"leading|name|number|contact|details)\b)((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", re.I)
# a sentence that still looks for someone, whatever it names with "the"
_STILL_LOOKING = re.compile(r"\?|\b(?:any|some)(?:one|body)\b|\b(?:replace|replacing|switch|switching|recommend\w*|"
                            r"suggest\w*|looking for|find|finding|need|needs|needed|know)\b", re.I)
_ANY_TRADE = re.compile(r"\b(?:a|an|any|some|another|good|great|reliable|trusted|decent|local)\s+"
                        r"((?:(?!the\b)[a-z][\w-]*\s+){0,2}(?!the\b)[a-z][\w-]*)", re.I)
_YOU = re.compile(r"\b(?:you|your)\b", re.I)
_THE_READERS = re.compile(r"^\s+(?:you|your|that\s+you|who\s+you|whom\s+you)\b", re.I)


def has_one_already(text: str) -> bool:
    """Whether a sentence the model reads as an ask names the trade only as one the writer has already
    ("I was thinking about making appointments for the electrician and the landscaper"), and none
    still to be found ("a plumber", "any good electrician", "the plumber you used")."""
    if _STILL_LOOKING.search(text):
        return False
    definite = [m for m in _THE_TRADE.finditer(text) if taxonomy.find_professions(m.group(1))]
    if not definite or any(_YOU.search(m.group(1)) or _THE_READERS.match(text[m.end():]) for m in definite):
        return False
    return not any(taxonomy.find_professions(m.group(1)) for m in _ANY_TRADE.finditer(text))


def one_thing(found: Sequence[Found], at: Sequence[int | None]) -> list[Found]:
    """An ask (or offer) that names nothing (what.names_nothing: "good" in "If you know anyone good,
    I'd rather hear from you than from a recruiter."), within NEIGHBOURS candidate sentences of one of the same
    kind whose object the taxonomy knows ("I'm hiring a content marketing lead."), is about that
    thing: one need, a content marketer, not a need for "good". The nearest such neighbour gives its
    object and qualifiers (the one before on a tie); an ask that names a thing of its own, even one
    the taxonomy does not know ("could anyone lend me a stepladder?"), keeps it. at: each finding's
    place among the message's candidate sentences; None for a span only a pattern read."""
    known = [f.kind in ("ask", "offer") and f.what is not None and taxonomy.normalize(f.what) is not None
             for f in found]
    out = list(found)
    for i, (item, here) in enumerate(zip(found, at, strict=True)):
        if item.kind not in ("ask", "offer") or known[i] or here is None or not names_nothing(item.what):
            continue
        near = [(abs(there - here), there > here, j) for j, there in enumerate(at)
                if known[j] and there is not None and found[j].kind == item.kind and abs(there - here) <= NEIGHBOURS]
        if near:
            giver = found[min(near)[2]]
            out[i] = replace(item, what=giver.what, qualifiers=item.qualifiers or giver.qualifiers)
    return out


class CachedEncoder:
    """An encoder that answers from what was read beforehand (one batch for many messages is several
    times faster than a call per message), and reads whatever it was not given."""

    def __init__(self, encoder: Encoder, read: dict[str, tuple[NDArray[np.float32], NDArray[np.float32]]]) -> None:
        self.name, self._encoder, self._read = encoder.name, encoder, read

    def read(self, texts: Sequence[str]) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._read]
        if missing:
            self._read.update(zip(missing, zip(*self._encoder.read(missing), strict=True), strict=True))
        if not texts:
            return self._encoder.read([])
        vectors, features = zip(*(self._read[t] for t in texts), strict=True)
        return np.stack(vectors).astype(np.float32, copy=False), np.stack(features).astype(np.float32, copy=False)

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        return self.read(texts)[0]


def with_vectors_for(model: SentenceModel, texts: Sequence[str]) -> SentenceModel:
    """The same model, its encoder primed with one batch for all these texts."""
    cached = CachedEncoder(model.encoder, {})
    cached.read(list(texts))
    return replace(model, encoder=cached)


def sentences_to_judge(text: str) -> list[str]:
    """The sentences model_findings will judge for this own text (before any pattern's own reading)."""
    return candidate_sentences(text)[:MAX_SENTENCES]


def same_sentence(a: str, b: str) -> bool:
    wa, wb = {w.lower() for w in _WORD.findall(a)}, {w.lower() for w in _WORD.findall(b)}
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= SAME_SENTENCE


__all__ = ["CLASSES", "CachedEncoder", "Judged", "SentenceModel", "judge", "model_findings", "one_thing",
           "same_sentence", "sentences_to_judge", "with_vectors_for"]
