"""One search index per locale, enriched, served to the handbook's own search worker.

mkdocs-static-i18n merges every locale into one `search/search_index.json`, so a Norwegian
search would return English pages and use English stemming. After that merge, the index is split
per locale and enriched (`handbook.search.index`: section names, synonyms, compound parts) into
`<locale>/search/handbook_index.js`; `<locale>/search/search_index.json` (and its `.js` twin for
file://) becomes a stub that tells the worker where that index is. Each page's search `base`
points at its locale's root, and its search worker is the handbook's
(`assets/javascripts/search-worker.js`), which loads the index when the reader first searches.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from handbook.build_cache import kept
from handbook.locales import base_language, locale_of_url, url_prefix
from handbook.plugin.upstream import LUNR_SCRIPTS, merged_search_index
from handbook.search.index import enrich, heading_parents, locale_index, write_locale_index
from handbook.search.index_cache import cache_key
from handbook.search.lunr_index import SNOWBALL_ALGORITHMS
from handbook.search.vocabulary import thesaurus_path
from handbook.termbase import Termbase

# lunr.js language codes where they differ from the locale code (Material ships lunr.no.js).
LUNR_LANGUAGE = {"nb": "no", "nn": "no"}
HANDBOOK_WORKER = "search-worker.js"
# The worker and what it imports (the engine when the reader first searches); it finds the
# locale root as ../../ from its own address.
WORKER_FILES = (
    "assets/javascripts/search-worker.js",
    "assets/javascripts/search-engine.js",
    "assets/javascripts/vendor/lunr.min.js",
)


def write_search_indexes(
    site: Path,
    locales: list[str],
    default: str,
    theme_dirs: list[str],
    termbase: Termbase,
    cache: Path | None,
    *,
    pitfalls: frozenset[str],
) -> None:
    """Split the merged index per locale and write each locale's enriched index and stub (the
    built part kept between builds in the `cache` folder, if any). `pitfalls` are the concepts
    that name what goes wrong (`Registry.pitfall_ids`).

    Reads the built pages (section names), so it runs after every page is written."""
    merged = merged_search_index(site)
    for locale in locales:
        lunr = lunr_language(locale, theme_dirs)
        folder = site / url_prefix(locale, default)
        docs = split_index(merged.docs, locale, locales, default)
        headings = section_headings(folder, docs)
        inputs = [docs, locale, lunr, merged.separator, repr(termbase), sorted(pitfalls), headings]
        key = cache_key(inputs, thesaurus_path(locale))
        build = partial(_enriched_index, docs, locale, folder, termbase, lunr, merged.separator, pitfalls)
        full = kept(cache, locale, key, build)
        write_locale_index(folder, full)


def _enriched_index(
    docs: list[dict[str, Any]],
    locale: str,
    folder: Path,
    termbase: Termbase,
    lunr: str,
    separator: str,
    pitfalls: frozenset[str],
) -> dict[str, Any]:
    return locale_index(enrich(docs, locale, folder, termbase, pitfalls), locale, lunr, separator)


def section_headings(folder: Path, docs: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Each built page's headings and the section each is in: what names a subsection result
    (`enrich`), so a part of the cache key."""
    pages = sorted({doc["location"].split("#")[0] for doc in docs})
    return {
        page: heading_parents(file.read_text(encoding="utf-8")) for page in pages if (file := folder / page).is_file()
    }


def lunr_language(locale: str, theme_dirs: list[str]) -> str:
    """The stemmer for a locale: its own if the theme ships it and the index can be stemmed alike
    at build time, else its base language's, else English."""
    for code in (LUNR_LANGUAGE.get(locale, locale), base_language(locale)):
        shipped = any((Path(d) / LUNR_SCRIPTS / f"lunr.{code}.min.js").is_file() for d in theme_dirs)
        if code == "en" or (shipped and code in SNOWBALL_ALGORITHMS):
            return code
    return "en"


def split_index(merged: list[dict[str, Any]], locale: str, locales: list[str], default: str) -> list[dict[str, Any]]:
    """The entries of one locale, with locations relative to that locale's root."""
    prefix = url_prefix(locale, default)
    return [
        {**doc, "location": doc["location"][len(prefix) :]}
        for doc in merged
        if locale_of_url(doc["location"], locales, default) == locale
    ]


def stemmer_files(locale: str, theme_dirs: list[str]) -> list[str]:
    """The lunr language scripts the worker imports for a locale (none for English)."""
    lunr = lunr_language(locale, theme_dirs)
    return [] if lunr == "en" else [f"{LUNR_SCRIPTS}/lunr.stemmer.support.min.js", f"{LUNR_SCRIPTS}/lunr.{lunr}.min.js"]


def worker_files(locale: str, theme_dirs: list[str]) -> list[str]:
    """Everything the search worker loads: in a locale's own scope, it must all be inside it."""
    return [*WORKER_FILES, *stemmer_files(locale, theme_dirs)]
