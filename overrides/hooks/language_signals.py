"""MkDocs hook: correct language signals for search engines and for the theme.

- every page's `<link rel="alternate" hreflang>` links are absolute, plus an `x-default`;
- `sitemap.xml` lists every page of every locale with the same alternates, dated from git
  (not the clock, so two builds of one commit are identical), and each locale folder gets its
  own `sitemap.xml` (the theme's language switcher looks for one beside each alternate link);
- the root `404.html` (the only one GitHub Pages serves) is the default locale's, not whichever
  locale happened to build last; its template switches to the reader's locale by URL path.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from mkdocs.plugins import event_priority

from scripts.history import HistoryError, last_commit_dates
from scripts.registry import load_registry

ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">\n?')
SITEMAP = "sitemap.xml"
NOT_FOUND = "404.html"

_default_404 = {}  # the default locale's rendering of 404.html, kept for the whole build


def _i18n(config):
    return config.plugins["i18n"]


def on_post_page(output, page, config):
    return absolute_alternates(output, page.canonical_url, _i18n(config).default_language) if page.canonical_url else output


def on_post_template(output, template_name, config):
    if template_name != NOT_FOUND:
        return output
    i18n = _i18n(config)
    if i18n.current_language == i18n.default_language:
        _default_404["html"] = absolute_alternates(output, config.site_url, i18n.default_language)
    return _default_404.get("html", output)


def absolute_alternates(output: str, base_url: str, default: str) -> str:
    """The page with absolute hreflang links, plus x-default pointing at the default locale."""
    links = ALTERNATE_LINK.findall(output)
    if not links:
        return output
    absolute = [(urljoin(base_url, href), lang) for href, lang in links]
    absolute += [(href, "x-default") for href, lang in absolute if lang == default]
    tags = "".join(f'    <link rel="alternate" hreflang="{lang}" href="{href}">\n' for href, lang in absolute)
    first = ALTERNATE_LINK.search(output)
    return output[: first.start()] + tags + ALTERNATE_LINK.sub("", output[first.start():])


@event_priority(-200)
def on_post_build(config):
    i18n = _i18n(config)
    if i18n.building:
        return
    root = Path(config.config_file_path).parent
    registry, _ = load_registry(root)
    site = Path(config.site_dir)
    entries = sitemap_entries(root, registry, config.site_url)
    write_sitemap(site / SITEMAP, entries)
    for locale in registry.locales[1:]:
        write_sitemap(site / locale / SITEMAP, [entry for entry in entries if entry["locale"] == locale])


def page_url(site_url: str, locale: str, default: str, page: str) -> str:
    prefix = "" if locale == default else f"{locale}/"
    return urljoin(site_url, prefix + page.removesuffix(".md") + ".html")


def sitemap_entries(root: Path, registry, site_url: str) -> list[dict]:
    try:
        dates = last_commit_dates(root)
    except HistoryError:
        dates = {}
    entries = []
    for page in registry.pages:
        alternates = {locale: page_url(site_url, locale, registry.default_locale, page) for locale in registry.locales}
        alternates["x-default"] = alternates[registry.default_locale]
        for locale in registry.locales:
            entries.append({
                "locale": locale, "loc": alternates[locale], "alternates": alternates,
                "lastmod": dates.get(f"docs/{locale}/{page}"),
            })
    return entries


def write_sitemap(path: Path, entries: list[dict]) -> None:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for entry in entries:
        lines.append(f"  <url>\n    <loc>{escape(entry['loc'])}</loc>")
        if entry["lastmod"]:
            lines.append(f"    <lastmod>{entry['lastmod']}</lastmod>")
        lines += [f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(href)}"/>'
                  for lang, href in entry["alternates"].items()]
        lines.append("  </url>")
    lines.append("</urlset>\n")
    data = "\n".join(lines).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.with_suffix(".xml.gz").write_bytes(gzip.compress(data, mtime=0))
