"""The built site in a real browser (Debian's Chromium driven by Playwright), served on 127.0.0.1.

Requests for the deployed host (the absolute `site_url` links) are answered from the local
server, as they would be by the same host when deployed; a request to any other host fails the
test. Every page of every locale is checked with axe-core (also with search open), for console
errors, and for the language switcher, search, print and 404 behaviour.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from handbook.locales import url_prefix
from tests.browser import site_pages, type_search

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def test_every_page_is_accessible_error_free_and_first_party(browser_session, built_site):
    failures = {}
    for path in site_pages(built_site):
        page = browser_session.open(path)
        problems = (
            axe_violations(page)
            + [f"console: {e}" for e in page.errors]
            + [f"foreign request: {u}" for u in page.foreign]
        )
        if problems:
            failures[path] = problems
        page.context.close()
    assert failures == {}


@pytest.mark.parametrize("path", ["index.html", "nb/recovery-steps.html"])
def test_search_dialog_is_accessible_when_open(browser_session, path):
    page = browser_session.open(path)
    type_search(page, "kunde" if path.startswith("nb/") else "customer")
    page.wait_for_selector(".md-search-result__item")
    assert axe_violations(page) == []
    page.context.close()


@pytest.mark.parametrize(
    "path, query, inside_nb",
    [
        ("nb/index.html", "kompensasjon", True),
        ("index.html", "compensation", False),
    ],
)
def test_search_returns_pages_of_the_readers_locale_only(browser_session, path, query, inside_nb):
    page = browser_session.open(path)
    type_search(page, query)
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert links, query
    assert all(("/nb/" in link) == inside_nb for link in links), links
    page.context.close()


def test_language_switcher_keeps_the_page_and_the_anchor(browser_session):
    page = browser_session.open("nb/roadblocks.html#roadblock-lack-of-training")
    page.click(".md-header__option .md-select > button")
    page.click('a.md-select__link[hreflang="en"]')
    page.wait_for_load_state("networkidle")
    assert page.url == browser_session.local + "roadblocks.html#roadblock-lack-of-training"
    assert page.eval_on_selector("html", "html => html.lang") == "en"
    page.context.close()


@pytest.mark.parametrize("path", ["checklist.html", "nb/checklist.html"])
def test_checklist_prints_on_one_a4_page(browser_session, path):
    page = browser_session.open(path)
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
    page.context.close()


def test_the_checklists_first_line_shows_on_screen_only(browser_session, registry):
    """In every language the line on printing the checklist (`{ .screen-only }`) is read on screen
    and left off paper, where it would push the checklist onto a second sheet."""
    for locale in registry.locales:
        page = browser_session.open(url_prefix(locale, registry.default_locale) + "checklist.html")
        assert page.is_visible(".screen-only"), locale
        page.emulate_media(media="print")
        assert not page.is_visible(".screen-only"), locale
        page.context.close()


def test_print_hides_navigation_and_shows_link_addresses(browser_session):
    page = browser_session.open("recovery-steps.html")
    page.emulate_media(media="print")
    assert not page.is_visible(".md-header") and not page.is_visible(".md-sidebar--primary")
    after = page.eval_on_selector(".md-typeset p a[href]", "a => getComputedStyle(a, '::after').content")
    assert re.fullmatch(r'" \([\w/.-]+\.html(#[\w-]+)?\)"', after), after
    page.context.close()


@pytest.mark.parametrize(
    "missing, lang, title",
    [
        ("nb/finnes-ikke.html", "nb", "Fant ikke siden"),
        ("does-not-exist.html", "en", "Page not found"),
    ],
)
def test_the_one_404_page_speaks_the_readers_language(browser_session, missing, lang, title):
    page = browser_session.open(missing)
    assert page.eval_on_selector("html", "html => html.lang") == lang
    assert page.text_content("#not-found-title") == title
    assert axe_violations(page) == []
    assert page.foreign == []
    page.context.close()


def test_search_works_on_the_404_page(browser_session):
    """The 404 page is rendered from a template, not as a page: it searches with the same worker."""
    page = browser_session.open("does-not-exist.html")
    type_search(page, "apology")
    page.wait_for_selector(".md-search-result__item")
    assert page.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    page.context.close()


def test_skip_link_moves_focus_to_the_content(browser_session):
    page = browser_session.open("mistakes.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""
    page.context.close()


def test_the_site_works_offline_from_disk(browser_session, built_site):
    """Opened from site/ with no network: pages and search work; the only requests that leave
    the disk are the theme's sitemap lookups for the language links, which fail quietly."""
    context = browser_session.browser.new_context()
    left_disk = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (left_disk.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.goto((built_site / "nb" / "roadblocks.html").as_uri())
    type_search(page, "kompensasjon")
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert links and all(link.startswith((built_site / "nb").as_uri()) for link in links), links
    assert all(url.startswith(browser_session.deployed) and url.endswith("sitemap.xml") for url in left_disk), left_disk
    context.close()
