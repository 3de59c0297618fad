"""MkDocs hook: one search index per locale, with that language's stemmer.

mkdocs-static-i18n merges every locale into one `search/search_index.json`, so a Norwegian
search returns English pages and uses English stemming. After the plugin has merged the index
(its `on_post_build` runs at priority -100; this runs later), this hook splits it into
`<locale>/search/search_index.json` for each locale, and points each page's search `base` at
its locale's root, where Material's search looks for the index. A `search_index.js` twin
serves the same index when the site is opened from disk (file://).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

INDEX_PATH = "search/search_index.json"
# lunr.js language codes where they differ from the locale code (Material ships lunr.no.js).
LUNR_LANGUAGE = {"nb": "no", "nn": "no"}
LUNR_SCRIPTS = "assets/javascripts/lunr/min"
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")', re.DOTALL)


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
    return CONFIG_BASE.sub(lambda m: m.group(1) + base + m.group(3), output, count=1)


@event_priority(-200)
def on_post_build(config):
    i18n = _i18n(config)
    if i18n.building:
        return  # a nested per-locale build: the merged index does not exist yet
    site = Path(config.site_dir)
    merged = json.loads((site / INDEX_PATH).read_text(encoding="utf-8"))
    locales = [language.locale for language in i18n.config.languages]
    for locale in locales:
        lunr = lunr_language(locale, config.theme.dirs)
        write_index(site, locale, split_index(merged, locale, locales, i18n.default_language, lunr), i18n.default_language)


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


def write_index(site: Path, locale: str, index: dict, default: str) -> None:
    folder = site if locale == default else site / locale
    target = folder / INDEX_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    target.write_text(text, encoding="utf-8")
    target.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
