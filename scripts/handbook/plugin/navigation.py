"""The site navigation, from the registry's page list: pages in a folder form a section.

A handbook of a few pages lists them flat. A large one puts its pages in folders
(`roadblocks/training.md`); each folder becomes a section of the navigation, named in each locale
by the title of its first page (its `index.md` when it has one), so section names need no
translation table of their own. With the theme's `navigation.prune`, a page then carries only the
top-level entries and its own section's pages, not the whole site: page weight and build time per
page stay flat as the handbook grows.
"""

from __future__ import annotations

import posixpath
from typing import Any

from handbook.project import Project

# The nav key of a section before on_nav names it in the page's language: the folder, marked so
# that it cannot be mistaken for a title.
SECTION_KEY = "§{}"


def nav_config(pages: tuple[str, ...]) -> list[Any]:
    """MkDocs' `nav` setting: top-level pages as they are, each folder as a section, in page order
    (the registry lists a folder's pages together)."""
    return _grouped(list(pages), "")


def _grouped(pages: list[str], folder: str) -> list[Any]:
    entries: list[str | tuple[str, list[str]]] = []
    sections: dict[str, list[str]] = {}
    for page in pages:
        rest = page[len(folder) :]
        if "/" not in rest:
            entries.append(page)
            continue
        child = folder + rest.split("/", 1)[0] + "/"
        if child not in sections:
            sections[child] = []
            entries.append((child, sections[child]))
        sections[child].append(page)
    return [
        entry if isinstance(entry, str) else {SECTION_KEY.format(entry[0]): _grouped(entry[1], entry[0])}
        for entry in entries
    ]


def section_title(project: Project, locale: str, folder: str) -> str:
    """A section's name in `locale`: the title of the folder's index page, else of its first page."""
    names = [name for name in project.registry.pages if name.startswith(folder)]
    index = posixpath.join(folder, "index.md")
    for name in ([index] if index in names else []) + names[:1]:
        page = project.page(locale, name)
        title = page.parsed.front_matter.get("title") if page else None
        if isinstance(title, str) and title.strip():
            return title.strip()
    return folder.rstrip("/").rsplit("/", 1)[-1]


def name_sections(items: list[Any], project: Project, locale: str) -> None:
    """Give every section of MkDocs' navigation its name in `locale` (on_nav, per locale)."""
    for item in items:
        if getattr(item, "is_section", False):
            title = str(item.title)
            if title.startswith(SECTION_KEY.format("")):
                item.title = section_title(project, locale, title.removeprefix(SECTION_KEY.format("")))
            name_sections(item.children, project, locale)
