"""The navigation of a large handbook: pages in folders become sections named in each language,
and a page carries only the navigation a reader can see, so it does not grow with the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.plugin.navigation import SECTION_KEY, nav_config
from handbook.registry import scattered_folders
from handbook_bench.generated_tree import PAGES_PER_SECTION, SECTIONS_PER_PART, generate_tree
from handbook_bench.support import run_mkdocs_build
from tests.helpers import PROJECT_ROOT, check_in_process

GENERATED_PAGES = 230  # three parts: the first two full, the third with three sections
LOCALES = ("en", "nb", "nn")


def test_pages_in_folders_become_sections_in_page_order():
    pages = ("index.md", "a/index.md", "a/x.md", "a/b/y.md", "a/z.md", "c.md")
    section = SECTION_KEY.format
    assert nav_config(pages) == [
        "index.md",
        {section("a/"): ["a/index.md", "a/x.md", {section("a/b/"): ["a/b/y.md"]}, "a/z.md"]},
        "c.md",
    ]
    assert scattered_folders(list(pages)) == []


def test_a_folder_listed_apart_is_reported():
    assert scattered_folders(["a/x.md", "c.md", "a/z.md", "b/c/y.md", "b/w.md", "b/c/v.md"]) == ["a/", "b/c/"]


def test_a_flat_page_list_stays_flat():
    pages = ("index.md", "roadblocks.md", "steps.md")
    assert nav_config(pages) == list(pages)


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory) -> Path:
    scratch = tmp_path_factory.mktemp("navigation")
    tree = generate_tree(PROJECT_ROOT, scratch / "tree", GENERATED_PAGES, ("nn",))
    assert check_in_process(tree).returncode == 0
    result = run_mkdocs_build(tree, scratch / "site", env={"SITE_URL": "https://example.org/handbook/"})
    assert result.returncode == 0, result.stderr
    return scratch / "site"


def primary_nav(site: Path, page: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    nav = soup.select_one("nav.md-nav--primary")
    assert nav is not None
    for toc in nav.select("nav.md-nav--secondary"):  # the page's own table of contents
        toc.decompose()
    return nav


def page_links(nav: BeautifulSoup) -> list[str]:
    return [a["href"] for a in nav.select("a.md-nav__link") if "page-" in a["href"]]


def test_a_page_carries_only_its_part_and_section(generated_site):
    page = "part-01/section-02/page-0125.html"
    links = page_links(primary_nav(generated_site, page))
    # the other parts (one link each), the sections of its part (one each), the pages of its section
    assert len(links) <= 2 + SECTIONS_PER_PART + PAGES_PER_SECTION, links
    assert "page-0124.html" in links and "page-0129.html" in links  # its own section, in full
    # another section is one link to its first page; the rest of its pages are pruned
    assert "../section-03/page-0130.html" in links
    assert not any(link.endswith(f"page-013{n}.html") for link in links for n in range(1, 10)), links


def test_the_home_page_navigation_does_not_grow_with_the_site(generated_site):
    links = page_links(primary_nav(generated_site, "index.html"))
    assert len(links) == 3  # one link per part
    assert all(link.startswith("part-") for link in links)


@pytest.mark.parametrize(("locale", "word"), [("en", "Page"), ("nb", "Side"), ("nn", "Side")])
def test_sections_are_named_in_the_page_language(generated_site, locale, word):
    prefix = "" if locale == "en" else f"{locale}/"
    nav = primary_nav(generated_site, f"{prefix}part-02/section-01/page-0215.html")
    names = [" ".join(label.get_text().split()) for label in nav.select("label.md-nav__link")]
    assert f"{word} 200" in names and f"{word} 210" in names, names  # the part, the section
    assert not any(name.startswith(SECTION_KEY.format("")) for name in names)
