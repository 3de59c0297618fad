"""The translation checker inside the build and the live preview (plugin/checker_report.py):
`mkdocs build` stops on its errors with its own lines; `mkdocs serve` keeps serving and shows
them in a banner on the page; a built site never carries the banner."""

from __future__ import annotations

import pytest

from handbook.plugin.checker_report import BANNER_CLASS
from handbook_bench.support import chromium, run_mkdocs_build, serving
from tests.browser import require_chromium
from tests.helpers import edit, line_of, scratch_copy
from tests.test_serve import wait_for

STEPS_NB = "docs/nb/recovery-steps.md"
FORBIDDEN = ("- Å glemme oppfølgingen når problemet er løst.", "- Å be en kollega i frontlinjen om hjelp.")


def test_the_build_stops_on_a_checker_error_with_the_checkers_own_lines(tmp_path):
    root = scratch_copy(tmp_path / "project")
    edit(root, STEPS_NB, *FORBIDDEN)
    result = run_mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    line = line_of(root / STEPS_NB, "frontlinjen")
    assert (
        f"nb:{STEPS_NB}:{line}: forbidden-term: 'frontlinjen' contains 'frontlinje', which is forbidden"
        in result.stderr
    )
    assert "Found 1 error(s) and 0 warning(s) in 18 pages in 2 locales." in result.stderr


def test_a_built_site_never_carries_the_preview_banner(tmp_path):
    """An outdated page is a warning: the build passes, and no page shows the banner `serve` would."""
    root = scratch_copy(tmp_path / "project")
    edit(root, "docs/en/recovery-steps.md", "Log what happened so", "Write down what happened so")
    result = run_mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "nb:docs/nb/recovery-steps.md:4: outdated: warning:" in result.stderr  # the check ran
    pages = list((tmp_path / "site").rglob("*.html"))
    assert pages
    assert not [page for page in pages if BANNER_CLASS in page.read_text(encoding="utf-8")]
    # The status page lists the outdated page, linked, with the changed section's heading.
    status = (tmp_path / "site/nb/translation-status.html").read_text(encoding="utf-8")
    assert '<a href="recovery-steps.html">recovery-steps.md</a>, Utdatert: «5. Følg opp»' in status


@pytest.mark.browser
def test_the_preview_shows_checker_problems_in_a_banner_and_survives_a_translated_anchor(tmp_path):
    require_chromium()
    root = scratch_copy(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(root, log) as base:
        url = base + "nb/recovery-steps.html"
        assert wait_for(url, "Følg opp"), "mkdocs serve did not start"
        edit(root, STEPS_NB, *FORBIDDEN)
        assert wait_for(url, BANNER_CLASS), "no banner after the page was broken"
        forbidden_line = line_of(root / STEPS_NB, "frontlinjen")
        with chromium() as browser:
            page = browser.new_page()
            page.goto(url)
            banner = page.locator(f".{BANNER_CLASS}")
            assert banner.is_visible()
            assert f"line {forbidden_line}: forbidden-term: 'frontlinjen' contains 'frontlinje'" in banner.inner_text()
            assert page.locator("h1").first.is_visible()  # the page itself is still there

        # MkDocs' own anchor validation would abort a strict rebuild and freeze the preview.
        edit(root, STEPS_NB, "{ #step-follow-up }", "{ #steg-folg-opp }")
        assert wait_for(url, "concept-missing: the anchor { #steg-folg-opp } must be { #step-follow-up }")
        anchor_line = line_of(root / STEPS_NB, "#steg-folg-opp")
        assert f"nb:{STEPS_NB}:{anchor_line}: concept-missing" in log.read_text(encoding="utf-8")
        assert "An error happened during the rebuild" not in log.read_text(encoding="utf-8")
