"""What Lighthouse asked of the page load: a named search dialog, no needless requests, no
render-blocking scripts, no service worker from disk; and its accessibility, best-practices and
SEO scores of 100 (performance is a figure of `handbook_bench.lighthouse`, not a test)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook_bench.lighthouse import LIGHTHOUSE, run_lighthouse
from handbook_bench.site_server import free_port, serve
from handbook_bench.support import run_mkdocs_build
from tests.browser import require_chromium, site_pages
from tests.helpers import PROJECT_ROOT

DIALOG_NAMES = {"en": "Search", "nb": "Søk"}
REGISTER_SPY = """window.__registered = [];
if (navigator.serviceWorker) {
  const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
  navigator.serviceWorker.register = (url, options) => {
    window.__registered.push(String(url));
    return register(url, options);
  };
}"""


def parsed(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_the_search_dialog_is_named_in_the_page_language(built_site):
    for path in site_pages(built_site):
        page = parsed(built_site, path)
        dialog = page.select_one('.md-search[role="dialog"]')
        assert dialog.get("aria-label") == DIALOG_NAMES[page.html["lang"]], path


def test_no_script_blocks_the_first_paint(built_site):
    for path in [*site_pages(built_site), "404.html"]:
        blocking = [s["src"] for s in parsed(built_site, path).find_all("script", src=True) if not s.has_attr("defer")]
        assert blocking == [], path


@pytest.mark.browser
@pytest.mark.parametrize("path", ["index.html", "nb/recovery-steps.html"])
def test_a_page_load_requests_no_sitemap_and_keeps_its_hreflang_links(browser_session, registry, path):
    context = browser_session.browser.new_context()
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(browser_session.local + path)
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if "sitemap" in url] == []
    published = [code for code in registry.locales if code not in registry.drafts]
    hreflang = page.eval_on_selector_all('link[rel="alternate"][hreflang]', "links => links.length")
    assert hreflang == len(published) + 1  # and x-default
    context.close()


@pytest.mark.browser
def test_no_service_worker_is_registered_from_disk(browser_session, built_site):
    context = browser_session.browser.new_context()
    context.add_init_script(REGISTER_SPY)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((built_site / "nb" / "roadblocks.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("window.__registered") == [] and errors == []
    page.goto(browser_session.local + "nb/roadblocks.html")
    page.wait_for_function("window.__registered.length > 0")
    assert page.evaluate("window.__registered") == [browser_session.local + "nb/sw.js"]
    context.close()


@pytest.fixture(scope="module")
def local_build(tmp_path_factory):
    """The site built for the local address it is served from (as deployed: canonical = host)."""
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/handbook/"
    site = tmp_path_factory.mktemp("lighthouse") / "site"
    result = run_mkdocs_build(PROJECT_ROOT, site, env={"SITE_URL": site_url})
    assert result.returncode == 0, result.stderr
    yield site, port
    shutil.rmtree(site, ignore_errors=True)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["index.html", "nb/recovery-steps.html"])
def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(local_build, path):
    if not LIGHTHOUSE.exists():
        pytest.fail(f"{LIGHTHOUSE} is missing: Lighthouse needs node_modules (npm ci)")
    require_chromium()
    site, port = local_build
    with serve(site, "/handbook/", port, compress=True) as base:
        scores = run_lighthouse(base + path)
    assert {name: scores[name] for name in ("accessibility", "best-practices", "seo")} == {
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
    }, scores["failed"]
