"""What a helper's answer to an opt-in note says: yes, no, not now, a question, or unclear. Pure.

Only the answer's own new text is read (quotes and signature removed by the reader). The reading
is deliberately cautious: a yes only ever leads to a receipt the user confirms with `connect N`
(unless [actions] auto_connect, and then only with the helper's domain authenticated), so
anything mixed or unfamiliar is `unclear` and quoted to the user as written.
"""

from __future__ import annotations

import re

YES, NO, LATER, QUESTION, UNCLEAR = "yes", "no", "not now", "question", "unclear"

_YES = re.compile(
    r"\b(?:yes|yeah|yep|yup|sure(?: thing)?|absolutely|definitely|of course|certainly|happy to|glad to|"
    r"would (?:be )?(?:love|happy|glad) to|i'?d (?:be )?(?:love|happy|glad) to|love to|more than happy|"
    r"please (?:do|connect|introduce|go ahead)|go (?:right )?ahead|sounds (?:good|great)|count me in|"
    r"feel free to (?:connect|introduce|share)|by all means|of course|with pleasure|"
    r"s[ií]|claro|con gusto|ja|gerne|oui|volontiers|avec plaisir|sì|certo)\b", re.I)
_NO = re.compile(
    r"\b(?:no|nope|sorry|unfortunately|regret|i (?:can'?t|cannot|won'?t)|i'?m not (?:able|the right|a good)|"
    r"not interested|not a (?:good )?fit|(?:i'?ll |have to |must )pass|decline|no thanks|not for me|"
    r"lo siento|leider nicht|nein|malheureusement|non merci)\b", re.I)
_LATER = re.compile(
    r"\b(?:not (?:right )?now|not at the moment|maybe later|later (?:this|next) (?:month|year|quarter)|"
    r"in a (?:few|couple of) (?:weeks|months)|after the holidays|(?:too )?(?:busy|swamped|slammed)|"
    r"next (?:month|quarter)|check back|circle back|ping me (?:again )?(?:in|after)|bad time)\b", re.I)
_NEGATED_YES = re.compile(r"\b(?:not|n't|never)\s+(?:be\s+)?(?:sure|happy|glad|love|comfortable)\b|"
                          r"\b(?:rather not|prefer not|would rather|don'?t think|not sure)\b", re.I)
_BUT = re.compile(r"\b(?:but|however|though|although|except|unless)\b", re.I)


def read_answer(own_text: str) -> str:
    """YES, NO, LATER, QUESTION or UNCLEAR for the answer's own text."""
    text = " ".join(line for line in own_text.splitlines() if not line.lstrip().startswith(">")).strip()
    if not text:
        return UNCLEAR
    later = bool(_LATER.search(text))
    yes = bool(_YES.search(text)) and not _NEGATED_YES.search(text)
    no = bool(_NO.search(text))
    if later and (not yes or re.search(r"\b(?:but|however|though)\b", text, re.I)):
        return LATER
    if yes and not no and not later:
        # "yes, but ..." is not a yes to act on: the user reads it
        return UNCLEAR if _BUT.search(text) else YES
    if no and not yes:
        return NO
    if "?" in text and not (yes or no):
        return QUESTION
    return UNCLEAR
