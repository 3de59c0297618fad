"""Everything the handbook plugin reads from mkdocs-static-i18n and Material, in one place.

Neither plugin offers an API for what the handbook needs: static-i18n's build state (the locale
being built, whether this is one of the per-locale builds it runs from its own `on_post_build`,
its languages) lives in plugin attributes, and Material's search settings, search worker, merged
search index and alternate links exist only in the output it writes. Every such read is here,
behind a typed surface, so an upgrade that renames one breaks here, and `tests/test_upstream.py`,
which reads a real loaded configuration, says so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_theme_dir

I18N_PLUGIN = "i18n"  # static-i18n's entry point name in mkdocs.yml
THEME = "material"  # an override includes the theme's own template it adds to as "material/<name>"
# Material's search: the merged index static-i18n assembles, the stemmer scripts the theme ships,
# the page's search settings (`__config`: its `base`) and the worker it names there.
MERGED_INDEX = "search/search_index.json"
LUNR_SCRIPTS = "assets/javascripts/lunr/min"
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")', re.DOTALL)
SEARCH_WORKER = re.compile(r'("search": ")([^"]*)(assets/javascripts/)workers/search\.[0-9a-f]+\.min\.js(")')
# The `<link rel="alternate" hreflang>` tags Material writes from static-i18n's `extra.alternate`.
ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">\n?')


@dataclass(frozen=True)
class Language:
    """One language of static-i18n's `languages` list."""

    locale: str
    name: str
    build: bool
    default: bool
    extra: Mapping[str, Any]  # its own `extra` (the interface texts under `handbook`)


@dataclass(frozen=True)
class I18n:
    """static-i18n's state during a build."""

    current_language: str  # the locale this (top-level or nested) build renders
    nested: bool  # one of the per-locale builds static-i18n runs after the default one
    default_language: str
    languages: tuple[Language, ...]
    fallback_to_default: bool


def i18n(config: MkDocsConfig) -> I18n:
    """static-i18n's state now; a clear error if the plugin is not configured."""
    plugin: Any = config.plugins.get(I18N_PLUGIN)
    if plugin is None:
        raise PluginError("handbook: the i18n plugin (mkdocs-static-i18n) is not configured in mkdocs.yml")
    languages = tuple(
        Language(str(lang.locale), str(lang.name), bool(lang.build), bool(lang.default), dict(lang.extra or {}))
        for lang in plugin.config.languages
    )
    default = str(plugin.default_language)
    current = plugin.current_language  # None until static-i18n's own on_config (priority -100) ran
    return I18n(
        current_language=str(current or default),
        nested=bool(plugin.building),
        default_language=default,
        languages=languages,
        fallback_to_default=bool(plugin.config.fallback_to_default),
    )


@dataclass(frozen=True)
class MergedIndex:
    """Material's search index, every locale's entries merged by static-i18n."""

    separator: str
    docs: list[dict[str, Any]]


def with_theme_originals(env: jinja2.Environment) -> jinja2.Environment:
    """Templates can include Material's own version of a template they override, as
    `material/partials/….html`, and add to it instead of keeping a copy of it."""
    assert env.loader is not None
    originals = jinja2.PrefixLoader({THEME: jinja2.FileSystemLoader(get_theme_dir(THEME))})
    env.loader = jinja2.ChoiceLoader([env.loader, originals])
    return env


def merged_search_index(site: Path) -> MergedIndex:
    merged = json.loads((site / MERGED_INDEX).read_text(encoding="utf-8"))
    return MergedIndex(str(merged["config"]["separator"]), list(merged["docs"]))


def with_search_base(output: str, base: str) -> str:
    """The page with Material's search `base` (where the worker finds the index) set to `base`."""
    return CONFIG_BASE.sub(lambda m: m.group(1) + base + m.group(3), output, count=1)


def with_search_worker(output: str, worker: str, to_root: str | None = None) -> str:
    """The page with Material's search worker replaced by `worker` (in its `assets/javascripts/`),
    at `to_root` (the page's relative URL to the folder holding that `assets/`) if given."""

    def replace(m: re.Match[str]) -> str:
        return m.group(1) + (m.group(2) if to_root is None else to_root) + m.group(3) + worker + m.group(4)

    return SEARCH_WORKER.sub(replace, output, count=1)


def alternate_links(output: str) -> list[tuple[str, str]]:
    """The page's alternate links, as (href, hreflang)."""
    return ALTERNATE_LINK.findall(output)
