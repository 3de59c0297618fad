"""MkDocs hook: each page's last-updated date, from the git history of its Markdown file.

The date is the last commit that touched the file (not the build date, so rebuilding an old
commit gives the same page), written in the page's language by Babel.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from babel.dates import format_date

from scripts.history import HistoryError, last_commit_dates

_dates = {}  # path -> ISO date, read once per language build


def on_pre_build(config):
    try:
        _dates["all"] = last_commit_dates(Path(config.config_file_path).parent)
    except HistoryError:
        _dates["all"] = {}  # not a git checkout: pages show no date rather than a wrong one


def on_page_markdown(markdown, page, config, files):
    root = Path(config.config_file_path).parent
    iso = _dates["all"].get(Path(page.file.abs_src_path).relative_to(root).as_posix())
    if iso:
        locale = config.plugins["i18n"].current_language.replace("-", "_")
        page.meta["last_updated"] = {"iso": iso, "text": format_date(date.fromisoformat(iso), format="long", locale=locale)}
    return markdown
