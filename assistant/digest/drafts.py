"""Ready-to-send drafts from the user's editable templates/draft_*.txt.j2. Pure apart from reading templates.

Each template's first line is ``Subject: ...``; the rest is the body. Subjects are cleaned for header use
because names and phrases inside them come from inbound mail.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import jinja2

from assistant.addresses import clean_text
from assistant.errors import UserError
from assistant.models import Address, Draft

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates"  # the bundled templates
DRAFT_KINDS = ("intro_ask", "intro_connect", "event_forward", "event_invite", "story_lunch", "gathering",
               "reconnect", "congratulate")
SUBJECT_PREFIX = "Subject:"


class DraftWriter(Protocol):
    """Turns a kind of draft and its facts into a Draft; the suggestion code never formats prose itself."""

    def draft(self, kind: str, to: Sequence[Address], context: Mapping[str, Any],
              cc: Sequence[Address] = ()) -> Draft: ...


def make_text_environment(template_dir: Path | Sequence[Path] = TEMPLATE_DIR) -> jinja2.Environment:
    """A plain-text environment: no autoescaping (these are emails, not HTML), and a typo in a template
    fails loudly rather than leaving a blank where a name should be."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_search_path(template_dir)),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class TemplateDraftWriter:
    """DraftWriter over ``draft_<kind>.txt.j2`` templates in an explicit Jinja2 environment."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self.environment = environment

    def draft(self, kind: str, to: Sequence[Address], context: Mapping[str, Any],
              cc: Sequence[Address] = ()) -> Draft:
        name = f"draft_{kind}.txt.j2"
        text = self.environment.get_template(name).render(**context)
        first, _, body = text.lstrip("\n").partition("\n")
        if not first.startswith(SUBJECT_PREFIX):
            raise UserError(f"template {name}: the first line must be '{SUBJECT_PREFIX} ...'")
        return Draft(to=tuple(to), cc=tuple(cc), subject=clean_text(first[len(SUBJECT_PREFIX):]),
                     body=body.strip("\n") + "\n", kind=kind)


def _search_path(template_dir: Path | Sequence[Path]) -> list[str]:
    """One folder, or several searched in order: the user's overrides first, the bundled ones last."""
    dirs = [template_dir] if isinstance(template_dir, (str, Path)) else list(template_dir)
    return [str(d) for d in dirs]
