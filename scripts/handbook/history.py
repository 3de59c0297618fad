"""Earlier revisions of a page from git history, found by content hash.

Used by `diff`: a translation records only a hash of the English page it translates, so the
English text of that revision is found by hashing the page's past versions.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from handbook.freshness import source_hashes
from handbook.locales import DOCS_DIR
from handbook.markdown_page import parse_page


class HistoryError(Exception):
    """git could not answer: it is missing, this is not a checkout, or the command failed."""


def _git(root: Path, *args: str) -> str:
    try:
        # Paths relative to `root` (it may be a subfolder of the repository), unquoted, in UTF-8.
        result = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotePath=false", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError as error:
        raise HistoryError(f"cannot run git: {error.strerror}") from error
    if result.returncode != 0:
        raise HistoryError(result.stderr.strip() or f"git {args[0]} failed")
    return result.stdout


# (root, path, page hash) -> (commit, text) found: the check, `status` and the status page ask for
# the same revisions in one run, and a commit's text never changes.
_FOUND: dict[tuple[str, str, str], tuple[str, str]] = {}


def find_revision(root: Path, path: str, page_hash: str) -> tuple[str, str] | None:
    """The newest committed (commit, text) of `path` whose page hash is `page_hash`."""
    key = (str(root.resolve()), path, page_hash)
    if key in _FOUND:
        return _FOUND[key]
    for commit in _git(root, "log", "--format=%H", "--", path).split():
        text = _git(root, "show", f"{commit}:./{path}")
        if source_hashes(parse_page(text)).page == page_hash:
            _FOUND[key] = commit, text
            return commit, text
    return None


def last_commit_dates(root: Path, folder: str = DOCS_DIR) -> dict[str, str]:
    """The ISO date of the last commit that touched each file under `folder`, in one git call."""
    dates: dict[str, str] = {}
    date = None
    for line in _git(root, "log", "--format=\x01%cs", "--name-only", "--relative", "--", folder).splitlines():
        if line.startswith("\x01"):
            date = line[1:]
        elif line and date:
            dates.setdefault(line, date)  # the log runs newest first
    return dates


def head_state(root: Path) -> str:
    """The HEAD commit of the checkout `root` is in and whether the clone is shallow ("" outside
    one, or without git): what the history the rules read depends on."""
    try:
        return _git(root, "rev-parse", "HEAD", "--is-shallow-repository").strip()
    except HistoryError:
        return ""
