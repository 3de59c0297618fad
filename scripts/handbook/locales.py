"""Where each locale's pages live, in the source tree and in the built site.

The default locale is built at the site root and every other locale under `<locale>/`; the
Markdown of every locale lives in `docs/<locale>/`. This module is the one place that spells
those rules out: everything else asks it.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

DOCS_DIR = "docs"
# A locale code as folders and the registry write it: en, nb, pt-BR.
LOCALE_PATTERN = r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?"


def source_folder(locale: str) -> str:
    """The folder of a locale's Markdown, relative to the project root."""
    return f"{DOCS_DIR}/{locale}"


def source_path(locale: str, page: str) -> str:
    """A page's Markdown file, relative to the project root."""
    return f"{DOCS_DIR}/{locale}/{page}"


def source_parts(path: str) -> tuple[str, str] | None:
    """The locale and the page of a `source_path` (docs/nb/roadblocks.md -> nb, roadblocks.md);
    None for a path outside the locale folders."""
    parts = path.split("/", 2)
    return (parts[1], parts[2]) if len(parts) == 3 and parts[0] == DOCS_DIR else None


def is_locale_code(name: str) -> bool:
    return re.fullmatch(LOCALE_PATTERN, name) is not None


def url_prefix(locale: str, default: str) -> str:
    """The site path of a locale's root: '' for the default locale, 'nb/' for the others."""
    return "" if locale == default else f"{locale}/"


def built_page(page: str) -> str:
    """The HTML file MkDocs writes for a Markdown page (the site uses .html URLs)."""
    return page.removesuffix(".md") + ".html"


def page_url(site_url: str, locale: str, default: str, page: str) -> str:
    """The absolute URL of a page of a locale."""
    return urljoin(site_url, url_prefix(locale, default) + built_page(page))


def locale_of_url(url: str, locales: list[str] | tuple[str, ...], default: str) -> str:
    """The locale a site-relative URL belongs to."""
    first = url.split("/", 1)[0]
    return first if first in locales and first != default else default


def base_language(locale: str) -> str:
    """The language of a locale code without its region: nb for nb, pt for pt-BR or pt_BR."""
    return locale.split("-")[0].split("_")[0]
