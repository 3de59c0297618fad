"""One search index per locale, with that language's stemmer.

mkdocs-static-i18n merges every locale into one `search/search_index.json`, so a Norwegian
search would return English pages and use English stemming. After that merge, the index is split
into `<locale>/search/search_index.json` for each locale, and each page's search `base` points
at its locale's root, where Material's search looks for the index. A `search_index.js` twin
serves the same index when the site is opened from disk (file://).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from handbook.locales import locale_of_url, url_prefix

INDEX_PATH = "search/search_index.json"
# lunr.js language codes where they differ from the locale code (Material ships lunr.no.js).
LUNR_LANGUAGE = {"nb": "no", "nn": "no"}
LUNR_SCRIPTS = "assets/javascripts/lunr/min"
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")', re.DOTALL)


def with_search_base(output: str, base: str) -> str:
    return CONFIG_BASE.sub(lambda m: m.group(1) + base + m.group(3), output, count=1)


def split_search_index(site: Path, locales: list[str], default: str, theme_dirs: list[str]) -> None:
    merged = json.loads((site / INDEX_PATH).read_text(encoding="utf-8"))
    for locale in locales:
        lunr = lunr_language(locale, theme_dirs)
        write_index(site, locale, split_index(merged, locale, locales, default, lunr), default)


def lunr_language(locale: str, theme_dirs: list[str]) -> str:
    """The stemmer for a locale: its own if the theme ships it, else its base language's, else English."""
    for code in (LUNR_LANGUAGE.get(locale, locale), locale.split("-")[0].split("_")[0]):
        if code == "en" or any((Path(d) / LUNR_SCRIPTS / f"lunr.{code}.min.js").is_file() for d in theme_dirs):
            return code
    return "en"


def split_index(merged: dict[str, Any], locale: str, locales: list[str], default: str, lunr: str) -> dict[str, Any]:
    """The entries of one locale, with locations relative to that locale's root."""
    prefix = url_prefix(locale, default)
    docs = [
        {**doc, "location": doc["location"][len(prefix) :]}
        for doc in merged["docs"]
        if locale_of_url(doc["location"], locales, default) == locale
    ]
    config = {**merged["config"], "lang": [lunr]}
    return {"config": config, "docs": docs}


def write_index(site: Path, locale: str, index: dict[str, Any], default: str) -> None:
    target = site / url_prefix(locale, default) / INDEX_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    target.write_text(text, encoding="utf-8")
    target.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")


SEARCH_WORKERS = "assets/javascripts/workers"
# Material's search worker loads its stemmers with importScripts, so no page names them.
LUNR = "assets/javascripts/lunr"
LUNR_EXTRA = {"ja": ["tinyseg.js"], "th": ["wordcut.js"], "hi": ["wordcut.js"]}


def lunr_files(site: Path, root: str) -> list[str]:
    """The stemmer scripts Material's search worker imports for the locale's index."""
    index = site / root / INDEX_PATH
    if not index.is_file():
        return []
    langs = [lang for lang in json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if lang != "en"]
    files = [f"{LUNR}/{extra}" for lang in langs for extra in LUNR_EXTRA.get(lang, [])]
    files += [f"{LUNR}/min/lunr.{lang}.min.js" for lang in langs]
    if langs:
        files.append(f"{LUNR}/min/lunr.stemmer.support.min.js")
    if len(langs) > 1:
        files.append(f"{LUNR}/min/lunr.multi.min.js")
    return files


def search_worker_files(site: Path, root: str) -> list[str]:
    """Material's search worker and the stemmers it imports (relative to the worker's own URL)."""
    workers = [p.relative_to(site).as_posix() for p in (site / SEARCH_WORKERS).glob("*.js")]
    return sorted(workers) + lunr_files(site, root)
