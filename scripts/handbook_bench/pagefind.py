"""The Pagefind candidate for `search-bench`: the same pages indexed by Pagefind, queried in Chromium.

Pagefind (PyPI `pagefind[bin]`) indexes a copy of this site's build (per language from
`<html lang>`, Snowball stemming, the `<article>` only, generated pages left out) and is queried
through its own JavaScript API in the page, not through Material's search box: it measures the
engine's ranking, not a finished integration. Results are ranked page by page, and within a page
its sub-results (one per heading) best score first, as the search box ranks them.
Only the bench uses this module.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from handbook.locales import built_page
from handbook.search.index import UNSEARCHED_PAGES
from handbook_bench.search_browser import SearchRun, open_page

ROOT_SELECTOR = "article"
RESULT_PAGES = 10
SEARCH = """async ({root, query}) => {
  window.__pagefind = window.__pagefind || await import(root + "pagefind/pagefind.js");
  await window.__pagefind.options({baseUrl: new URL(root).pathname});
  const found = await window.__pagefind.search(query);
  const pages = await Promise.all(found.results.slice(0, RESULT_PAGES).map(result => result.data()));
  const score = sub => (sub.weighted_locations || []).reduce((total, l) => total + l.balanced_score, 0);
  return pages.flatMap(page => page.sub_results.length
    ? [...page.sub_results].sort((a, b) => score(b) - score(a)).map(sub => new URL(sub.url, location.href).href)
    : [new URL(page.url, location.href).href]);
}""".replace("RESULT_PAGES", str(RESULT_PAGES))


def index_site(site: Path, target: Path, locales: list[str], default: str) -> Path:
    """A copy of `site` without the generated pages and the 404 page, indexed by Pagefind."""
    shutil.copytree(site, target)
    for locale in locales:
        folder = target if locale == default else target / locale
        for name in UNSEARCHED_PAGES:
            (folder / built_page(name)).unlink(missing_ok=True)
    (target / "404.html").unlink(missing_ok=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(target), "--root-selector", ROOT_SELECTOR, "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(
            f"search-bench: pagefind failed (pip install 'pagefind[bin]'):\n{result.stderr or result.stdout}"
        )
    return target


def run_pagefind_queries(browser: Any, start_url: str, root_url: str, queries: list[str]) -> SearchRun:
    """Each query through Pagefind's own JavaScript API on the loaded page."""
    loaded = open_page(browser, start_url)
    for number, query in enumerate(queries):
        loaded.run.links[query] = loaded.page.evaluate(SEARCH, {"root": root_url, "query": query})
        if number == 0:
            loaded.count_first_search()
    loaded.context.close()
    return loaded.run
