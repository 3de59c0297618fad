"""The Nu HTML checker (vnu.jar, from npm, on Java) finds no error in any page of the built site."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.helpers import PROJECT_ROOT

pytestmark = pytest.mark.java

VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(*paths) -> list[dict]:
    if shutil.which("java") is None or not VNU_JAR.is_file():
        pytest.fail(
            "the Nu HTML checker needs java and node_modules (make test installs node_modules; .ci/run installs java)"
        )
    assert paths, "nothing to validate"
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr  # 1 means it found errors; anything else, it failed
    return json.loads(result.stderr)["messages"]


def test_every_page_is_valid_html(built_site):
    pages = sorted(built_site.rglob("*.html"))
    errors = [f"{m['url'].rsplit('/site', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in run_vnu(*pages)]
    assert errors == []


def test_the_checker_reports_invalid_html(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!doctype html><html lang="en"><title>t</title><input type="checkbox" autocomplete="off">', encoding="utf-8"
    )
    assert any("autocomplete" in m["message"] for m in run_vnu(broken))
