"""MkDocs hook: the site navigation is the registry's page list, so page order lives in one place.

Each nav entry is a file only; MkDocs takes its title from the page's front matter, which is
already in the page's language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.registry import load_registry


def on_config(config):
    registry, problems = load_registry(Path(config.config_file_path).parent)
    if registry is None:
        raise PluginError("\n".join(problem.format() for problem in problems))
    config.nav = list(registry.pages)
    return config
