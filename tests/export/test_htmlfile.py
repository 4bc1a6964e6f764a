"""The HTML export: self-contained, no scripts or remote resources, escaped, highlighted."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from desktop.core.kinds import KINDS
from desktop.core.model import Comparison
from desktop.export.htmlfile import comparison_to_html, write_html
from desktop.export.options import ReportOptions
from tests.export.test_methods import conflict_kinds_named, partial_kinds_named

ACTIVE = {
    "script",
    "link",
    "img",
    "iframe",
    "object",
    "embed",
    "form",
    "base",
    "audio",
    "video",
    "source",
    "svg",
}


class Collector(HTMLParser):
    """Collects tags, attributes and the text inside <mark>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(k, v or "") for k, v in attrs]
        self._in_mark = tag == "mark"

    def handle_endtag(self, tag: str) -> None:
        self._in_mark = False if tag == "mark" else self._in_mark

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks.append(data)


def parsed(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    return collector


def test_page_is_self_contained(comparison: Comparison) -> None:
    page = comparison_to_html(comparison)
    found = parsed(page)
    assert not ACTIVE & set(found.tags)
    assert not [v for k, v in found.attributes if k in ("src", "href") or k.startswith("on")]
    assert not re.search(r"url\(|@import", page)
    assert "default-src 'none'" in page  # even a slip could not load or run anything


def test_hostile_text_is_escaped(comparison: Comparison) -> None:
    page = comparison_to_html(comparison)
    assert "<script>" not in page and "<b>denies</b>" not in page
    assert "Kremlin &lt;b&gt;denies&lt;/b&gt; &amp; rejects" in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_differing_words_are_marked(comparison: Comparison) -> None:
    marks = parsed(comparison_to_html(comparison)).marks
    assert {"400", "450", "since August", "С сентября", "no deal on drones had been agreed"} <= set(
        marks
    )


def test_matrix_cells_have_glyph_and_class(comparison: Comparison) -> None:
    page = comparison_to_html(comparison)
    cells = re.findall(
        r'<td class="cell (\w+)" title="[^"]*"><span aria-label="[^"]*">(.)</span>', page
    )
    glyphs = {"agree": "✓", "partial": "◐", "conflict": "✗", "omitted": "–", "source": "●"}
    assert cells and all(glyphs[kind] == glyph for kind, glyph in cells)
    assert {kind for kind, _ in cells} == set(glyphs)


def test_light_and_dark_and_unicode(comparison: Comparison, out_dir: Path) -> None:
    path = out_dir / "report.html"
    write_html(comparison, path)
    page = path.read_text(encoding="utf-8")
    assert "@media (prefers-color-scheme:dark)" in page
    assert "إيران وروسيا تتفقان على تصنيع الطائرات المسيرة" in page
    assert "Россия и Иран договорились о производстве дронов" in page


def test_sections_and_partials_follow_options(comparison: Comparison) -> None:
    page = comparison_to_html(
        comparison, options=ReportOptions(sections=frozenset({"conflicts"}), include_partials=False)
    )
    assert "<h2>Conflicts</h2>" in page
    assert "Claim matrix" not in page and "Partial agreements" not in page
    assert "Western security officials</mark>" not in page


def test_omissions_list_what_no_report_says(comparison: Comparison) -> None:
    page = comparison_to_html(comparison)
    section = page.split("Claims of the reference that no report makes")[1]
    assert section.split("</ul>")[0].count("<li>") == 1
    assert "Statement 1: Western officials believe Russia has made drone deal" in section


def test_conflicts_between_reports_are_shown(comparison: Comparison) -> None:
    page = comparison_to_html(comparison)
    section = page.split("<h3>Conflicts between reports</h3>")[1]
    assert "Report 3, statement 4:" in section and "Report 4, statement 4 — conflicts:" in section
    assert '<mark class="conflict">confirmed</mark>' in section


def test_methods_explain_verdicts_and_limits(comparison: Comparison) -> None:
    page = comparison_to_html(comparison)
    methods = page.split("<h2>Methods</h2>")[1]
    assert "<h3>How verdicts are made</h3>" in methods and "<h3>Limits</h3>" in methods
    assert "2 confirmed, 1 changed, 0 unlinked, 1 linked by hand" in methods
    assert '<td dir="auto">Kiev = Kyiv; Tehran = Iran</td>' in methods


def test_methods_say_which_kinds_make_a_conflict(comparison: Comparison) -> None:
    page = comparison_to_html(comparison).split("<h2>Methods</h2>")[1]
    methods = unescape(re.sub(r"<[^>]+>", " ", page))
    assert conflict_kinds_named(methods) == {i.label for i in KINDS.values() if i.conflict}
    assert {"hedge", "source"} <= partial_kinds_named(methods)
    assert "under half of the shorter one's content words" in methods
    cells = re.findall(r'<tr><td dir="auto">([^<]*)</td><td dir="auto">([^<]*)</td>', page)
    makes = dict(cells[-len(KINDS) :])  # the kinds table, after the options table
    assert makes == {i.label: i.makes for i in KINDS.values()}
    assert makes["hedge"] == makes["source"] == "partial agreement"


def test_findings_show_the_kinds_label(comparison: Comparison) -> None:
    page = comparison_to_html(comparison)
    assert "<strong>hedge:</strong>" in page and "<strong>number:</strong>" in page
    assert not re.search(r"<strong>(added|dropped)-detail:", page)
