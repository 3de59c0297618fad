"""The plugin's options, declared as MkDocs config options (set under `plugins: - handbook:`)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class HandbookConfig(Config):  # type: ignore[no-untyped-call]
    # Page markers the plugin replaces with generated tables.
    status_marker = c.Type(str, default="<!-- translation-status -->")
    terms_marker = c.Type(str, default="<!-- termbase -->")
    avoid_marker = c.Type(str, default="<!-- termbase-avoid -->")
    # Offer draft locales in the language switcher (as `mkdocs serve` always does): for previews
    # that translators look at, never for the published site.
    preview = c.Type(bool, default=False)
    # Keep the check, the search indexes and the compiled templates between builds, in .cache/
    # beside mkdocs.yml, each under a key over its inputs (handbook.build_cache); off: every build
    # makes them anew.
    cache = c.Type(bool, default=True)
