"""`new-locale` on a scratch copy of this project: the build accepts the new locale and the
checker reports every page as untranslated, page by page."""

from __future__ import annotations

from tests.helpers import run_check, run_handbook, run_mkdocs_build, scratch_copy


def test_new_locale_builds_and_reports_each_page_untranslated(tmp_path, registry):
    root = scratch_copy(tmp_path / "project")
    added = run_handbook(root, "new-locale", "sv")
    assert added.returncode == 0, added.stdout
    assert "locales: [en, nb, sv]" in (root / "concepts.yml").read_text(encoding="utf-8")
    assert "- locale: sv\n          name: svenska\n" in (root / "mkdocs.yml").read_text(encoding="utf-8")

    checked = run_check(root)
    assert checked.returncode == 1
    reported = [line for line in checked.stdout.splitlines() if line.startswith("sv:")]
    assert reported == [
        f"sv:docs/sv/{page}:1: untranslated: the whole page is the same as docs/en/{page}"
        for page in sorted(registry.pages)
    ]

    built = run_mkdocs_build(root, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / "sv" / "index.html").is_file()


def test_new_locale_refuses_an_existing_or_malformed_locale(tmp_path):
    root = scratch_copy(tmp_path / "project")
    for locale, message in (
        ("nb", "'nb' already exists"),
        ("x y", "is not a locale code"),
        ("zz", "no interface language 'zz'"),
    ):
        result = run_handbook(root, "new-locale", locale)
        assert result.returncode == 1 and message in result.stdout and result.stderr == ""


def test_new_locale_writes_nothing_when_a_source_page_is_missing(tmp_path):
    root = scratch_copy(tmp_path / "project")
    (root / "docs" / "en" / "glossary.md").unlink()
    before = {name: (root / name).read_text(encoding="utf-8") for name in ("concepts.yml", "mkdocs.yml")}
    result = run_handbook(root, "new-locale", "sv")
    assert (result.returncode, result.stderr) == (1, "")
    assert "the default locale lacks glossary.md" in result.stdout
    assert not (root / "docs" / "sv").exists()
    assert before == {name: (root / name).read_text(encoding="utf-8") for name in before}
