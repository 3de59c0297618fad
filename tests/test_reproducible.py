"""Two builds of the same commit are byte-for-byte identical (dates come from git, not the clock).

The second build claims another build date (SOURCE_DATE_EPOCH, which MkDocs uses for its build
date), so anything in the site that depends on when it was built shows up as a difference."""

from __future__ import annotations

from pathlib import Path

from handbook_bench.support import run_mkdocs_build
from tests.helpers import PROJECT_ROOT


def tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_are_identical(built_site, tmp_path):
    again = tmp_path / "again"
    result = run_mkdocs_build(PROJECT_ROOT, again, env={"SOURCE_DATE_EPOCH": "86400"})
    assert result.returncode == 0, result.stderr
    first, second = tree(built_site), tree(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
