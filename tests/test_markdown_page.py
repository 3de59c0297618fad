"""The Markdown reader on the constructs translators actually write."""

from __future__ import annotations

import re

import markdown
from mkdocs.config import load_config

from handbook.markdown_page import HEADING_ID, parse_page
from tests.helpers import PROJECT_ROOT

FRONT = "---\ntitle: T\ndescription: D.\n---\n\n"


def test_headings_inside_nested_or_tilde_fences_are_code():
    page = parse_page(
        FRONT
        + "# T\n\n````markdown\n```\n## Not a heading { #step-x }\n```\n````\n\n"
        + "~~~\n```\n## Nor this\n~~~\n\n## Real\n\nText.\n"
    )
    assert [h.text for h in page.headings] == ["T", "Real"]
    assert page.unclosed_fence is None


def test_an_unclosed_fence_is_reported_where_it_opens():
    assert parse_page(FRONT + "# T\n\n```text\n## hidden\n").unclosed_fence == 8


def test_wrapping_a_list_item_or_a_paragraph_keeps_the_paragraph_count():
    one_line = parse_page(FRONT + "# T\n\nPara one.\n\n- Item that is short.\n\nPara two.\n")
    wrapped = parse_page(
        FRONT + "# T\n\nPara\none.\n\n- Item that\n  is wrapped.\n- Another item\nwith a lazy line.\n\nPara two.\n"
    )
    assert one_line.sections[1].paragraphs == wrapped.sections[1].paragraphs == 2


def test_links_with_titles_references_and_code_spans():
    page = parse_page(
        FRONT + "# T\n\n[a](a.md \"t\") [b](b.md 't') [c](c.md (t)) [d](<d e.md>) `[no](code.md)`\n\n[ref]: r.md#x\n"
    )
    assert [link.target for link in page.links] == ["a.md", "b.md", "c.md", "d e.md", "r.md#x"]


def test_a_byte_order_mark_is_not_a_missing_front_matter():
    page = parse_page("\ufeff" + FRONT + "# T\n")
    assert page.front_matter_error is None and page.front_matter["title"] == "T"


def test_an_anchor_is_read_as_typed_and_compared_without_lookalikes():
    page = parse_page(
        FRONT + "# T\n\n## A { #følg-opp .wide }\n\n## B {#step\u2011one}\n\n## C { #step-two\u200b }\n\n## D {: #x }\n"
    )
    assert [(h.written_anchor, h.anchor) for h in page.headings[1:]] == [
        ("følg-opp", "følg-opp"),
        ("step\u2011one", "step-one"),  # the non-breaking hyphen reads as the hyphen it imitates
        ("step-two\u200b", "step-two"),  # the zero-width space is dropped
        ("x", "x"),
    ]
    assert [h.text for h in page.headings[1:]] == ["A", "B", "C", "D"]


def test_fenced_code_lines_are_known():
    page = parse_page(FRONT + "# T\n\n```text\ncode\n```\n\nText.\n")
    assert page.code_lines == {8, 9, 10}


def test_heading_ids_are_the_ones_the_site_gives_them():
    """A heading without `{ #id }` keeps its letters in its id (oppfølgingen, gjøre), and the checker
    computes the ids the site's Markdown configuration (mkdocs.yml) renders, duplicates included."""
    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    assert config.mdx_configs["toc"]["slugify"] is HEADING_ID
    body = "# T\n\n## Velg tidspunktet for oppfølgingen\n\n### Dette kan du gjøre\n\n### Dette kan du gjøre\n"
    body += "\n## Æ, ø og å { #concept }\n\n## Ask *why* — twice\n"
    html = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(body)
    rendered = set(re.findall(r'<h[1-6] id="([^"]+)"', html))
    assert parse_page(FRONT + body).anchors() == rendered
    assert {"velg-tidspunktet-for-oppfølgingen", "dette-kan-du-gjøre", "dette-kan-du-gjøre_1"} <= rendered
