"""MkDocs hook: the installable, offline handbook (the logic is in `scripts.offline`).

- every page gets its locale's manifest link, theme colour and touch icon;
- after the whole site is written (the per-locale search indexes and sitemaps included: this
  runs after `locale_search` and `language_signals`, at priority -300), each locale root gets a
  `manifest.webmanifest` and a `sw.js` whose precache list is hashed from the files on disk
  (under `mkdocs serve`, a `sw.js` that removes itself: no stale pages while editing).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.offline import LocaleApp, OfflineError, head_tags, locale_root, write_locale_app

SEARCH_INDEX = "search/search_index.json"
SEARCH_WORKERS = "assets/javascripts/workers"
# Material's search worker loads its stemmers with importScripts, so no page names them.
LUNR = "assets/javascripts/lunr"
LUNR_EXTRA = {"ja": ["tinyseg.js"], "th": ["wordcut.js"], "hi": ["wordcut.js"]}

_apps = {}  # locale -> LocaleApp, recorded while each language builds (its config is in force)
_command = {}  # "name": the mkdocs command (under `serve`, no offline copy: pages change on save)


def on_startup(command, dirty):
    _command["name"] = command


def _i18n(config):
    return config.plugins["i18n"]


def _locales(config) -> tuple[list[str], str]:
    i18n = _i18n(config)
    return [language.locale for language in i18n.config.languages], i18n.default_language


def on_post_page(output, page, config):
    locales, default = _locales(config)
    first = page.url.split("/", 1)[0]
    code = first if first in locales and first != default else default
    root = locale_root(code, default)
    short_name = config.extra.get("handbook", {}).get("app_short_name")
    if not short_name:
        raise PluginError(f"mkdocs.yml: locale {code!r} has no extra.handbook.app_short_name (the app's name on a home screen)")
    _apps[code] = LocaleApp(code, root, config.site_name, short_name, config.site_description)
    return output.replace("</head>", head_tags(page.url, root) + "</head>", 1)


def lunr_files(site: Path, root: str) -> list[str]:
    """The stemmer scripts Material's search worker imports for the locale's index."""
    index = site / root / SEARCH_INDEX
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


@event_priority(-300)
def on_post_build(config):
    if _i18n(config).building:
        return  # a nested per-locale build: other locales are not written yet
    locales, default = _locales(config)
    site = Path(config.site_dir)
    roots = [locale_root(code, default) for code in locales]
    try:
        for code in locales:
            app = _apps[code]
            write_locale_app(site, app, roots, lunr_files(site, app.root), search_worker_files(site, app.root),
                             offline=_command.get("name") != "serve")
    except (OfflineError, KeyError) as error:
        raise PluginError(f"offline: {error}") from None
