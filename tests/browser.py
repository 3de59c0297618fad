"""The browser the Chromium tests share: the built site served on 127.0.0.1 as it is deployed,
one page per test, console errors and requests to other hosts recorded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from handbook_bench.site_server import serve
from handbook_bench.support import chromium, chromium_missing


def require_chromium() -> None:
    missing = chromium_missing()
    if missing:
        pytest.fail(missing)


def deployed_base(site: Path) -> str:
    """The site_url the site was built for, read from the home page's canonical link."""
    canonical = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").find(
        "link", rel="canonical"
    )
    return canonical["href"].rsplit("/", 1)[0] + "/"


def browser_session_for(built_site: Path) -> Iterator[Session]:
    require_chromium()
    deployed = deployed_base(built_site)
    with serve(built_site, urlsplit(deployed).path) as local, chromium() as browser:
        yield Session(browser, local, deployed)


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
            route.fulfill(response=route.fetch(url=self.local + url[len(self.deployed) :]))
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
