"""Which sentences of a message's own text are worth judging at all. Pure.

The finders and the sentence model read sentences, and a message's own text also holds greetings,
sign-offs, stray signature lines, addresses and field labels. Those are never an ask, an offer, news
or a favour; judging them costs time and invites mistakes (a model has an opinion on "Senior
Administrative Assistant" too). A candidate reads like a sentence: enough words, some of them the
small words that hold an English sentence together, or, in any language, several words in lower case
and the mark that ends a sentence.
"""

from __future__ import annotations

import re

from assistant.understanding.sentences import sentences

MIN_WORDS, MAX_WORDS = 4, 80
LOWER_WORDS = 3  # words starting in lower case that make a sentence of any language (with an end, _ENDS)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# words almost every English sentence has; a title, a name or an address line has none of them
_GLUE = frozenset("""i me my we us our you your he she it they them their this that these those is are was were
be been being am do does did have has had will would can could should may might must shall a an the to of
in on at for with from by about as if so and or but not no any some all there here what who when where which
how why let please thanks""".split())
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?]{0,40}[,:!]?$",
                       re.I)
_SIGN_OFF = re.compile(r"^(?:thanks|thank you|many thanks|best|regards|cheers|sincerely|yours|all the best|"
                       r"warm(?:est)? regards|kind regards|best regards|talk soon|take care)\b[^.!?]{0,30}[,.!]?$",
                       re.I)
_FIELD = re.compile(r"^\s*(?:from|sent|to|cc|bcc|subject|date|tel|phone|fax|mobile|cell|email|e-mail|web)\s*:", re.I)
_LINK = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
# a sentence's end: a full stop, question or exclamation mark, ellipsis (then maybe a closing quote or
# bracket), or an emoji or other symbol
_ENDS = re.compile(r"(?:[.?!…。？！][\"'”’»)\]]*|[\u2600-\u27bf\U0001F000-\U0001FAFF]\ufe0f?)\s*$")


def candidate_sentences(text: str) -> list[str]:
    """The own text's sentences that could say something: not greetings, sign-offs, field lines,
    bare links or fragments that do not read like a sentence (is_candidate)."""
    return [s for s in sentences(text) if is_candidate(s)]


def is_candidate(sentence: str) -> bool:
    words = _WORD.findall(_LINK.sub(" ", sentence))
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if _GREETING.match(sentence) or _SIGN_OFF.match(sentence) or _FIELD.match(sentence):
        return False
    lowered = {w.lower() for w in words}
    if lowered & _GLUE:
        return True
    # in any language: several words in lower case (an English name, title or address line capitalises
    # its words) and the end of a sentence (a sign-off, a "sent from my phone" line, a title or an address
    # in French or Spanish has lower-case words too, but no full stop, question mark or emoji at its end)
    return sum(w[0].islower() for w in words) >= LOWER_WORDS and bool(_ENDS.search(sentence))
