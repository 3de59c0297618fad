"""The built site in a real browser (Debian's Chromium driven by Playwright), served on 127.0.0.1.

Requests for the deployed host (the absolute `site_url` links) are answered from the local
server, as they would be by the same host when deployed; a request to any other host fails the
test. Every page of every locale is checked with axe-core (also with search open), for console
errors, and for the language switcher, search, print and 404 behaviour.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from scripts.page_weight import CHROMIUM, CHROMIUM_ARGS
from scripts.site_server import serve

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def deployed_base(site: Path) -> str:
    """The site_url the site was built for, read from the home page's canonical link."""
    canonical = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").find("link", rel="canonical")
    return canonical["href"].rsplit("/", 1)[0] + "/"


@pytest.fixture(scope="module")
def browser_session(built_site):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)")
    deployed = deployed_base(built_site)
    with serve(built_site, urlsplit(deployed).path) as local, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield Session(browser, local, deployed)
        browser.close()


class Session:
    """One browser with a page per test; records console errors and foreign requests."""

    def __init__(self, browser, local: str, deployed: str):
        self.browser, self.local, self.deployed = browser, local, deployed

    def open(self, path: str):
        context = self.browser.new_context()
        page = context.new_page()
        page.errors, page.foreign = [], []
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        context.route("**/*", lambda route: self._route(route, page))
        page.goto(self.local + path)
        page.wait_for_load_state("networkidle")
        return page

    def _route(self, route, page):
        url = route.request.url
        if url.startswith(self.deployed):
            route.fulfill(response=route.fetch(url=self.local + url[len(self.deployed):]))
        elif url.startswith(self.local) or url.startswith("data:"):
            route.continue_()
        else:
            page.foreign.append(url)
            route.abort()


def site_pages(built_site: Path) -> list[str]:
    return sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html") if p.name != "404.html")


def type_search(page, query: str) -> None:
    """Open search with its keyboard shortcut and type, key by key, as a reader does."""
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query, delay=30)


def axe_violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})" for v in results.response["violations"]]


def test_every_page_is_accessible_error_free_and_first_party(browser_session, built_site):
    failures = {}
    for path in site_pages(built_site):
        page = browser_session.open(path)
        problems = axe_violations(page) + [f"console: {e}" for e in page.errors] + [f"foreign request: {u}" for u in page.foreign]
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


@pytest.mark.parametrize("path, query, inside_nb", [
    ("nb/index.html", "kompensasjon", True),
    ("index.html", "compensation", False),
])
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


def test_print_hides_navigation_and_shows_link_addresses(browser_session):
    page = browser_session.open("recovery-steps.html")
    page.emulate_media(media="print")
    assert not page.is_visible(".md-header") and not page.is_visible(".md-sidebar--primary")
    after = page.eval_on_selector(".md-typeset p a[href]", "a => getComputedStyle(a, '::after').content")
    assert re.fullmatch(r'" \([\w/.-]+\.html(#[\w-]+)?\)"', after), after
    page.context.close()


@pytest.mark.parametrize("missing, lang, title", [
    ("nb/finnes-ikke.html", "nb", "Fant ikke siden"),
    ("does-not-exist.html", "en", "Page not found"),
])
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
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else (left_disk.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto((built_site / "nb" / "roadblocks.html").as_uri())
    type_search(page, "kompensasjon")
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert links and all(link.startswith((built_site / "nb").as_uri()) for link in links), links
    assert all(url.startswith(browser_session.deployed) and url.endswith("sitemap.xml") for url in left_disk), left_disk
    context.close()
