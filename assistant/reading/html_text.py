"""Readable plain text from an email's HTML part, with <blockquote> kept as "> " quoting.

Only the standard library's html.parser is used; broken markup never raises.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset((
    "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "address", "center",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
    "tr", "form", "fieldset", "figure", "figcaption", "hr", "pre", "blockquote", "li", "caption",
))
_PARAGRAPHS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre", "dl"))
_DROPPED = frozenset(("script", "style", "head", "title", "template", "noscript", "svg", "object", "iframe"))
_VOID = frozenset(("br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"))
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_PARSE_ERRORS = (AssertionError, ValueError, IndexError, AttributeError, TypeError, RecursionError)


class _LinkCollector(HTMLParser):
    """The links of a page, (text, href), with dropped elements (scripts, styles ...) skipped:
    html_links uses it alone; _TextBuilder builds the text on top of it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._dropped = 0
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._dropped += 1
        elif tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._link_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # a self-closed <a/> or dropped element opens nothing

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._dropped = max(0, self._dropped - 1)
        elif tag == "a" and self._href is not None:
            text = _SPACES.sub(" ", "".join(self._link_text)).strip()
            if self._href or text:
                self.links.append((text, self._href))
            self._href = None

    def handle_data(self, data: str) -> None:
        if not self._dropped and self._href is not None:
            self._link_text.append(data)


class _TextBuilder(_LinkCollector):
    """Collects lines as (quote depth, text); a line is flushed at every block boundary."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[int, str]] = []
        self._buf: list[str] = []
        self._depth = 0
        self._pre = 0
        self._list_depth = 0
        self._indent = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)  # dropped elements and links
        if tag in _DROPPED or tag == "a":
            return
        if tag == "br":
            self._flush(force=True)
        elif tag in _BLOCKS:
            self._flush()
            if tag in _PARAGRAPHS and self.lines and self.lines[-1][1] and not self._nested_list(tag):
                self.lines.append((self._depth, ""))
            if tag == "blockquote":
                self._depth += 1
            elif tag == "pre":
                self._pre += 1
            elif tag in ("ul", "ol"):
                self._list_depth += 1
            elif tag == "li":
                self._indent = "  " * max(0, self._list_depth - 1)
                self._buf.append("- ")
            elif tag == "hr":
                self.lines.append((self._depth, "---"))
        elif tag in ("td", "th"):
            self._buf.append(" ")
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt and not self._dropped:
                self._buf.append(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or tag in _BLOCKS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)  # dropped elements and links
        if tag in _DROPPED or tag == "a":
            return
        if tag in _BLOCKS and tag not in _VOID:
            self._flush()
            if tag == "blockquote":
                while self.lines and self.lines[-1] == (self._depth, ""):
                    self.lines.pop()
                self._depth = max(0, self._depth - 1)
            elif tag == "pre":
                self._pre = max(0, self._pre - 1)
            elif tag in ("ul", "ol"):
                self._list_depth = max(0, self._list_depth - 1)
            if tag in _PARAGRAPHS and not self._nested_list(tag):
                self.lines.append((self._depth, ""))

    def handle_data(self, data: str) -> None:
        if self._dropped:
            return
        super().handle_data(data)  # a link's text
        if self._pre:
            chunks = data.split("\n")
            for k, chunk in enumerate(chunks):
                self._buf.append(chunk)
                if k < len(chunks) - 1:
                    self._flush(force=True)
        else:
            self._buf.append(data)

    def _nested_list(self, tag: str) -> bool:
        return tag in ("ul", "ol") and self._list_depth > 0

    def _flush(self, force: bool = False) -> None:
        raw = _INVISIBLE.sub("", "".join(self._buf))
        self._buf = []
        text = raw.rstrip() if self._pre else _SPACES.sub(" ", raw).strip()
        if text or force:
            self.lines.append((self._depth, self._indent + text if text else text))
        self._indent = ""

    def finish(self) -> None:
        try:
            self.close()
        except _PARSE_ERRORS:
            pass
        self._flush()


def _build(html: str) -> _TextBuilder:
    builder = _TextBuilder()
    try:
        builder.feed(html or "")
    except _PARSE_ERRORS:
        pass  # keep whatever was read before the markup became unreadable
    builder.finish()
    return builder


def html_to_text(html: str) -> str:
    """Plain text of an HTML email body: blocks on their own lines, blockquotes as "> "."""
    out: list[str] = []
    for depth, text in _build(html).lines:
        line = ("> " * depth + text).rstrip() if depth else text
        if not line.strip(">").strip():
            line = ">" * depth if depth else ""
            if out and out[-1] == line:
                continue  # at most one blank line in a row
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return "\n".join(out)


def html_links(html: str) -> list[tuple[str, str]]:
    """(link text, href) for every <a> in the document, in order."""
    if not html or not _LINK_TAG.search(html):
        return []  # html.parser reports an <a> start tag only for "<a" or "<A" ended like this
    collector = _LinkCollector()
    try:
        collector.feed(html)
    except _PARSE_ERRORS:
        pass  # keep whatever was read before the markup became unreadable
    try:
        collector.close()
    except _PARSE_ERRORS:
        pass
    return collector.links


_LINK_TAG = re.compile(r"<[aA](?![^\t\n\r\f />\x00])")
