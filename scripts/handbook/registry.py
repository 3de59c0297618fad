"""The concept registry, `concepts.yml`: the one list of locales, pages and concept IDs.

Everything else (the checker, the site's navigation, the tests) reads it from here, so no
concept list is written twice. Loading never raises on bad input: it returns the problems,
each with the registry's path and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.datafile import Lines, read_data_file
from handbook.locales import LOCALE_PATTERN
from handbook.problems import ANY_LOCALE, Problem, ProblemAt

REGISTRY_FILE = "concepts.yml"


@dataclass(frozen=True)
class Kind:
    name: str
    prefix: str
    ordered: bool


@dataclass(frozen=True)
class Concept:
    id: str
    kind: Kind
    page: str
    line: int


@dataclass(frozen=True)
class Registry:
    path: Path
    locales: tuple[str, ...]
    kinds: tuple[Kind, ...]
    pages: tuple[str, ...]
    concepts: tuple[Concept, ...]
    drafts: tuple[str, ...] = ()  # locales being started: warned about, not published to search engines

    @property
    def default_locale(self) -> str:
        return self.locales[0]

    @property
    def translated_locales(self) -> tuple[str, ...]:
        """Every locale but the default: the ones checked against it."""
        return self.locales[1:]

    def concepts_on(self, page: str) -> list[Concept]:
        return [concept for concept in self.concepts if concept.page == page]

    def kind_of_anchor(self, anchor: str) -> Kind | None:
        """The kind whose prefix an anchor carries: such an anchor must be a registered concept."""
        return next((kind for kind in self.kinds if anchor.startswith(kind.prefix)), None)


def load_registry(root: Path) -> tuple[Registry | None, list[Problem]]:
    """Read and validate `concepts.yml` under `root`; the registry is None when unusable."""
    data, lines, problems = read_data_file(root, REGISTRY_FILE, "registry", "locales, kinds, pages and concepts")
    if data is None or problems:  # an invisible character in an ID would break every page
        return None, problems

    def problem(line: int, message: str) -> Problem:
        return Problem(REGISTRY_FILE, line, ANY_LOCALE, "registry", message)

    return _validate(root / REGISTRY_FILE, data, lines, problem)


def _validate(
    path: Path, data: dict[str, Any], lines: Lines, problem: ProblemAt
) -> tuple[Registry | None, list[Problem]]:
    problems: list[Problem] = []
    top = lines.of(data)

    locales = data.get("locales")
    if not (
        isinstance(locales, list)
        and locales
        and all(isinstance(x, str) and re.fullmatch(LOCALE_PATTERN, x) for x in locales)
    ):
        problems.append(
            problem(top, "'locales' must be a non-empty list of locale codes such as en, nb or pt-BR (quote 'no')")
        )
        locales = []
    kinds = _read_kinds(data.get("kinds"), lines, top, problem, problems)
    pages = data.get("pages")
    if not (isinstance(pages, list) and pages and all(isinstance(x, str) and _is_page_path(x) for x in pages)):
        problems.append(problem(top, "'pages' must be a non-empty list of relative .md paths inside the locale folder"))
        pages = None
    for name, values in (("locales", locales), ("pages", pages or [])):
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            problems.append(problem(top, f"'{name}' lists {', '.join(repeated)} more than once"))
    scattered = scattered_folders(pages or [])
    if scattered:
        problems.append(
            problem(
                lines.of(pages, top),
                f"'pages' lists the pages of {', '.join(scattered)} apart: list a folder's pages together "
                "(each folder is a section of the navigation)",
            )
        )
    listed = set(pages) if pages is not None else None
    concepts = _read_concepts(data.get("concepts"), kinds, listed, lines, top, problem, problems)
    drafts = data.get("drafts", [])
    if not (isinstance(drafts, list) and all(x in locales and x != locales[0] for x in drafts)):
        problems.append(
            problem(
                lines.of(drafts, top),
                "'drafts' must list locales of 'locales' other than the default (the languages still being translated)",
            )
        )
    if problems:
        return None, problems
    registry = Registry(path, tuple(locales), tuple(kinds.values()), tuple(pages or ()), tuple(concepts), tuple(drafts))
    return registry, []


def scattered_folders(pages: list[str]) -> list[str]:
    """The folders whose pages are not listed one after another."""
    places: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        parts = page.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            places.setdefault("/".join(parts[:depth]) + "/", []).append(number)
    return sorted(folder for folder, numbers in places.items() if numbers[-1] - numbers[0] + 1 != len(numbers))


def _is_page_path(path: str) -> bool:
    parts = path.split("/")
    return path.endswith(".md") and not path.startswith("/") and ".." not in parts and "" not in parts


def _read_kinds(raw: Any, lines: Lines, top: int, problem: ProblemAt, problems: list[Problem]) -> dict[str, Kind]:
    if not isinstance(raw, dict) or not raw:
        problems.append(problem(top, "'kinds' must map each kind name to {prefix, ordered}"))
        return {}
    kinds: dict[str, Kind] = {}
    for name, spec in raw.items():
        if (
            not isinstance(spec, dict)
            or not isinstance(spec.get("prefix"), str)
            or not isinstance(spec.get("ordered", False), bool)
        ):
            problems.append(
                problem(
                    lines.of(raw), f"kind '{name}' needs a 'prefix' and, if given, 'ordered: true' or 'ordered: false'"
                )
            )
            continue
        kinds[name] = Kind(name, spec["prefix"], bool(spec.get("ordered", False)))
    return kinds


def _read_concepts(
    raw: Any,
    kinds: dict[str, Kind],
    pages: set[str] | None,
    lines: Lines,
    top: int,
    problem: ProblemAt,
    problems: list[Problem],
) -> list[Concept]:
    if not isinstance(raw, list) or not raw:
        problems.append(problem(top, "'concepts' must be a non-empty list"))
        return []
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    for entry in raw:
        line = lines.of(entry, top)
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("id", "kind", "page")):
            problems.append(problem(line, "each concept needs 'id', 'kind' and 'page'"))
            continue
        concept_id, kind_name, page = entry["id"], entry["kind"], entry["page"]
        kind = kinds.get(kind_name)
        if kind is None:
            problems.append(problem(line, f"concept '{concept_id}' has unknown kind '{kind_name}'"))
            continue
        if not concept_id.startswith(kind.prefix):
            problems.append(problem(line, f"concept '{concept_id}' must start with '{kind.prefix}'"))
        if concept_id in seen:
            problems.append(problem(line, f"concept '{concept_id}' is listed twice (first on line {seen[concept_id]})"))
        if pages is not None and page not in pages:
            problems.append(problem(line, f"concept '{concept_id}' is on page '{page}', which 'pages' does not list"))
        seen[concept_id] = line
        concepts.append(Concept(concept_id, kind, page, line))
    return concepts
