"""The handbook on the shop floor: installable, and readable offline after one online visit.

Real Chromium (Debian's, driven by Playwright) against the real build served on 127.0.0.1
(service workers need http://localhost or https). Each test gets a fresh, persistent profile:
Chromium only installs apps from a non-incognito profile.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from handbook.plugin.offline import MANIFEST_NAME, WORKER_NAME
from handbook_bench.site_server import serve
from handbook_bench.support import chromium, run_mkdocs_build
from tests.browser import deployed_base, require_chromium, type_search
from tests.helpers import scratch_copy

pytestmark = pytest.mark.browser

LOCALES = {"en": ("", "customer"), "nb": ("nb/", "kunde")}
NOTICES = {"en": "The handbook is ready to read offline.", "nb": "Håndboken kan nå leses uten nett."}
UPDATE_MARKER = "Ny setning fra den nyeste utgaven."


@pytest.fixture
def served(built_site, tmp_path):
    """The built site copied to a folder the update test may replace, served under its site path."""
    require_chromium()
    folder = tmp_path / "site"
    shutil.copytree(built_site, folder)
    with serve(folder, urlsplit(deployed_base(built_site)).path) as base:
        yield folder, base


@pytest.fixture
def browser(tmp_path):
    """A persistent (installable) Chromium profile of its own."""
    with chromium(profile=tmp_path / "profile") as context:
        yield context


def locale_pages(site: Path, root: str) -> list[str]:
    """Every page of one locale (site-relative), the way a reader reaches them."""
    base = site / root
    pages = [p.relative_to(site).as_posix() for p in base.glob("*.html") if p.name != "404.html"]
    return [*sorted(pages), root or "./"]


def visit_online(context, url: str):
    """Open a page and wait until its locale's worker has precached everything and took control."""
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(url)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    return page


def cached_urls(page) -> list[str]:
    return page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        }
        return urls;
    }""")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_and_search_work_offline_after_one_visit(served, browser, locale):
    site, base = served
    root, query = LOCALES[locale]
    page = visit_online(browser, f"{base}{root}index.html")
    page.wait_for_function(
        "text => document.querySelector('.handbook-offline').textContent === text", arg=NOTICES[locale]
    )
    browser.set_offline(True)
    for path in locale_pages(site, root):
        response = page.goto(base + path)
        assert response is not None and response.ok, path
        assert page.eval_on_selector("html", "html => html.lang") == locale, path
    page.goto(f"{base}{root}roadblocks.html")
    type_search(page, query)
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert links and all(("/nb/" in link) == (locale == "nb") for link in links), links


def test_the_english_worker_never_stores_norwegian_pages(served, browser):
    _site, base = served
    page = visit_online(browser, base + "index.html")
    urls = cached_urls(page)
    assert urls and not [url for url in urls if "/nb/" in url], urls
    browser.set_offline(True)
    with pytest.raises(PlaywrightError):
        page.goto(base + "nb/roadblocks.html")


def test_the_norwegian_worker_wins_under_nb(served, browser):
    _site, base = served
    visit_online(browser, base + "index.html")
    page = visit_online(browser, base + "nb/index.html")
    page.wait_for_function("navigator.serviceWorker.controller.scriptURL.endsWith('/nb/sw.js')", timeout=30_000)
    scopes = page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).map(r => r.scope).sort()")
    assert scopes == [base, base + "nb/"]


@pytest.mark.parametrize("locale", LOCALES)
def test_each_locale_is_installable(served, browser, locale):
    _site, base = served
    root = LOCALES[locale][0]
    page = visit_online(browser, f"{base}{root}index.html")
    cdp = browser.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == f"{base}{root}{MANIFEST_NAME}"
    assert json.loads(manifest["data"])["lang"] == locale


@pytest.fixture(scope="module")
def changed_build(tmp_path_factory) -> Path:
    """A real build of the project with one Norwegian page changed: the next deploy."""
    project = scratch_copy(tmp_path_factory.mktemp("changed") / "project")
    page = project / "docs" / "nb" / "roadblocks.md"
    # Added to the page's last list item, so the page still mirrors its English twin (the build checks it).
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + f" {UPDATE_MARKER}\n", encoding="utf-8")
    site = project / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_a_new_deploy_replaces_the_offline_copy(served, browser, changed_build):
    site, base = served
    page = visit_online(browser, base + "nb/roadblocks.html")
    assert UPDATE_MARKER not in page.content()
    shutil.rmtree(site)
    shutil.copytree(changed_build, site)
    page.reload()
    page.wait_for_function(
        "text => document.querySelector('.handbook-offline').textContent === text",
        arg="Håndboken er oppdatert.",
        timeout=30_000,
    )
    version = (changed_build / "nb" / WORKER_NAME).read_text(encoding="utf-8").split('"')[1]
    page.evaluate("""async () => {
        const worker = (await navigator.serviceWorker.getRegistration()).active;
        while (worker.state !== "activated") await new Promise((done) => worker.addEventListener("statechange", done));
    }""")
    names = page.evaluate("caches.keys()")
    assert len(names) == 1 and names[0].endswith(" " + version), (names, version)
    browser.set_offline(True)
    page.goto(base + "nb/roadblocks.html")
    assert UPDATE_MARKER in page.content()


# Counts the page's attempts to start the offline copy (handbook.js schedules each with setTimeout).
COUNT_DEFERRALS = """
window.__offlineAttempts = 0;
const schedule = window.setTimeout;
window.setTimeout = function (callback, ...rest) {
  if (typeof callback === "function" && callback.name === "registerWhenIdle") window.__offlineAttempts += 1;
  return schedule.call(this, callback, ...rest);
};
"""


def test_the_offline_copy_waits_while_the_reader_searches(served, browser):
    """Thousands of files in a large handbook must not compete with a search for the network."""
    _, base = served
    page = browser.new_page()
    page.add_init_script(COUNT_DEFERRALS)
    page.goto(f"{base}index.html")
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    # the first attempt after the load event, then at least one more that found the reader searching
    page.wait_for_function("window.__offlineAttempts >= 2", timeout=30_000)
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    page.keyboard.press("Escape")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
