"""The concept registry, `concepts.yml`: the one list of locales, pages and concept IDs.

Everything else (the checker, the site's navigation, the tests) reads it from here, so no
concept list is written twice. Its shape is `schemas/concepts.schema.json`; what a schema cannot
say (duplicates, kinds and pages that must exist) is checked here. Loading never raises on bad
input: it returns the problems, each with the registry's path and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.datafile import Lines, read_data_file
from handbook.problems import ANY_LOCALE, Problem, ProblemAt

REGISTRY_FILE = "concepts.yml"


@dataclass(frozen=True)
class Kind:
    name: str
    prefix: str
    ordered: bool
    pitfall: bool = False  # its concepts name what goes wrong (roadblocks, mistakes)


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

    @property
    def pitfall_ids(self) -> frozenset[str]:
        """The concepts that name what goes wrong (of a kind with `pitfall: true`)."""
        return frozenset(concept.id for concept in self.concepts if concept.kind.pitfall)

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
    """What the schema cannot check, on a file that has the schema's shape."""
    problems: list[Problem] = []
    top = lines.of(data)
    locales, pages, drafts = list(data["locales"]), list(data["pages"]), list(data.get("drafts", []))
    for name, values in (("locales", locales), ("pages", pages)):
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            problems.append(problem(top, f"'{name}' lists {', '.join(repeated)} more than once"))
    scattered = scattered_folders(pages)
    if scattered:
        problems.append(
            problem(
                lines.of(data["pages"], top),
                f"'pages' lists the pages of {', '.join(scattered)} apart: list a folder's pages together "
                "(each folder is a section of the navigation)",
            )
        )
    kinds = {
        name: Kind(name, spec["prefix"], bool(spec.get("ordered", False)), bool(spec.get("pitfall", False)))
        for name, spec in data["kinds"].items()
    }
    concepts = _read_concepts(data["concepts"], kinds, set(pages), lines, problem, problems)
    if not all(x in locales and x != locales[0] for x in drafts):
        problems.append(
            problem(
                lines.of(data.get("drafts"), top),
                "'drafts' must list locales of 'locales' other than the default (the languages still being translated)",
            )
        )
    if problems:
        return None, problems
    registry = Registry(path, tuple(locales), tuple(kinds.values()), tuple(pages), tuple(concepts), tuple(drafts))
    return registry, []


def scattered_folders(pages: list[str]) -> list[str]:
    """The folders whose pages are not listed one after another."""
    places: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        parts = page.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            places.setdefault("/".join(parts[:depth]) + "/", []).append(number)
    return sorted(folder for folder, numbers in places.items() if numbers[-1] - numbers[0] + 1 != len(numbers))


def _read_concepts(
    raw: list[dict[str, Any]],
    kinds: dict[str, Kind],
    pages: set[str],
    lines: Lines,
    problem: ProblemAt,
    problems: list[Problem],
) -> list[Concept]:
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    for entry in raw:
        line = lines.of(entry)
        concept_id, kind_name, page = entry["id"], entry["kind"], entry["page"]
        kind = kinds.get(kind_name)
        if kind is None:
            problems.append(problem(line, f"concept '{concept_id}' has unknown kind '{kind_name}'"))
            continue
        if not concept_id.startswith(kind.prefix):
            problems.append(problem(line, f"concept '{concept_id}' must start with '{kind.prefix}'"))
        if concept_id in seen:
            problems.append(problem(line, f"concept '{concept_id}' is listed twice (first on line {seen[concept_id]})"))
        if page not in pages:
            problems.append(problem(line, f"concept '{concept_id}' is on page '{page}', which 'pages' does not list"))
        seen[concept_id] = line
        concepts.append(Concept(concept_id, kind, page, line))
    return concepts
