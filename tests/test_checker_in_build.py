"""The translation checker inside the build and the live preview (plugin/checker_report.py):
`mkdocs build` stops on its errors with its own lines; `mkdocs serve` keeps serving and shows
them in a banner on the page; a built site never carries the banner."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from handbook.plugin.checker_report import (
    BANNER_CLASS,
    BANNER_TEXTS,
    ENGLISH,
    LABEL_CLASS,
    RULE_SUMMARIES,
    CheckReport,
    with_banner,
)
from handbook.problems import Problem
from handbook.rules import LOADING_RULES, RULES
from handbook_bench.support import chromium, run_mkdocs_build, serving
from tests.browser import require_chromium
from tests.helpers import edit, line_of, scratch_copy
from tests.test_serve import wait_for

STEPS_NB = "docs/nb/recovery-steps.md"
FORBIDDEN = ("- Å glemme oppfølgingen når problemet er løst.", "- Å be en kollega i frontlinjen om hjelp.")
# An English rewording: the Norwegian page becomes outdated, a warning.
REWORDED = (
    "docs/en/recovery-steps.md",
    "- Finding a new problem and not acting on it.",
    "- Finding a new problem and ignoring it.",
)
# In the browser: a banner line's label colours and border, and the page colour behind it.
COLOURS = r"""(line, labelClass) => {
    const label = line.querySelector("." + labelClass), style = getComputedStyle(line);
    let behind = line;
    while (behind && getComputedStyle(behind).backgroundColor.match(/rgba\(.*, 0\)|transparent/)) {
        behind = behind.parentElement;
    }
    return {
        text: getComputedStyle(label).color, label: getComputedStyle(label).backgroundColor,
        border: style.borderLeftColor, page: behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)",
    };
}"""


def test_the_build_stops_on_a_checker_error_with_the_checkers_own_lines(tmp_path):
    root = scratch_copy(tmp_path / "project")
    edit(root, STEPS_NB, *FORBIDDEN)
    result = run_mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    line = line_of(root / STEPS_NB, "frontlinjen")
    assert (
        f"nb:{STEPS_NB}:{line}: forbidden-term: 'frontlinjen' is a form of 'frontlinje', which is forbidden"
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


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two opaque CSS colours, rgb(r, g, b)."""

    def luminance(colour: str) -> float:
        channels = [int(value) / 255 for value in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.browser
def test_the_preview_shows_checker_problems_in_a_banner_and_survives_a_translated_anchor(tmp_path):
    require_chromium()
    root = scratch_copy(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(root, log) as base:
        url = base + "nb/recovery-steps.html"
        assert wait_for(url, "Følg opp"), "mkdocs serve did not start"
        edit(root, STEPS_NB, *FORBIDDEN)
        edit(root, *REWORDED)
        assert wait_for(url, "1 feil og 1 advarsel"), "no banner counting an error and a warning"
        forbidden_line = line_of(root / STEPS_NB, "frontlinjen")
        with chromium() as browser:
            page = browser.new_page()
            page.goto(url)
            banner = page.locator(f".{BANNER_CLASS}")
            assert banner.is_visible()
            title = banner.locator(".admonition-title").inner_text()
            assert title.startswith("Oversettelseskontroll: 1 feil og 1 advarsel"), title
            error, warning = banner.locator(f"li.{BANNER_CLASS}-error"), banner.locator(f"li.{BANNER_CLASS}-warning")
            assert (error.count(), warning.count()) == (1, 1)
            # Each kind says what it is in words, in the page's language, never by its colour alone.
            # ... and what kind of problem it is in the page's language, before the checker's English.
            assert error.inner_text().startswith(
                f"Feil linje {forbidden_line}: Ordet skal ikke brukes, se termlisten. "
                "(forbidden-term: 'frontlinjen' is a form of 'frontlinje'"
            ), error.inner_text()
            assert warning.inner_text().startswith(
                "Advarsel linje 4: Den engelske siden er endret etter at oversettelsen ble stemplet. "
                "(outdated: docs/en/recovery-steps.md changed"
            ), warning.inner_text()
            # The error's line links to the section it is in (the warning's, in the front matter, to none).
            section = error.locator("a").get_attribute("href")
            assert section and section.startswith("#") and page.locator(section).count() == 1, section
            assert warning.locator("a").count() == 0
            page.add_style_tag(content="* { transition: none !important; }")  # colours final at once
            for scheme in ("default", "slate"):
                page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
                colours = {
                    kind: line.evaluate(COLOURS, LABEL_CLASS) for kind, line in (("error", error), ("warning", warning))
                }
                assert colours["error"]["label"] != colours["warning"]["label"], scheme
                assert colours["error"]["border"] != colours["warning"]["border"], scheme
                for kind, found in colours.items():
                    assert contrast(found["text"], found["label"]) >= 4.5, (scheme, kind, found)  # WCAG 1.4.3
                    assert contrast(found["border"], found["page"]) >= 3, (scheme, kind, found)  # WCAG 1.4.11
                axe = Axe().run(page, f".{BANNER_CLASS}", {"runOnly": {"type": "rule", "values": ["color-contrast"]}})
                assert axe.response["violations"] == [], (
                    scheme,
                    [(n["html"], n["failureSummary"]) for v in axe.response["violations"] for n in v["nodes"]],
                )
            assert page.locator("h1").first.is_visible()  # the page itself is still there

        # MkDocs' own anchor validation would abort a strict rebuild and freeze the preview.
        edit(root, STEPS_NB, "{ #step-follow-up }", "{ #steg-folg-opp }")
        assert wait_for(url, "concept-missing: the anchor { #steg-folg-opp } must be { #step-follow-up }")
        anchor_line = line_of(root / STEPS_NB, "#steg-folg-opp")
        assert f"nb:{STEPS_NB}:{anchor_line}: concept-missing" in log.read_text(encoding="utf-8")
        assert "An error happened during the rebuild" not in log.read_text(encoding="utf-8")


def test_every_rule_is_summarised_in_every_banner_language_but_english():
    """Like an error-code registry: each rule ID the checker can emit has its few words in each
    non-English interface language, and nothing is summarised that no rule emits."""
    rule_ids = {rule_id for _, ids in RULES for rule_id in ids} | set(LOADING_RULES)
    for language in set(BANNER_TEXTS) - {ENGLISH}:
        assert set(RULE_SUMMARIES[language]) == rule_ids, language


def test_the_banner_says_what_kind_of_problem_in_the_page_language():
    problem = Problem("docs/nb/steps.md", 7, "nb", "untranslated", "this sentence reads as English")
    report = CheckReport([problem])
    banner = with_banner("<h1>Trinn</h1>", "docs/nb/steps.md", report)
    assert 'linje 7: Teksten er ikke oversatt. (<span lang="en">untranslated: this sentence' in banner, banner
    on_english = Problem("docs/en/steps.md", 7, "en", "untranslated", "this sentence reads as English")
    english = with_banner("<h1>Steps</h1>", "docs/en/steps.md", CheckReport([on_english]))
    assert "line 7: untranslated: this sentence" in english, english  # English needs no summary


def test_a_problems_line_in_the_banner_links_to_its_section():
    content = '<h1 id="trinn">Trinn</h1>\n<p>…</p>\n<h2 data-id="x" id="step-follow-up">Følg opp</h2>\n<p>…</p>'
    problem = Problem("docs/nb/steps.md", 12, "nb", "untranslated", "this sentence reads as English")
    banner = with_banner(content, "docs/nb/steps.md", CheckReport([problem]), heading_lines=[5, 10])
    assert '<a href="#step-follow-up">linje 12</a>: ' in banner, banner
    above = Problem("docs/nb/steps.md", 2, "nb", "front-matter", "the title is missing")
    assert "</strong> linje 2: " in with_banner(content, "docs/nb/steps.md", CheckReport([above]), [5, 10])
    # Headings counted differently in the source and the HTML: no link rather than a wrong one.
    assert "<a href" not in with_banner(content, "docs/nb/steps.md", CheckReport([problem]), [5])
