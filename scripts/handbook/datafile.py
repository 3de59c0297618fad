"""YAML data files (`concepts.yml`, `termbase.yml`) read with the line of every value, and checked
against their JSON Schemas; YAML errors (also a page's front matter's) told on one line.

Problems must name the line to fix, so the files are read with ruamel.yaml's round-trip loader,
whose mappings and lists know where each of their entries starts (`.lc`); `Lines` answers from
that. YAML 1.1 rules, as PyYAML reads them: an unquoted `no` is false, whichever file it is in.
(Front matter itself is read with PyYAML, as MkDocs reads it.) The shape of `concepts.yml` and
`termbase.yml` is their JSON Schema (`handbook/schemas/`, also what an editor uses to complete
and check them); each violation becomes one problem at the line of the value, with the schema's
own `x-message` for that part of the file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from handbook.characters import conflict_markers, conflict_message, invisible_characters, invisible_message
from handbook.problems import ANY_LOCALE, Problem, ProblemAt

if TYPE_CHECKING:
    from jsonschema import ValidationError

SCHEMAS = Path(__file__).with_name("schemas")
MESSAGE = "x-message"  # the schema keyword holding the translator-facing message for its part of a file
STEPS = {"properties": 2, "patternProperties": 2, "additionalProperties": 1, "items": 1}  # schema path -> data


class Lines:
    """The 1-based line where each mapping, list or entry of a parsed document starts."""

    def of(self, node: object, default: int = 1) -> int:
        where = getattr(node, "lc", None)
        return int(where.line) + 1 if where is not None and where.line is not None else default

    def at(self, data: Any, path: Sequence[Any], default: int = 1) -> int:
        """The line of the value at `path` (keys and list indexes) inside `data`."""
        line, node = self.of(data, default), data
        for step in path:
            where: Any = getattr(node, "lc", None)
            try:
                position = where.key(step) if isinstance(node, dict) else where.item(step)
                line, node = int(position[0]) + 1, node[step]
            except (AttributeError, KeyError, IndexError, TypeError):
                break
        return line

    def part(self, node: object, key: Any, default: int = 1) -> int:
        """The line of a mapping's key, or of a list's entry at an index."""
        return self.at(node, [key], self.of(node, default))


def load_yaml(text: str) -> tuple[Any, Lines]:
    """Parse YAML (no tags run, YAML 1.1 booleans as PyYAML reads them); also return its lines.

    Raises YAMLError on bad input."""
    parser = YAML(typ="rt")
    parser.version = (1, 1)
    parser.allow_duplicate_keys = True  # as PyYAML: the last one wins
    return parser.load(text), Lines()


def yaml_error_line(error: Exception) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return int(mark.line) + 1 if mark else 1


def yaml_error_message(error: Exception, line_offset: int = 0) -> str:
    """The parser's complaint on one line (ruamel.yaml's or PyYAML's), naming where the broken
    construct began if elsewhere."""
    message = " ".join(str(getattr(error, "problem", None) or error).split())
    context, problem = getattr(error, "context_mark", None), getattr(error, "problem_mark", None)
    if context and problem and context.line != problem.line:
        where = str(getattr(error, "context", "")).removeprefix("while parsing a ")
        message += f" (in the {where} that starts on line {context.line + 1 + line_offset})"
    return message


def read_data_file(root: Path, name: str, rule: str, keys: str) -> tuple[dict[str, Any] | None, Lines, list[Problem]]:
    """Read a top-level YAML data file that must be a mapping (with `keys`); problems name its line.

    A file with a schema (`schemas/<name>.schema.json`) is also checked against it: no data then.
    A merge conflict is reported at its markers (rule conflict-marker), not as the YAML error it
    causes; an invisible character (rule invisible-character) is reported beside the data, since a
    word or ID that holds one never matches what a page says."""

    def problem(line: int, message: str) -> Problem:
        return Problem(name, line, ANY_LOCALE, rule, message)

    try:
        text = (root / name).read_text(encoding="utf-8")
        numbered = list(enumerate(text.removeprefix("\ufeff").split("\n"), 1))
        markers = conflict_markers([line for _, line in numbered])
        if markers:
            conflicts = [Problem(name, n, ANY_LOCALE, "conflict-marker", conflict_message(m)) for n, m in markers]
            return None, Lines(), conflicts
        hidden = [
            Problem(name, number, ANY_LOCALE, "invisible-character", invisible_message(char, column))
            for number, line in numbered
            for column, char in invisible_characters(line.removesuffix("\r"))
        ]
        data, lines = load_yaml(text)
    except OSError as error:
        return None, Lines(), [problem(1, f"cannot read {name}: {error.strerror or error}")]
    except UnicodeDecodeError:
        return None, Lines(), [problem(1, f"{name} is not valid UTF-8")]
    except YAMLError as error:
        return None, Lines(), [problem(yaml_error_line(error), f"invalid YAML: {yaml_error_message(error)}")]
    if not isinstance(data, dict):
        return None, lines, [problem(1, f"{name} must be a mapping with {keys}")]
    problems = schema_problems(data, lines, name, problem) if (SCHEMAS / schema_file(name)).is_file() else []
    return (data if not problems else None), lines, hidden + problems


def schema_file(name: str) -> str:
    return f"{Path(name).stem}.schema.json"


@cache
def load_schema(name: str) -> dict[str, Any]:
    from jsonschema import Draft202012Validator  # 40 ms: only when a file is read, not when a build reuses the check

    schema: dict[str, Any] = json.loads((SCHEMAS / schema_file(name)).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return schema


def schema_problems(data: Any, lines: Lines, name: str, problem: ProblemAt) -> list[Problem]:
    """One problem per part of the file its schema rejects (several violations inside one part are one mistake)."""
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    found: dict[tuple[str, tuple[Any, ...]], Problem] = {}
    for error in Draft202012Validator(schema).iter_errors(data):
        message, owner = schema_message(schema, error)
        line = lines.at(data, list(error.absolute_path), lines.of(data))
        found.setdefault((message, owner), problem(line, message))
    return sorted(found.values())


def schema_message(schema: dict[str, Any], error: ValidationError) -> tuple[str, tuple[Any, ...]]:
    """The `x-message` of the innermost part of the schema the error is in (for a missing key, that
    key's own), and the data path of that part; `{key}` in it is the part's key in the file."""
    node: Any = schema
    path = list(error.absolute_schema_path)
    data_path, depth = list(error.absolute_path), 0
    message, owner = str(schema.get(MESSAGE, error.message)), tuple[Any, ...]()
    required: Any = error.validator_value
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = next(key for key in required if key not in error.instance)
        path = [*path[:-1], "properties", missing]
        data_path = [*data_path, missing]
    index = 0
    while index < len(path) and path[index] in STEPS and isinstance(node, dict):
        step = STEPS[str(path[index])]
        child = node.get(str(path[index]))
        node = child.get(path[index + 1]) if step == 2 and isinstance(child, dict) else child
        index, depth = index + step, depth + 1
        if isinstance(node, dict) and MESSAGE in node:
            key = str(data_path[depth - 1]) if depth <= len(data_path) else ""
            message, owner = str(node[MESSAGE]).replace("{key}", key), tuple(data_path[:depth])
    return message, owner
