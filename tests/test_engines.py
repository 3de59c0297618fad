"""Both engines that read mkdocs.yml, MkDocs and ProperDocs, build the site with --strict: the one under
test (`--engine`) builds it for every other test, this keeps the other one building it too."""

from __future__ import annotations

from handbook_bench.support import ENGINES, Engine, run_mkdocs_build
from tests.helpers import PROJECT_ROOT


def test_the_other_engine_builds_the_site_strictly(tmp_path):
    (other,) = (engine for engine in ENGINES if engine != Engine.name)
    result = run_mkdocs_build(PROJECT_ROOT, tmp_path / "site", engine=other)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "nb" / "index.html").is_file()
