"""The project read and checked, kept between builds that change nothing the check reads.

Every build checks the whole project before it writes a page: the preview's banner shows the
problems, and a strict build stops on an error. That check (Hunspell loads its dictionaries, the
rules read every sentence) cost more than the rest of what this handbook's build adds to
Material's, yet most builds change none of its inputs. So the project and the check's problems
are kept (`handbook.build_cache`) under a key over all it reads:

- every file under docs/ (its path, following links as MkDocs does; a page's content too), the
  YAML files beside mkdocs.yml (the registry, the termbase), the word lists and the Makefile
  (messages name its `make` commands and default language);
- git's HEAD commit and whether the clone is shallow (the freshness rules read the English
  pages' history), and the project's place;
- the handbook package's own files as this process imported them, Hunspell and its dictionaries,
  Python's version and the versions of the libraries the rules use.

`handbook check` (`make check`, CI) never uses it: it always checks anew.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from handbook.build_cache import PACKAGE, PICKLE, code_digest, digest, file_parts, files_under, kept, versions
from handbook.history import head_state
from handbook.locales import DOCS_DIR
from handbook.make_forms import MAKEFILE
from handbook.problems import Problem
from handbook.project import Project, load_project
from handbook.rules import run_checks
from handbook.rules.spelling import WORD_LISTS, dictionary_stamp

CACHE_FOLDER = ".cache/handbook-check"  # under the project's folder (beside mkdocs.yml)
CACHE_NAME = "checked"
PACKAGES = (
    "simplemma",
    "py3langid",
    "numpy",
    "sentencex",
    "snowballstemmer",
    "confusable-homoglyphs",
    "ruamel.yaml",
    "pyyaml",
    "jsonschema",
    "markdown",
    "pymdown-extensions",
)
PAGE_SUFFIX = ".md"  # of the files under docs/ read whole; of the others, the check sees only the name


@dataclass(frozen=True)
class Checked:
    """The project (None if its registry is unusable) and what the check found: every rule's
    problems, or the loading problems that stopped it."""

    project: Project | None
    problems: list[Problem]


def checked(root: Path, folder: Path | None) -> Checked:
    """The project under `root` and its problems, kept in `folder` (none: checked anew)."""
    if folder is None:
        return check(root)
    return kept(folder, CACHE_NAME, inputs_key(root), lambda: check(root), PICKLE)


def check(root: Path) -> Checked:
    project, problems = load_project(root)
    return Checked(project, run_checks(project) if project else problems)


def inputs_key(root: Path) -> str:
    """A key that changes whenever anything the check reads may have changed."""
    root = root.resolve()
    found = sorted(files_under(root / DOCS_DIR))
    pages = [path for path in found if path.suffix == PAGE_SUFFIX]
    data = [*sorted(root.glob("*.y*ml")), *sorted((root / WORD_LISTS).glob("*.txt"))]
    return digest(
        [
            str(root),
            head_state(root),
            "\n".join(path.relative_to(root).as_posix() for path in found),
            *file_parts(pages + data, root),
            *file_parts([MAKEFILE], MAKEFILE.parent),
            code_digest(PACKAGE),
            dictionary_stamp(),
            sys.version,
            versions(PACKAGES),
        ]
    )


# Computed as the rules are imported, so an edit to them while `serve` runs makes no entry that
# claims the new code but holds the old code's problems.
code_digest(PACKAGE)
