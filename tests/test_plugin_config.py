"""The plugin's refusals of a configuration that would build a wrong site, in this process: the
configuration is loaded and every plugin's `on_config` runs, as at the start of `mkdocs build`,
in milliseconds (the real builds elsewhere prove the refusal stops `mkdocs build`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from tests.helpers import edit, scratch_copy


def configure(root: Path) -> MkDocsConfig:
    """`mkdocs.yml` of the project at `root`, loaded and configured by every plugin."""
    config = load_config(config_file=str(root / "mkdocs.yml"))
    return config.plugins.on_config(config)


@pytest.fixture
def project(tmp_path) -> Path:
    return scratch_copy(tmp_path / "project")


def test_this_projects_configuration_is_accepted(project):
    config = configure(project)
    assert config.extra["not_found"]["nb"]["title"]  # the 404 page's texts per locale


@pytest.mark.parametrize(
    "path, old, new, message",
    [
        (
            "concepts.yml",
            "locales: [en, nb]",
            "locales: [en]",
            "mkdocs.yml: the i18n languages (en, nb) must be the locales of concepts.yml (en), in the same order",
        ),
        (
            "mkdocs.yml",
            "              language_column: Språk\n",
            "",
            "mkdocs.yml: language 'nb' lacks the interface texts language_column under extra: handbook:",
        ),
        (
            "mkdocs.yml",
            "fallback_to_default: false",
            "fallback_to_default: true",
            "mkdocs.yml: the i18n plugin's fallback_to_default must be false",
        ),
        (
            "mkdocs.yml",
            "(bokmål)\n          build: true",
            "(bokmål)\n          build: false",
            "mkdocs.yml: every i18n language must have build: true (not: nb)",
        ),
    ],
)
def test_a_configuration_that_would_build_a_wrong_site_is_refused(project, path, old, new, message):
    edit(project, path, old, new)
    with pytest.raises(PluginError) as refused:
        configure(project)
    assert message in str(refused.value)
