"""Reads a workflow file keeping the line of every mapping and string, so that a bad
expression or a malformed job is reported as `file:line: message` instead of a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

Node = dict[str, Any]  # a mapping of the workflow, or a context built for its expressions


class WorkflowError(Exception):
    """Bad input: the message already names the file and line."""


class LocatedStr(str):
    line = 0


class LocatedDict(dict[Any, Any]):
    line = 0


class _Loader(yaml.SafeLoader):
    """Safe YAML whose strings and mappings remember their line."""


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> LocatedStr:
    value = LocatedStr(loader.construct_scalar(node))
    value.line = node.start_mark.line + 1
    return value


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    value = LocatedDict(loader.construct_mapping(node, deep=True))
    value.line = node.start_mark.line + 1
    return value


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def line_of(value: object, fallback: int = 0) -> int:
    return getattr(value, "line", 0) or fallback


def located(path: Path, value: object, message: str, fallback_line: int = 0) -> WorkflowError:
    return WorkflowError(f"{path}:{line_of(value, fallback_line)}: {message}")


def load_workflow(file: Path, path: Path) -> LocatedDict:
    """The workflow in `file` (named `path` in messages) as dicts and strings; `on` is always "on"."""
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise WorkflowError(f"{path}: cannot read the workflow: {error.strerror}") from None
    try:
        data: LocatedDict = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(error, "problem", None) or str(error)
        raise WorkflowError(f"{path}:{line}: not valid YAML: {problem}") from None
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), dict):
        raise located(path, data, "a workflow needs a `jobs:` mapping", 1)
    if True in data:
        data["on"] = data.pop(True)
    return data
