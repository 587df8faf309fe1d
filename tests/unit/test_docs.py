"""The documentation says what the code does: settings keys, commands, and the command lines shown."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from assistant.cli import build_parser
from assistant.config import _KNOWN

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()
SETTINGS = (ROOT / "settings.toml").read_text()
# the placeholders the README uses, and a value each parses as
RUN = re.compile(r"python[\d.]* (?:\S+/)?run\.py")
PLACEHOLDERS = {"PATH": "settings.toml", "EMAIL": "a@example.com", "ISO": "2026-11-25", "FILE": "out.html",
                "N": "1"}


def documented_settings() -> dict[str, set[str]]:
    """Every key settings.toml shows, set or commented out, by section."""
    found: dict[str, set[str]] = {}
    section = None
    for line in SETTINGS.splitlines():
        header = re.match(r"^\[(\w+)\]", line)
        if header:
            section = header.group(1)
            found[section] = set()
            continue
        key = re.match(r"^#?\s?(\w+)\s*=", line)
        if key and section:
            found[section].add(key.group(1))
    return found


def test_settings_toml_documents_exactly_the_keys_the_loader_accepts():
    documented = documented_settings()
    assert set(documented) == set(_KNOWN), "sections"
    for section, keys in _KNOWN.items():
        assert documented[section] == set(keys), f"[{section}]: undocumented {set(keys) - documented[section]}, " \
                                                 f"unknown to the loader {documented[section] - set(keys)}"


def commands() -> dict[str, object]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return dict(sub.choices)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", sorted(commands()))
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"run\.py (?:\[[^\]]*\] )*{re.escape(command)}\b", README), command


def readme_command_lines() -> list[str]:
    """Command lines in the README's code blocks and inline code that run run.py."""
    lines = []
    for block in re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, re.S):
        lines += [ln for ln in block.splitlines() if RUN.search(ln)]
    lines += [m for m in re.findall(r"`([^`\n]*run\.py[^`\n]*)`", README) if RUN.search(m) and "[" not in m]
    return lines


def argv_of(line: str) -> list[str]:
    line = line.split("#", 1)[0].split("&&")[-1].strip()
    words = shlex.split(line)
    argv = words[words.index(next(w for w in words if w.endswith("run.py"))) + 1:]
    return [PLACEHOLDERS.get(w, w) for w in argv]


@pytest.mark.parametrize("line", readme_command_lines())
def test_every_command_line_the_readme_shows_parses(line):
    build_parser().parse_args(argv_of(line))


def test_every_option_in_the_commands_table_exists():
    parsers = commands()
    global_options = {o for a in build_parser()._actions for o in a.option_strings}
    for row in re.findall(r"^\| `python run\.py ([^`]*)` \|", README, re.M):
        words = row.replace("\\|", " ").split()
        name = next(w for w in words if not w.startswith(("[", "-")) and re.fullmatch(r"[a-z][a-z-]*", w))
        mine = {o for a in parsers[name]._actions for o in a.option_strings}  # type: ignore[attr-defined]
        for option in re.findall(r"--[\w-]+", row):
            assert option in mine | global_options, f"{name}: README shows {option}"


def test_the_readme_starts_with_the_demo_and_the_test_command():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    assert "run.py demo" in blocks[0] and "pytest" in blocks[1] + (ROOT / ".ci" / "run").read_text()
    assert len(readme_command_lines()) >= 2
