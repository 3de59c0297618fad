"""The project read and checked, kept between builds that change nothing the check reads.

Every build checks the whole project before it writes a page: the preview's banner shows the
problems, and a strict build stops on an error. That check (Hunspell loads its dictionaries, the
rules read every sentence) cost more than the rest of what this handbook's build adds to
Material's, yet most builds change none of its inputs. So the project and the check's problems
are kept (`handbook.build_cache`) under a key over all it reads:

- every file under docs/ (its path; a page's content too), the YAML files beside mkdocs.yml
  (the registry, the termbase) and the word lists;
- git's HEAD commit (the freshness rules read the English pages' history) and the project's place;
- the handbook package's own files, the Hunspell dictionaries, Python's version and the versions
  of the libraries the rules use.

`handbook check` (`make check`, CI) never uses it: it always checks anew.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from handbook.build_cache import PICKLE, digest, file_parts, kept, versions
from handbook.locales import DOCS_DIR
from handbook.problems import Problem
from handbook.project import Project, load_project
from handbook.rules import run_checks
from handbook.rules.spelling import WORD_LISTS, dictionary_stamp

CACHE_FOLDER = ".cache/handbook-check"  # under the project's folder (beside mkdocs.yml)
CACHE_NAME = "checked"
PACKAGE = Path(__file__).parent
PACKAGES = ("simplemma", "py3langid", "sentencex", "ruamel.yaml", "jsonschema", "markdown", "pymdown-extensions")
PAGE_SUFFIX = ".md"  # of the files under docs/ read whole; of the others, the check sees only the name


@dataclass(frozen=True)
class Checked:
    """The project (None if its registry is unusable) and what the check found: every rule's
    problems, or the loading problems that stopped it."""

    project: Project | None
    problems: list[Problem]


def checked(root: Path, folder: Path | None) -> Checked:
    """The project under `root` and its problems, kept in `folder` (none: checked anew)."""
    return kept(folder, CACHE_NAME, inputs_key(root), lambda: check(root), PICKLE)


def check(root: Path) -> Checked:
    project, problems = load_project(root)
    return Checked(project, run_checks(project) if project else problems)


def inputs_key(root: Path) -> str:
    """A key that changes whenever anything the check reads may have changed."""
    root = root.resolve()
    docs = root / DOCS_DIR
    found = sorted(docs.rglob("*")) if docs.is_dir() else []
    names = [path.relative_to(root).as_posix() for path in found]
    pages = [path for path in found if path.suffix == PAGE_SUFFIX and path.is_file()]
    data = [*sorted(root.glob("*.y*ml")), *sorted((root / WORD_LISTS).glob("*.txt"))]
    return digest(
        [
            str(root),
            _head(root),
            "\n".join(names),
            *file_parts(pages + data, root),
            *file_parts(sorted(_package_files()), PACKAGE),
            dictionary_stamp(),
            sys.version,
            versions(PACKAGES),
        ]
    )


def _package_files() -> Iterator[Path]:
    return (path for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def _head(root: Path) -> str:
    """git's HEAD commit of the checkout `root` is in ("" outside one, or without git)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
        )
    except OSError:
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
