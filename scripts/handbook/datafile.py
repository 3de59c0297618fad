"""YAML data files (`concepts.yml`, `termbase.yml`, front matter) read with the line of every mapping.

Problems must name the line to fix, so the loader records where each mapping and list entry
starts. The lines live in a side map (`Lines`), never inside the data, so code that walks the
data sees exactly what the file says.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from handbook.characters import conflict_markers, conflict_message, invisible_characters, invisible_message
from handbook.problems import ANY_LOCALE, Problem

# libyaml's C parser when PyYAML was built with it (the wheels are), else the pure-Python one.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Lines:
    """The 1-based line where each mapping or list of a parsed document starts, and where each
    key of a mapping and each entry of a list is."""

    starts: dict[int, int] = field(default_factory=dict)  # id(node) -> line
    parts: dict[int, dict[Any, int]] = field(default_factory=dict)  # id(node) -> key or index -> line
    keep: list[object] = field(default_factory=list)  # the nodes, so their ids stay unique

    def note(self, data: object, node: yaml.MappingNode | yaml.SequenceNode) -> None:
        self.starts[id(data)] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            self.parts[id(data)] = {key.value: key.start_mark.line + 1 for key, _ in node.value}
        else:
            self.parts[id(data)] = {index: item.start_mark.line + 1 for index, item in enumerate(node.value)}
        self.keep.append(data)

    def of(self, node: object, default: int = 1) -> int:
        return self.starts.get(id(node), default)

    def part(self, node: object, key: Any, default: int = 1) -> int:
        """The line of a mapping's key, or of a list's entry at an index."""
        return self.parts.get(id(node), {}).get(key, self.of(node, default))


def load_yaml(text: str) -> tuple[Any, Lines]:
    """Parse YAML with a safe loader; also return where each mapping and list starts.

    Raises yaml.YAMLError on bad input."""
    lines = Lines()

    class LineLoader(_SafeLoader):  # type: ignore[valid-type,misc]
        """A safe loader that notes where each mapping and list starts."""

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
        data: dict[Any, Any] = {}
        lines.note(data, node)
        yield data
        data.update(loader.construct_mapping(node))

    def sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> Iterator[list[Any]]:
        data: list[Any] = []
        lines.note(data, node)
        yield data
        data.extend(loader.construct_sequence(node))

    LineLoader.add_constructor("tag:yaml.org,2002:map", mapping)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", sequence)
    return yaml.load(text, Loader=LineLoader), lines  # noqa: S506 - LineLoader is a safe loader


def yaml_error_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return int(mark.line) + 1 if mark else 1


def yaml_error_message(error: yaml.YAMLError, line_offset: int = 0) -> str:
    """The parser's complaint on one line, naming where the broken construct began if elsewhere."""
    message = " ".join(str(getattr(error, "problem", None) or error).split())
    context, problem = getattr(error, "context_mark", None), getattr(error, "problem_mark", None)
    if context and problem and context.line != problem.line:
        where = str(getattr(error, "context", "")).removeprefix("while parsing a ")
        message += f" (in the {where} that starts on line {context.line + 1 + line_offset})"
    return message


def read_data_file(root: Path, name: str, rule: str, keys: str) -> tuple[dict[str, Any] | None, Lines, list[Problem]]:
    """Read a top-level YAML data file that must be a mapping; problems name its line.

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
    except yaml.YAMLError as error:
        return None, Lines(), [problem(yaml_error_line(error), f"invalid YAML: {yaml_error_message(error)}")]
    if not isinstance(data, dict):
        return None, lines, [problem(1, f"{name} must be a mapping with {keys}")]
    return data, lines, hidden
