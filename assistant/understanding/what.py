"""What a sentence the model judged asks for, offers or announces, in a few words. Pure.

The cue patterns name `what` for the sentences they find. For a sentence only the model found:
  - asks and offers: the taxonomy's entry for the thing after the verb ("anyone who can untangle our
    visa paperwork" -> the object), else those words as written, trimmed (never an unrelated
    profession named elsewhere in the sentence);
  - news and help given: the nearest label description by meaning ("we're FDA cleared" -> "approval
    or certification"), which works in any language the encoder reads.
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import NDArray

from assistant.understanding import cues, taxonomy
from assistant.understanding.phrases import object_phrase, short

NEWS_LABELS = {
    "new role": "I started a new job, got promoted or took on a new role",
    "new company": "I founded or joined a new company or business",
    "funding": "we raised money, closed a funding round, got investment or a grant",
    "launch": "we launched a new product, service or website",
    "award": "I or we won an award, prize or recognition",
    "deal": "we signed a deal, a contract or a new customer",
    "opening": "we opened a new office, shop, restaurant or location",
    "publication": "my book, article or paper was published",
    "hire": "we hired someone or someone joined our team",
    "approval": "we got approval, clearance, a license or certification",
    "milestone": "we reached a milestone or record, grew or expanded",
    "degree": "I graduated, passed an exam or was admitted to a program",
    "wedding": "I got engaged or married",
    "baby": "we had a baby",
    "move": "I moved to a new city or a new home",
    "retirement": "I retired or am leaving my job",
}
# news of the writer's private life: told to the owner, never pitched to a reporter as a story
PRIVATE_LIFE = frozenset({"wedding", "baby", "move", "retirement", "degree"})
HELPED_LABELS = {
    "introduction": "I introduced you to someone you should meet",
    "referral": "I referred a client or customer to you or recommended you",
    "invitation": "I invited you to an event as my guest",
    "job lead": "I sent you a job opening or a lead",
    "advice": "I gave you advice, feedback or a recommendation",
}
# English verbs that lead to the object of an ask or an offer; other languages keep the sentence
_LEAD = re.compile(
    r"\b(?:looking for|look for|searching for|search for|in (?:the market|need) for|in need of|"
    r"need(?:s|ed)?(?: an?| some)?|"
    r"want(?:s|ed)? to (?:find|hire|meet|talk to|speak (?:to|with))|seeking|seek|hiring|to hire|hire|"
    r"know (?:of )?(?:any(?:one|body)?|some(?:one|body)|a|an|any good)|recommend(?:ation for| an?)?|"
    r"suggestions? for|refer(?:ral)? (?:to|for)?|introduc\w* (?:me |us |him |her |them )?to|"
    r"connect(?:ed|ion)? (?:me |us )?(?:with|to)|put (?:me|us) in touch with|point (?:me|us) to|"
    r"(?:happy|glad|able|willing|available) to (?:help (?:with|anyone with)?|do|offer|review|look over|take on)|"
    r"help (?:with|anyone with)|offer(?:ing)?|provide|providing|specialize in|specializing in|"
    r"accepting|taking on|i do|we do)\s+", re.I)

NAMING_WORDS = 5  # opening words this short can be the thing itself ("Bookkeeper?", "Bookkeeper for our shop?")


def asked_for(sentence: str) -> str:
    """The object of an ask or offer: a taxonomy label when one names it, else the words as written;
    with no verb that leads to an object, the sentence's opening words (see names_its_object)."""
    m = _LEAD.search(sentence)
    phrase = object_phrase(sentence[m.end():]) if m else ""
    if phrase:
        head = short(phrase)
        # the whole phrase names the thing only after a head that names nothing ("help with our payroll",
        # "someone to do our books"); after a head of its own, a trade in a trailing phrase is a detail
        # ("an analyst rotation in wholesale power" asks for no distributor)
        named = taxonomy.normalize(head) or (taxonomy.normalize(phrase) if _generic(head) else None)
        return named.label if named else short(phrase, 8).rstrip(" .?!")
    return _opening_words(sentence)


# what a writer says they would gladly do: "I'd be happy to make the introduction", "I can get you a VIP
# membership", "we'd be pleased to arrange a private screening", "I have two extra tickets for Sunday"
_WILLING = re.compile(
    r"\b(?:(?:happy|glad|pleased|delighted|willing|ready|able|available|eager|honou?red|prepared)\s+to|"
    r"(?:i|we)(?:\s+would|'d)\s+(?:like|love)\s+to|"
    r"(?:i|we)(?:'ll| will| can| could| would|'d)(?:\s+(?:gladly|happily|also|certainly|definitely|be able to))*|"
    r"let me|allow me to|i volunteer to|i offer to|we offer to)"
    r"\s+(?P<verb>[a-z]+(?:\s+(?:up|out|together|along|on|over))?)"
    r"(?=\s+(?P<rest>[^.?!;\n]{0,160}))", re.I)  # the rest looked at, not taken: "let me know, I can get you ..."
_HAVE_SPARE = re.compile(r"\b(?:i|we)(?:'ve| have)(?: got)?\s+(?P<thing>(?:(?:an?|some|two|three|four|a few|"
                         r"a couple of|extra|spare|free)\s+)*[^.?!;,\n]{2,60})", re.I)
_NOT_A_THING = re.compile(r"(?:been|had|to|no|not|never|always|just|already|a (?:question|few questions|call|meeting)|"
                          r"questions|heard|seen|done|made|got to|gotten|decided|asked|sent|attached|enclosed|"
                          r"spoken|talked|known|worked|come|gone|taken|received|read|found|tried)\b", re.I)
# verbs that only carry the thing offered ("make the introduction", "get you a membership"): the thing is what
_LIGHT_VERBS = frozenset("""make do give get send arrange host provide share offer lend bring set put take
organize organise find pass forward extend""".split())
_READER = re.compile(r"^(?:(?:you|him|her|them|us|me|anyone|everyone|others|whoever|both of you)\s+)+", re.I)
_PREPOSITION = re.compile(r"(?:in|at|on|for|to|with|from|by|over|during|next|this|tomorrow|today)\b", re.I)
_UNTIL_CONDITION = re.compile(r"(?:^|\s+)(?:if|when|once|as soon as|so that|because|unless|whenever)\b.*$", re.I)
# what follows a verb without being a thing: "get back to you", "put in a good word", "take a look",
# "make it on Tuesday", "get together"
_NO_THING = re.compile(r"(?:back|in|on|it|together|sure|touch|around|along|going|started|ready|there|here|home|to|"
                       r"a look|a stab|a crack|a shot|a minute|a moment|time)\b", re.I)
_NOT_AN_OFFER_VERB = frozenset("be have help hear see know talk chat discuss answer like love want need hope try "
                               "think let keep stay".split())


def offered(sentence: str) -> str | None:
    """What an offer offers, in a few words: the thing a light verb carries ("I'd be happy to make the
    introduction" -> "introduction"), else the deed ("happy to brief anyone" -> "brief anyone"), or
    what the writer has to spare; None when the sentence says none of these (asked_for then reads it)."""
    for m in _WILLING.finditer(sentence):
        verb, rest = m.group("verb").lower(), _UNTIL_CONDITION.sub("", object_phrase(m.group("rest")))
        first = verb.split()[0]
        if not rest or _NO_THING.match(rest):
            continue  # "I'll get back to you", "I can take a look": no thing named
        if first in _LIGHT_VERBS:
            thing = short(_READER.sub("", rest), 6).rstrip(" .?!")
            if thing and not names_nothing(thing) and not _PREPOSITION.match(thing):
                return thing
            return short(f"{verb} {rest}", 8).rstrip(" .?!")  # "host you in Lisbon"
        elif first not in _NOT_AN_OFFER_VERB:
            return short(f"{verb} {rest}", 8).rstrip(" .?!")
    spare = _HAVE_SPARE.search(sentence)
    if spare is not None and not _NOT_A_THING.match(spare.group("thing")):
        thing = short(object_phrase(spare.group("thing")), 6).rstrip(" .?!")
        return thing if thing and not names_nothing(thing) else None
    return None


def _generic(head: str) -> bool:
    words = head.split()
    return not words or bool(cues.GENERIC_HEAD.match(words[-1])) or bool(cues.GENERIC_HEAD.match(words[0]))


def _opening_words(sentence: str) -> str:
    return short(" ".join(sentence.split()[:12]), 12).rstrip(" .?!")


def names_its_object(what: str | None, sentence: str) -> bool:
    """Whether `what` names the thing asked for or offered, rather than being the sentence's opening
    words ("I'm writing", "I know") that asked_for falls back on: those may be kept and matched by
    meaning, but never shown as the thing ("you mentioned you were looking for I'm writing"), nor
    words that only stand for a thing (names_nothing: "anyone good", "that"). Short opening words
    the taxonomy knows ("Bookkeeper?", "Bookkeeper for our shop?") do name it; a longer opening is
    a clause that only mentions it ("Can you think of one or two founders": "asked for Can you
    think of...")."""
    if not what or names_nothing(what):
        return False
    if what != _opening_words(sentence):
        return True
    return len(what.split()) <= NAMING_WORDS and taxonomy.normalize(what) is not None


# words that stand for a thing without naming it: "anyone good", "someone suitable", "anything"
_STAND_INS = frozenset("""anyone anybody someone somebody anything something one ones people person folks
that this it these those them such good great suitable qualified interested available right decent solid
else around out there""".split())


def names_nothing(what: str | None) -> bool:
    """Whether an ask's `what` stands for a thing rather than naming it: nothing, or only words like
    "anyone" and "good" ("If you know anyone good, send them my way"); the thing is then the one a
    neighbouring sentence names. Opening words (names_its_object) are not taken for nothing: they
    are what asked_for falls back on when it finds no object, and "Could anyone lend me a stepladder
    for the weekend?" has one."""
    words = re.findall(r"[^\W\d_]+", what or "")
    return all(w.lower() in _STAND_INS and not (len(w) > 1 and w.isupper()) for w in words)  # "IT" is a thing


def nearest_label(vector: NDArray[np.float32], labels: tuple[str, ...], described: NDArray[np.float32]) -> str:
    """The label whose description is nearest by meaning (described: one unit vector per label)."""
    return labels[int(np.argmax(described @ vector))]
