"""Rule on links: every relative link and #anchor resolves to a page and heading of the same locale."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import unquote

from handbook.locales import source_folder
from handbook.problems import Problem
from handbook.project import LocalePage, Project

SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def check_links(project: Project) -> Iterator[Problem]:
    """Every relative link and #anchor resolves to a page and heading of the same locale."""
    for locale in project.registry.locales:
        for page in project.pages_of(locale):
            for link in page.parsed.links:
                message = _broken_link(project, page, link.target)
                if message:
                    yield page.problem(link.line, "link", message)


def _broken_link(project: Project, page: LocalePage, target: str) -> str | None:
    if SCHEME.match(target) or target.startswith("//"):
        return None
    path_part, _, anchor = target.partition("#")
    path_part = unquote(path_part.partition("?")[0])
    if path_part.startswith("/"):
        return f"'{target}' is an absolute path; link to the Markdown file relatively"
    name = _resolve(page.name, path_part) if path_part else page.name
    if name is None:
        return f"'{target}' points outside the locale folder"
    linked = project.page(page.locale, name)
    if linked is None:
        if (project.root / source_folder(page.locale) / name).exists():
            return None  # an image or other asset
        return f"'{target}': no page {name} in {source_folder(page.locale)}/"
    if anchor and anchor not in linked.parsed.anchors():
        return f"'{target}': {name} has no heading with anchor '#{anchor}'"
    return None


def _resolve(from_page: str, relative: str) -> str | None:
    parts: list[str] = []
    for part in (PurePosixPath(from_page).parent / relative).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


