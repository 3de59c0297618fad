"""MkDocs hook: one search index per locale, with that language's stemmer, and the handbook's worker.

mkdocs-static-i18n merges every locale into one `search/search_index.json`, so a Norwegian
search returns English pages and uses English stemming. After the plugin has merged the index
(its `on_post_build` runs at priority -100; this runs later), this hook splits it per locale,
enriches each share (`scripts.search_index`: section names, synonyms, compound parts) into
`<locale>/search/handbook_index.js`, and leaves at `<locale>/search/search_index.json` (and its
`.js` twin for file://) only a stub that tells the worker where that index is. Each page's search
`base` points at its locale's root, and its search worker is the handbook's
(`assets/javascripts/search-worker.js`), which loads the index when the reader first searches.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from scripts.search_index import INDEX_FILE, enrich, write_locale_index
from scripts.termbase import load_termbase

INDEX_PATH = "search/search_index.json"
# lunr.js language codes where they differ from the locale code (Material ships lunr.no.js).
LUNR_LANGUAGE = {"nb": "no", "nn": "no"}
LUNR_SCRIPTS = "assets/javascripts/lunr/min"
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")', re.DOTALL)
MATERIAL_WORKER = re.compile(r'("search": "[^"]*assets/javascripts/)workers/search\.[0-9a-f]+\.min\.js(")')
HANDBOOK_WORKER = "search-worker.js"


def _i18n(config):
    return config.plugins["i18n"]


def locale_of(url: str, locales: list[str], default: str) -> str:
    first = url.split("/", 1)[0]
    return first if first in locales and first != default else default


def on_post_page(output, page, config):
    i18n = _i18n(config)
    locales = [language.locale for language in i18n.config.languages]
    locale = locale_of(page.url, locales, i18n.default_language)
    root = "" if locale == i18n.default_language else f"{locale}/"
    base = get_relative_url(root or ".", page.url)
    output = CONFIG_BASE.sub(lambda m: m.group(1) + base + m.group(3), output, count=1)
    return use_handbook_worker(output)


def on_post_template(output, template_name, config):
    """The 404 page is a template, not a page: it searches with the same worker."""
    return use_handbook_worker(output) if template_name == "404.html" else output


def use_handbook_worker(output: str) -> str:
    return MATERIAL_WORKER.sub(lambda m: m.group(1) + HANDBOOK_WORKER + m.group(2), output, count=1)


@event_priority(-200)
def on_post_build(config):
    i18n = _i18n(config)
    if i18n.building:
        return  # a nested per-locale build: the merged index does not exist yet
    site = Path(config.site_dir)
    merged = json.loads((site / INDEX_PATH).read_text(encoding="utf-8"))
    locales = [language.locale for language in i18n.config.languages]
    termbase, _ = load_termbase(Path(config.config_file_path).parent)  # the checker reports its problems
    for locale in locales:
        lunr = lunr_language(locale, config.theme.dirs)
        folder = site if locale == i18n.default_language else site / locale
        docs = split_index(merged, locale, locales, i18n.default_language, lunr)["docs"]
        index_path = INDEX_FILE if locale == i18n.default_language else f"{locale}/{INDEX_FILE}"
        write_locale_index(folder, enrich(docs, locale, folder, termbase), lunr, merged["config"]["separator"], index_path)


def lunr_language(locale: str, theme_dirs: list[str]) -> str:
    """The stemmer for a locale: its own if the theme ships it, else its base language's, else English."""
    for code in (LUNR_LANGUAGE.get(locale, locale), locale.split("-")[0].split("_")[0]):
        if code == "en" or any((Path(d) / LUNR_SCRIPTS / f"lunr.{code}.min.js").is_file() for d in theme_dirs):
            return code
    return "en"


def split_index(merged: dict, locale: str, locales: list[str], default: str, lunr: str) -> dict:
    """The entries of one locale, with locations relative to that locale's root."""
    prefix = "" if locale == default else f"{locale}/"
    docs = [
        {**doc, "location": doc["location"][len(prefix):]}
        for doc in merged["docs"]
        if locale_of(doc["location"], locales, default) == locale
    ]
    config = {**merged["config"], "lang": [lunr]}
    return {"config": config, "docs": docs}
