"""The weekly digest as an email to the owner only: text + HTML from two Jinja2 templates. Pure.

All digest content is treated as untrusted text: names, reasons and draft bodies come from other
people's mail. It is cleaned of control and bidi characters, autoescaped in HTML, and only ever
reaches a header after clean_text (Python 3.11.7 lacks the CVE-2024-6923 fix).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from assistant.addresses import clean_text, header_mailbox, is_valid_email
from assistant.models import SECTIONS, Address

HTML_TEMPLATE = "digest.html.j2"
TEXT_TEMPLATE = "digest.txt.j2"
SUBJECT_PREFIX = "Your week of helping others"
TEXT_WIDTH = 72
_LONG = 4000  # clean_text limit for one-line display text (reasons), not headers

SECTION_TITLES: Mapping[str, str] = {
    "intros": "Introductions",
    "events": "Events worth sharing",
    "stories": "Story ideas for reporters you know",
    "gathering": "A small gathering",
    "reconnect": "People to reconnect with",
}
SECTION_BLURBS: Mapping[str, str] = {
    "intros": "Two people who should know each other. Each side is asked first.",
    "events": "Upcoming events that fit someone you know.",
    "stories": "News from your people that a reporter you know may want to hear.",
    "gathering": "A few people who would enjoy meeting each other, and you.",
    "reconnect": "Good news you have not answered yet, and strong ties that have gone quiet.",
}
# singular, plural for the subject line
_COUNT_WORDS: Mapping[str, tuple[str, str]] = {
    "intros": ("intro", "intros"),
    "events": ("event", "events"),
    "stories": ("story", "stories"),
    "gathering": ("gathering", "gatherings"),
    "reconnect": ("reconnect", "reconnects"),
}
# What must never reach a draft body shown to the user: C0/C1 controls (except tab and newline)
# and bidi overrides that could make a draft read differently from what would be sent.
_BODY_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MESSAGE_ID = re.compile(r"^<[!-;=?-~]{1,200}@[!-;=?-~]{1,200}>$")


def make_environments(template_dir: Path | Sequence[Path]) -> tuple[jinja2.Environment, jinja2.Environment]:
    """(html_env, text_env) reading templates from template_dir; undefined names are errors."""
    loader = jinja2.FileSystemLoader(_search_path(template_dir))
    html_env = jinja2.Environment(
        loader=loader, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        # on for anything not explicitly plain text: the digest template is "digest.html.j2"
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "htm", "xml"),
                                            disabled_extensions=("txt", "txt.j2"),
                                            default_for_string=True, default=True))
    html_env.filters["lines"] = html_lines
    text_env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False,
                                  trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    text_env.filters["wrap"] = wrap_text
    return html_env, text_env


def render_digest(digest: Any, *, owner: Address, sender_name: str, html_env: jinja2.Environment,
                  text_env: jinja2.Environment, message_id: str, now: datetime,
                  followups: Sequence[str] = ()) -> EmailMessage:
    """The digest as a multipart/alternative message from and to the owner, and no one else.

    digest: anything with ``generated_at`` and ``sections`` (section -> suggestions).
    message_id: the full ``<...@...>`` id, normally tokens.message_id_for(...).
    """
    if not is_valid_email(owner.email):
        raise ValueError("owner email is not a valid address")
    if not _MESSAGE_ID.match(message_id):
        raise ValueError("message_id must look like <local@domain>")
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    context = digest_context(digest, now)
    # how earlier introductions went, and notes still waiting for an answer (to the user only)
    context["followups"] = [clean_text(line, _LONG) for line in followups]
    message = EmailMessage(policy=SMTP)
    message["From"] = header_mailbox(sender_name or owner.name, owner.email)
    message["To"] = header_mailbox(owner.name, owner.email)
    message["Subject"] = clean_text(digest_subject(context["counts"]))
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "All"
    # quoted-printable: safe through any relay, even one without 8BITMIME
    message.set_content(text_env.get_template(TEXT_TEMPLATE).render(context), cte="quoted-printable")
    message.add_alternative(html_env.get_template(HTML_TEMPLATE).render(context), subtype="html",
                            cte="quoted-printable")
    return message


def digest_subject(counts: Mapping[str, int]) -> str:
    """"Your week of helping others: 3 intros, 2 events, 1 story" (only sections with items)."""
    parts = []
    for section in SECTIONS:
        n = counts.get(section, 0)
        if n:
            singular, plural = _COUNT_WORDS[section]
            parts.append(f"{n} {singular if n == 1 else plural}")
    return f"{SUBJECT_PREFIX}: {', '.join(parts)}" if parts else f"{SUBJECT_PREFIX}: a quiet week"


def digest_context(digest: Any, now: datetime) -> dict[str, Any]:
    """What both templates see: cleaned display strings only, sections in SECTIONS order."""
    sections: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    for name in SECTIONS:
        items = [_item(s) for s in digest.sections.get(name, ())]
        counts[name] = len(items)
        if items:
            sections.append({"name": name, "title": SECTION_TITLES[name], "blurb": SECTION_BLURBS[name],
                             "items": items})
    ids = [item["id"] for section in sections for item in section["items"]]
    generated = digest.generated_at
    if generated.tzinfo is not None:
        generated = generated.astimezone(now.tzinfo)
    return {
        "title": SUBJECT_PREFIX,
        "sections": sections,
        "counts": counts,
        "total": len(ids),
        "example": reply_example(ids),
        "grammar": "send 1, 3 · skip 2 · snooze 4 (for 2 weeks) · never 5 · edit 2: your text",
        "date": f"{generated:%A} {generated.day} {generated:%B %Y}",
        "summary": _summary(counts),
    }


def reply_example(ids: Sequence[int]) -> str:
    """A reply the user could send, using this digest's own numbers where there are enough."""
    if len(ids) >= 4:
        a, b, c, d = ids[:4]
        return f"send {a}, {c} · skip {b} · snooze {d}"
    if len(ids) == 3:
        return f"send {ids[0]}, {ids[2]} · skip {ids[1]}"
    if len(ids) == 2:
        return f"send {ids[0]} · snooze {ids[1]}"
    if len(ids) == 1:
        return f"send {ids[0]}"
    return ""


def digest_json(digest: Any) -> dict[str, Any]:
    """The digest as JSON: the digest's own to_json(), completed with section, key and draft kind."""
    items = list(_suggestions(digest))
    if hasattr(digest, "to_json"):
        out: dict[str, Any] = digest.to_json()
    else:
        out = {"generated_at": digest.generated_at.isoformat(), **{s: [] for s in SECTIONS}}
        for suggestion in items:
            out[suggestion.section].append({"id": suggestion.id, "reason": suggestion.reason,
                                            "drafts": [d.to_json() for d in suggestion.drafts],
                                            **suggestion.data})
    by_id = {s.id: s for s in items}
    for section in SECTIONS:
        for entry in out.get(section, ()):
            suggestion = by_id.get(entry.get("id"))
            if suggestion is None:
                continue
            entry.setdefault("section", section)
            entry.setdefault("key", suggestion.key)
            for draft_json, draft in zip(entry.get("drafts", ()), suggestion.drafts, strict=False):
                draft_json.setdefault("kind", draft.kind)
    return out


# -- filters ------------------------------------------------------------------------------------

def wrap_text(text: str, width: int = TEXT_WIDTH, indent: str = "", hang: int = 0) -> str:
    """Each line wrapped on its own (blank lines and line breaks kept), every line indented.

    hang: extra indent of continuation lines ("To:      " values line up under their first line).
    """
    out: list[str] = []
    for line in str(text).split("\n"):
        stripped = line.rstrip()
        if not stripped:
            out.append(indent.rstrip())
            continue
        lead = stripped[: len(stripped) - len(stripped.lstrip())]
        out.extend(textwrap.wrap(stripped, width=max(20, width - len(indent)), initial_indent=indent,
                                 subsequent_indent=indent + lead + " " * hang, break_long_words=False,
                                 break_on_hyphens=False, drop_whitespace=True) or [indent])
    return "\n".join(out)


def html_lines(text: str) -> Markup:
    """Escaped text with <br> between lines: Outlook ignores white-space:pre-wrap, <br> it honours."""
    return Markup("<br>").join(escape(line) for line in str(text).split("\n"))


# -- view model ---------------------------------------------------------------------------------

def _item(suggestion: Any) -> dict[str, Any]:
    drafts = list(suggestion.drafts)
    number = int(suggestion.id)
    shown = []
    for n, draft in enumerate(drafts, 1):
        view = {
            "label": f"Draft {n} of {len(drafts)}" if len(drafts) > 1 else "Draft",
            "to": _people(draft.to),
            "cc": _people(draft.cc),
            "subject": clean_text(draft.subject),
            "body": clean_body(draft.body),
            "mailto": mailto(draft),
            "oneline": "",
        }
        if getattr(draft, "kind", "") == "intro_ask":
            view["label"] = "First, ask the helper"
        asks_first = any(getattr(d, "kind", "") == "intro_ask" for d in drafts)
        if getattr(draft, "kind", "") == "intro_connect" and asks_first:
            # the opt-in note is shown whole; the introduction that follows a yes is one line, so the
            # same quotes do not appear three times
            view["oneline"] = (f"When they say yes, `connect {number}` sends the introduction to "
                               f"{_names((*draft.to, *draft.cc))} (subject \"{clean_text(draft.subject)}\").")
        shown.append(view)
    return {"id": number, "reason": clean_text(suggestion.reason, _LONG), "drafts": shown}


def mailto(draft: Any) -> str:
    """A mailto: URL that opens the draft, filled in, in the user's own mail program (RFC 6068)."""
    to = ",".join(quote(clean_text(a.email, 254), safe="@") for a in draft.to)
    fields = [("subject", clean_text(draft.subject)), ("body", clean_body(draft.body).replace("\n", "\r\n"))]
    if draft.cc:
        fields.insert(0, ("cc", ",".join(clean_text(a.email, 254) for a in draft.cc)))
    return f"mailto:{to}?" + "&".join(f"{k}={quote(v, safe='@,')}" for k, v in fields)


def _names(addresses: Iterable[Address]) -> str:
    names = [clean_text(a.name, 200) or clean_text(a.email, 254) for a in addresses]
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]


def clean_body(text: str) -> str:
    """A draft body for display: newlines normalised, controls and bidi overrides removed."""
    body = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    body = body.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n").replace("\t", "    ")
    return _BODY_UNSAFE.sub("", body).strip("\n")


def _people(addresses: Iterable[Address]) -> str:
    return ", ".join(_display(a) for a in addresses)


def _display(address: Address) -> str:
    name, email = clean_text(address.name, 200), clean_text(address.email, 254)
    return f"{name} <{email}>" if name else email


def _summary(counts: Mapping[str, int]) -> str:
    total = sum(counts.values())
    if not total:
        return "Nothing to act on this week."
    return f"{total} way{'s' if total != 1 else ''} to help someone this week."


def _suggestions(digest: Any) -> Iterable[Any]:
    for section in SECTIONS:
        yield from digest.sections.get(section, ())


def _search_path(template_dir: Path | Sequence[Path]) -> list[str]:
    """One folder, or several searched in order: the user's overrides first, the bundled ones last."""
    dirs = [template_dir] if isinstance(template_dir, (str, Path)) else list(template_dir)
    return [str(d) for d in dirs]
