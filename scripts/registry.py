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

import yaml

from scripts.problems import ANY_LOCALE, Problem

REGISTRY_FILE = "concepts.yml"
LOCALE_PATTERN = r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?"


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

    @property
    def default_locale(self) -> str:
        return self.locales[0]

    def concepts_on(self, page: str) -> list[Concept]:
        return [concept for concept in self.concepts if concept.page == page]

    def kind_of_anchor(self, anchor: str) -> Kind | None:
        """The kind whose prefix an anchor carries: such an anchor must be a registered concept."""
        return next((kind for kind in self.kinds if anchor.startswith(kind.prefix)), None)


# libyaml's C parser when PyYAML was built with it (the wheels are), else the pure-Python one.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe YAML loader that records each mapping's line under the key `__line__`."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_yaml_with_lines(text: str) -> Any:
    """Parse YAML; mappings carry `__line__`. Raises yaml.YAMLError on bad input."""
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a safe loader


def yaml_error_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark else 1


def yaml_error_message(error: yaml.YAMLError, line_offset: int = 0) -> str:
    """The parser's complaint on one line, naming where the broken construct began if elsewhere."""
    message = " ".join(str(getattr(error, "problem", None) or error).split())
    context, problem = getattr(error, "context_mark", None), getattr(error, "problem_mark", None)
    if context and problem and context.line != problem.line:
        message += f" (in the {error.context.removeprefix('while parsing a ')} that starts on line {context.line + 1 + line_offset})"
    return message


def read_data_file(root: Path, name: str, rule: str, keys: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read a top-level YAML data file that must be a mapping; problems name its line."""

    def problem(line: int, message: str) -> Problem:
        return Problem(name, line, ANY_LOCALE, rule, message)

    try:
        data = load_yaml_with_lines((root / name).read_text(encoding="utf-8"))
    except OSError as error:
        return None, [problem(1, f"cannot read {name}: {error.strerror or error}")]
    except UnicodeDecodeError:
        return None, [problem(1, f"{name} is not valid UTF-8")]
    except yaml.YAMLError as error:
        return None, [problem(yaml_error_line(error), f"invalid YAML: {yaml_error_message(error)}")]
    if not isinstance(data, dict):
        return None, [problem(1, f"{name} must be a mapping with {keys}")]
    return data, []


def load_registry(root: Path) -> tuple[Registry | None, list[Problem]]:
    """Read and validate `concepts.yml` under `root`; the registry is None when unusable."""
    data, problems = read_data_file(root, REGISTRY_FILE, "registry", "locales, kinds, pages and concepts")
    if data is None:
        return None, problems

    def problem(line: int, message: str) -> Problem:
        return Problem(REGISTRY_FILE, line, ANY_LOCALE, "registry", message)

    return _validate(root / REGISTRY_FILE, data, problem)


def _validate(path: Path, data: dict[str, Any], problem) -> tuple[Registry | None, list[Problem]]:
    problems: list[Problem] = []
    top = data.get("__line__", 1)

    locales = data.get("locales")
    if not (isinstance(locales, list) and locales and all(isinstance(x, str) and re.fullmatch(LOCALE_PATTERN, x) for x in locales)):
        problems.append(problem(top, "'locales' must be a non-empty list of locale codes such as en, nb or pt-BR (quote 'no')"))
        locales = []
    kinds = _read_kinds(data.get("kinds"), top, problem, problems)
    pages = data.get("pages")
    if not (isinstance(pages, list) and pages and all(isinstance(x, str) and _is_page_path(x) for x in pages)):
        problems.append(problem(top, "'pages' must be a non-empty list of relative .md paths inside the locale folder"))
        pages = None
    for name, values in (("locales", locales), ("pages", pages or [])):
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            problems.append(problem(top, f"'{name}' lists {', '.join(repeated)} more than once"))
    concepts = _read_concepts(data.get("concepts"), kinds, set(pages) if pages is not None else None, top, problem, problems)
    if problems:
        return None, problems
    registry = Registry(path, tuple(locales), tuple(kinds.values()), tuple(pages or ()), tuple(concepts))
    return registry, []


def _is_page_path(path: str) -> bool:
    parts = path.split("/")
    return path.endswith(".md") and not path.startswith("/") and ".." not in parts and "" not in parts


def _read_kinds(raw: Any, top: int, problem, problems: list[Problem]) -> dict[str, Kind]:
    if not isinstance(raw, dict) or not set(raw) - {"__line__"}:
        problems.append(problem(top, "'kinds' must map each kind name to {prefix, ordered}"))
        return {}
    kinds: dict[str, Kind] = {}
    for name, spec in raw.items():
        if name == "__line__":
            continue
        if not isinstance(spec, dict) or not isinstance(spec.get("prefix"), str) or not isinstance(spec.get("ordered", False), bool):
            problems.append(problem(raw["__line__"], f"kind '{name}' needs a 'prefix' and, if given, 'ordered: true' or 'ordered: false'"))
            continue
        kinds[name] = Kind(name, spec["prefix"], bool(spec.get("ordered", False)))
    return kinds


def _read_concepts(
    raw: Any, kinds: dict[str, Kind], pages: set[str] | None, top: int, problem, problems: list[Problem]
) -> list[Concept]:
    if not isinstance(raw, list) or not raw:
        problems.append(problem(top, "'concepts' must be a non-empty list"))
        return []
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    for entry in raw:
        line = entry.get("__line__", top) if isinstance(entry, dict) else top
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
