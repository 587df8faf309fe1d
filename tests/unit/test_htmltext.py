"""html_to_text / html_links: readable text from HTML mail, quotes kept as "> "."""

from __future__ import annotations

import pytest

from assistant.reading.html_text import html_links, html_to_text
from assistant.reading.replies import split_reply

HTML_CASES = [
    ("paragraphs_and_breaks", "<p>Hello</p><p>Line one<br>Line two</p>", "Hello\n\nLine one\nLine two"),
    ("divs_are_lines", "<div>one</div><div>two</div>", "one\ntwo"),
    ("entities_decoded", "<p>Tom &amp; Jerry &lt;3 caf&eacute; &#8364;5&nbsp;net</p>", "Tom & Jerry <3 café €5 net"),
    ("whitespace_collapsed", "<p>  lots \n of\t\tspace  </p>", "lots of space"),
    ("lists_get_dashes", "<ul><li>alpha</li><li>beta</li></ul>", "- alpha\n- beta"),
    ("nested_list_indented", "<ul><li>a<ul><li>b</li></ul></li></ul>", "- a\n  - b"),
    ("blockquote_prefixed", "<p>Yes.</p><blockquote><p>Are you in?</p></blockquote>", "Yes.\n\n> Are you in?"),
    ("nested_blockquote", "<blockquote>one<blockquote>two</blockquote></blockquote>", "> one\n> > two"),
    ("script_style_head_dropped",
     "<html><head><title>T</title><style>p{}</style></head><body><script>x=1</script><p>Body</p></body></html>",
     "Body"),
    ("link_keeps_text", '<p>See <a href="https://example.org/x">the agenda</a>.</p>', "See the agenda."),
    ("pre_keeps_spacing", "<pre>  a\n    b</pre>", "  a\n    b"),
    ("table_cells_spaced", "<table><tr><td>Name</td><td>Ana</td></tr><tr><td>Role</td><td>CTO</td></tr></table>",
     "Name Ana\nRole CTO"),
    ("zero_width_removed", "<p>a\u200bb</p>", "ab"),
    ("empty", "", ""),
]


@pytest.mark.parametrize("name,html,expected", HTML_CASES, ids=[c[0] for c in HTML_CASES])
def test_html_to_text(name: str, html: str, expected: str) -> None:
    assert html_to_text(html) == expected


def test_links_listed_with_their_text() -> None:
    html = '<p><a href="https://a.example/1">First <b>link</b></a> and <a href="mailto:x@y.org">mail</a></p>'
    assert html_links(html) == [("First link", "https://a.example/1"), ("mail", "mailto:x@y.org")]


@pytest.mark.parametrize("html", [
    "<", "<!", "<![", "<![CDATA[", "</", "<a href=", "<!--", "<div><<<>>>", "&#xffffffff;", "<![if foo]>",
    "<!DOCTYPE", "<?xml", "<p><b><i>unclosed", "</p></div></blockquote>", "<blockquote>" * 500,
    "<a href='x'>" * 100, "\x00<p>\x01</p>",
])
def test_broken_html_never_raises(html: str) -> None:
    assert isinstance(html_to_text(html), str)
    assert isinstance(html_links(html), list)


def test_html_only_gmail_reply_loses_its_quote() -> None:
    html = ('<div dir="ltr">Count me in.</div><br><div class="gmail_quote"><div class="gmail_attr">'
            'On Mon, Mar 4, 2024 at 9:12 AM Joe Park &lt;<a href="mailto:joe@gmail.com">joe@gmail.com</a>&gt; '
            'wrote:<br></div><blockquote class="gmail_quote">Dinner on Friday?<br></blockquote></div>')
    assert split_reply(html_to_text(html)) == ("Count me in.", None)


def test_html_outlook_reply_loses_the_header_block() -> None:
    html = ('<p>Agreed.</p><hr><p><b>From:</b> Joe Park &lt;joe@gmail.com&gt;<br><b>Sent:</b> Monday, March 4, '
            '2024 9:12 AM<br><b>To:</b> Ana Lima<br><b>Subject:</b> Plan</p><p>Here is the plan.</p>')
    assert split_reply(html_to_text(html))[0] == "Agreed."


@pytest.mark.parametrize("html", [
    "<p>no links at all</p>",
    "<a href='https://x.example/a?b=1&amp;c=2'>Reg&nbsp;ister <b>now</b></a>",
    "<A HREF=x>upper</A><a\thref=t>tab</a><a/>self-closed<a href=y/>",
    "<script><a href='s'>in script</a></script><a href=ok>ok</a>",
    "<svg><a href=s>in svg</a></svg><style>a{}</style><a href=z>z</a>",
    "<!-- <a href=c>commented</a> --><a href=d>d",
    "<a href=1>one<a href=2>two</a></a></a>",
    "<title>t</title><abbr>x</abbr><a href>empty href</a><a>no href</a><a href=''></a>",
    "<a href=trunc>unclosed <",
])
def test_html_links_reads_links_as_the_text_builder_does(html: str) -> None:
    from assistant.reading.html_text import _build

    assert html_links(html) == _build(html).links
