"""The name the owner greets someone by, from the first line of the owner's own note to them. Pure.

A display name is often not what a person is called: a shared family account ("Mike Schick" for
Ana), a business name ("Heizungsbau Armin Scharnberger" for Connie), or nothing but an address
("sblackman@"). The owner's own "Hi, Connie!!" says how to greet them in a draft. Only the
salutation at the start of a note counts ("Hi Connie,", "Dear Ana Schick:", "Connie -", "Connie,"
alone on its line; not a bare word, which is as often "Agreed!"), never a name further on, never a
word that greets a group ("Hi all") and never an honorific ("Dear Mr. Smith"). Salutations in
several languages; the name is the capitalised word that follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NAME = r"[^\W\d_][^\W\d_'’\-]*(?:[\-'’][^\W\d_]+)?"
_SALUTED = re.compile(
    r"^(?:hi|hiya|hello|hey|heya|howdy|dear|dearest|greetings|good\s+(?:morning|afternoon|evening|day)|morning|"
    r"thanks|thank\s+you|hallo|liebe|lieber|hola|querid[oa]|bonjour|salut|cher|chère|ciao|caro|cara|hej|hoi|olá|oi)"
    rf"[\s,]+(?P<name>{_NAME})(?:\s+(?P<last>{_NAME}))?\s*(?:[,!:;.\-–—]|$)", re.I)
_ALONE = re.compile(rf"^(?P<name>{_NAME})\s*(?:,|\s[\-–—]+|[\-–—]{{1,2}})\s*$")  # "Connie," "Ana -"
_DASHED = re.compile(rf"^(?P<name>{_NAME})\s*(?:\s[\-–—]+|[\-–—]{{2}}|—)\s+\S")
# Words that greet a group or nobody in particular, first words of a note that are not names, honorifics
# ("Dear Mr. Smith," is formal address, not a first name), and pet names and family words (how the owner
# speaks to them, not a name to show a third party).
NOT_FIRST_NAMES = frozenset("""all everyone everybody team folks guys gang there friends friend gentlemen ladies sir
madam madame both you yall y'all people colleagues colleague partners members group crew world again back sirs
thanks thank hi hello hey dear yes no ok okay sure great good sorry please fyi re fw fwd attached here morning
afternoon evening day night tomorrow today tonight update note quick just also well so and or but the
alle zusammen todos todas tous toutes tutti
mr mrs ms miss mx dr prof professor herr frau monsieur mme mlle sr sra srta señor senor señora senora don doña
agreed done noted perfect absolutely definitely cool awesome excellent wow congratulations congrats
question questions reminder urgent important correct understood fine actually however yep yup nope
interesting much from to in at on of for with as by
mom mum mommy mummy mother dad daddy father honey hon babe baby sweetie sweetheart darling love sis bro
grandma grandpa granny nana papa auntie aunt uncle buddy pal dude man boss chief""".split())


def greeted_name(text: str, owner_names: Sequence[str] = ()) -> str | None:
    """The first name the note's opening line greets its reader by, or None."""
    line = next((raw.strip() for raw in text.splitlines() if raw.strip()), "")
    if not line or len(line) > 120:
        return None
    m = _SALUTED.match(line) or _ALONE.match(line) or _DASHED.match(line)
    if m is None:
        return None
    name = m.group("name")
    if not name[0].isupper() or (len(name) > 1 and name.isupper()) or name.casefold() in NOT_FIRST_NAMES:
        return None  # "hi all", "Thanks,", "FYI -": no one is named
    last = m.groupdict().get("last")
    if last and (not last[0].isupper() or last.casefold() in NOT_FIRST_NAMES):
        return None  # "Hi Connie and Tom" never matches; "Hi Connie Thanks" would name no one for sure
    owner_first = {n.split()[0].casefold() for n in owner_names if n and n.split()}
    if name.casefold() in owner_first:
        return None  # the owner's own name opening the note: a signature pasted at the top, a forward
    return name


def first_given(name: str) -> str | None:
    """The given name in a signed name: "Dr. Jane Smith" -> "Jane", "JOHN SMITH" -> "John"; None for
    an initial ("J. Smith") or anything that is no name."""
    words = name.split()
    for at, raw in enumerate(words):
        word = raw.strip(".,;:!?()\"'")
        if not word or word.casefold() in NOT_FIRST_NAMES:
            if at + 2 >= len(words):
                return None  # "Mr. Smith": formal, and what follows is a surname
            continue  # "Dr. Jane Smith": the given name follows
        if len(word) < 2 or not word.replace("-", "").replace("'", "").isalpha():
            return None  # an initial ("J. Smith"), a number
        return word.capitalize() if word.isupper() else word
    return None
