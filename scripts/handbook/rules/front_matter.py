"""Rule on each page's front matter: valid YAML with a title and a description."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.freshness import RECORD_KEY, recorded_hashes
from handbook.make_forms import stamp_command
from handbook.problems import Problem
from handbook.project import LocalePage, Project

REQUIRED_FRONT_MATTER = ("title", "description")


def check_front_matter(project: Project) -> Iterator[Problem]:
    """Front matter is valid YAML with a non-empty title and description."""
    for locale in project.registry.locales:
        for page in project.pages_of(locale):
            yield from front_matter_problems(page)


def front_matter_problems(page: LocalePage) -> Iterator[Problem]:
    """The problems of one page's front matter (the site build stops on them too)."""
    parsed = page.parsed
    if parsed.front_matter_error:
        yield page.problem(parsed.front_matter_error.line, "front-matter", parsed.front_matter_error.message)
        return
    for key in REQUIRED_FRONT_MATTER:
        value = parsed.front_matter.get(key)
        if not isinstance(value, str) or not value.strip():
            yield page.problem(parsed.front_matter_line(key), "front-matter", f"'{key}' is missing or empty")
    if RECORD_KEY in parsed.front_matter and recorded_hashes(parsed) is None:
        yield page.problem(
            parsed.front_matter_line(RECORD_KEY),
            "front-matter",
            f'\'{RECORD_KEY}\' must be {{source: "<hash>", sections: {{<anchor>: "<hash>"}}}}: '
            f"run `{stamp_command(page.locale, page.name)}` to rewrite it",
        )
