"""Each page's last-updated date, from the git history of its Markdown file, in the page's language.

The date is the last commit that touched the file (not the build date, so rebuilding an old
commit gives the same page); a tree outside git shows no date rather than a wrong one.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date

from handbook.history import HistoryError, last_commit_dates


def page_dates(root: Path) -> dict[str, str]:
    """Project-relative path -> ISO date of its last commit."""
    try:
        return last_commit_dates(root)
    except HistoryError:
        return {}


def last_updated(iso: str, locale: str) -> dict[str, str]:
    return {"iso": iso, "text": _long_date(iso, locale)}


@cache  # babel reads the locale's data at each call; a build asks for few distinct dates
def _long_date(iso: str, locale: str) -> str:
    return str(format_date(date.fromisoformat(iso), format="long", locale=locale.replace("-", "_")))
