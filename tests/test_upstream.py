"""The one module that reads mkdocs-static-i18n's and Material's internals (`handbook.plugin.upstream`)
still reads them: after an upgrade that renames an attribute or changes what the theme writes,
this fails here, naming the adapter, instead of somewhere deep in a build.

One real build of this project runs in this process with a probe plugin that records, on every
page, what the adapter reads and whether Material's raw output (before the handbook plugin edits
it) still has what the adapter finds in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from handbook.locales import built_page
from handbook.plugin import upstream
from handbook.plugin.search_index import HANDBOOK_WORKER
from tests.helpers import PROJECT_ROOT


class Probe(BasePlugin):  # type: ignore[type-arg]
    """Records, per page, the adapter's view of static-i18n and of Material's output."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, bool], dict[str, object]] = {}
        self.merged: upstream.MergedIndex | None = None

    @event_priority(100)  # before the handbook plugin rewrites the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        state = upstream.i18n(config)
        self.seen.setdefault((state.current_language, state.nested), {}).update(
            {
                "base": upstream.with_search_base(output, "BASE") != output,
                "worker": HANDBOOK_WORKER in upstream.with_search_worker(output, HANDBOOK_WORKER),
                "alternates": len(upstream.alternate_links(output)),
            }
        )
        return output

    @event_priority(-150)  # after static-i18n merged the index (-100), before the handbook splits it (-200)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not upstream.i18n(config).nested:
            self.merged = upstream.merged_search_index(Path(config.site_dir))


@pytest.fixture(scope="module")
def probed(tmp_path_factory) -> tuple[Probe, Path]:
    site = tmp_path_factory.mktemp("site")
    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"), site_dir=str(site))
    probe = Probe()
    config.plugins["probe"] = probe
    config = config.plugins.on_config(config)
    build(config)
    return probe, site


def test_the_adapter_reads_static_i18ns_languages_before_any_build(registry):
    state = upstream.i18n(load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml")))
    assert [language.locale for language in state.languages] == list(registry.locales)
    assert state.default_language == registry.default_locale == state.current_language
    assert not state.nested and not state.fallback_to_default
    assert all(language.build for language in state.languages)
    assert all("handbook" in language.extra for language in state.languages if not language.default)


def test_the_adapter_sees_each_locale_built_once_the_others_nested(probed, registry):
    probe, _ = probed
    default = registry.default_locale
    assert set(probe.seen) == {(code, code != default) for code in registry.locales}


def test_materials_page_still_has_the_search_settings_and_alternates_the_adapter_edits(probed, registry):
    probe, _ = probed
    for key, page in probe.seen.items():
        assert page["base"] and page["worker"], key
        assert page["alternates"] == len(registry.locales), key


def test_the_adapter_reads_the_merged_search_index(probed, registry):
    probe, _ = probed
    assert probe.merged is not None and probe.merged.separator
    locations = {doc["location"] for doc in probe.merged.docs}
    assert {built_page(page) for page in registry.pages} <= locations
    translated = {f"{code}/{built_page(page)}" for code in registry.translated_locales for page in registry.pages}
    assert translated <= locations
