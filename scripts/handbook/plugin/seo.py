"""Language signals for search engines and for the theme.

- every page's `<link rel="alternate" hreflang>` links are absolute, plus an `x-default`;
- `sitemap.xml` lists every page of every published locale with the same alternates, dated from
  git (not the clock, so two builds of one commit are identical), and each locale folder gets its
  own `sitemap.xml` (the theme's language switcher looks for one beside each alternate link);
- a draft locale (still being translated) is left out of the sitemaps and the alternates, and
  its pages say `noindex`; the language switcher offers it only on its own pages, under
  `mkdocs serve` and in previews.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import TypedDict
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from handbook.locales import page_url, source_path
from handbook.plugin.upstream import ALTERNATE_LINK
from handbook.registry import Registry

SITEMAP = "sitemap.xml"
NOINDEX = '<meta name="robots" content="noindex">'


class SitemapEntry(TypedDict):
    locale: str
    loc: str
    alternates: dict[str, str]
    lastmod: str | None


def absolute_alternates(output: str, base_url: str, default: str, drafts: tuple[str, ...]) -> str:
    """The page with absolute hreflang links (drafts left out), plus x-default pointing at the default locale."""
    links = ALTERNATE_LINK.findall(output)
    if not links:
        return output
    absolute = [(urljoin(base_url, href), lang) for href, lang in links if lang not in drafts]
    absolute += [(href, "x-default") for href, lang in absolute if lang == default]
    tags = "".join(f'    <link rel="alternate" hreflang="{lang}" href="{href}">\n' for href, lang in absolute)
    first = ALTERNATE_LINK.search(output)
    assert first is not None
    return output[: first.start()] + tags + ALTERNATE_LINK.sub("", output[first.start() :])


def offered_languages(alternates: list[dict[str, str]], drafts: tuple[str, ...]) -> list[dict[str, str]]:
    """The language switcher's entries (Material's `extra.alternate`) without the draft locales."""
    return [alternate for alternate in alternates if alternate.get("lang") not in drafts]


def noindex(output: str) -> str:
    """Keep a draft locale's page out of search engines."""
    return output.replace("<head>", f"<head>\n    {NOINDEX}", 1)


def sitemap_entries(registry: Registry, site_url: str, dates: dict[str, str]) -> list[SitemapEntry]:
    published = [locale for locale in registry.locales if locale not in registry.drafts]
    entries: list[SitemapEntry] = []
    for page in registry.pages:
        alternates = {locale: page_url(site_url, locale, registry.default_locale, page) for locale in published}
        alternates["x-default"] = alternates[registry.default_locale]
        for locale in published:
            lastmod = dates.get(source_path(locale, page))
            entries.append({"locale": locale, "loc": alternates[locale], "alternates": alternates, "lastmod": lastmod})
    return entries


def write_sitemaps(site: Path, registry: Registry, site_url: str, dates: dict[str, str]) -> None:
    entries = sitemap_entries(registry, site_url, dates)
    write_sitemap(site / SITEMAP, entries)
    for locale in registry.translated_locales:
        if locale not in registry.drafts:
            write_sitemap(site / locale / SITEMAP, [entry for entry in entries if entry["locale"] == locale])


def write_sitemap(path: Path, entries: list[SitemapEntry]) -> None:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in entries:
        lines.append(f"  <url>\n    <loc>{escape(entry['loc'])}</loc>")
        if entry["lastmod"]:
            lines.append(f"    <lastmod>{entry['lastmod']}</lastmod>")
        lines += [
            f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(href)}"/>'
            for lang, href in entry["alternates"].items()
        ]
        lines.append("  </url>")
    lines.append("</urlset>\n")
    data = "\n".join(lines).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.with_suffix(".xml.gz").write_bytes(gzip.compress(data, mtime=0))
