"""The Nu HTML checker (vnu.jar, from npm, on Java) finds no error in any page of the built site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from handbook.plugin.markup import drop_checkbox_autocomplete
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


def test_the_plugin_removes_what_the_checker_reports_on_the_themes_toggles(built_site, tmp_path):
    """Material writes `autocomplete="off"` on its drawer and search checkboxes; the checker reports it,
    and the plugin's fix makes the same page valid (so the fix is still needed, and the checker is live)."""
    built = (built_site / "index.html").read_text(encoding="utf-8")
    as_the_theme_writes_it = re.sub(
        r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*)>', r'\1 autocomplete="off">', built
    )
    assert as_the_theme_writes_it != built
    raw, fixed = tmp_path / "raw.html", tmp_path / "fixed.html"
    raw.write_text(as_the_theme_writes_it, encoding="utf-8")
    fixed.write_text(drop_checkbox_autocomplete(as_the_theme_writes_it), encoding="utf-8")
    assert any("autocomplete" in m["message"] for m in run_vnu(raw))
    assert run_vnu(fixed) == []
