"""Rule on links: every relative link and #anchor resolves to a page and heading of the same locale."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.locales import source_folder
from handbook.problems import Problem
from handbook.project import LocalePage, Project
from handbook.rules.concepts import missing_in_english
from handbook.rules.structure import heading_fixes
from handbook.targets import EXTERNAL, link_target


def check_links(project: Project) -> Iterator[Problem]:
    """Every relative link and #anchor resolves to a page and heading of the same locale."""
    folded = FoldedAnchors(project)
    for locale in project.registry.locales:
        for page in project.pages_of(locale):
            for link in page.parsed.links:
                message = _broken_link(project, page, link.target, folded)
                if message:
                    yield page.problem(link.line, "link", message)


class FoldedAnchors:
    """Anchors whose absence another rule reports, listing the links that break: a missing concept
    heading, or a translated heading that lost its anchor. Their links are not reported again."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.known: dict[tuple[str, str], set[str]] = {}

    def __contains__(self, where: tuple[str, str, str]) -> bool:
        locale, name, anchor = where
        if (locale, name) not in self.known:
            fixes = {fix.anchor for fix in heading_fixes(self.project, locale, name) if fix.anchor}
            self.known[(locale, name)] = fixes | missing_in_english(self.project, name)
        return anchor in self.known[(locale, name)]


def _broken_link(project: Project, page: LocalePage, target: str, folded: FoldedAnchors) -> str | None:
    if EXTERNAL.match(target):
        return None
    if target.partition("#")[0].startswith("/"):
        return f"'{target}' is an absolute path; link to the Markdown file relatively"
    resolved = link_target(page.name, target)
    if resolved is None:
        return f"'{target}' points outside the locale folder"
    name, anchor = resolved
    linked = project.page(page.locale, name)
    if linked is None:
        if (project.root / source_folder(page.locale) / name).exists():
            return None  # an image or other asset
        return f"'{target}': no page {name} in {source_folder(page.locale)}/"
    if anchor and anchor not in linked.parsed.anchors() and (page.locale, name, anchor) not in folded:
        return f"'{target}': {name} has no heading with anchor '#{anchor}'"
    return None
