"""What a build keeps between builds (handbook/build_cache.py, handbook/checked.py): a build of
unchanged inputs reuses the check, and a change to anything the check reads checks anew."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from handbook import checked as checked_module
from handbook.build_cache import JSON, kept
from handbook.checked import CACHE_FOLDER, CACHE_NAME, checked, inputs_key
from handbook.search import index_cache
from handbook_bench.support import run_mkdocs_build
from tests.helpers import edit, materialize_base, scratch_copy
from tests.test_checker_in_build import FORBIDDEN, STEPS_NB
from tests.test_translation_workflow import git

ENGLISH_STEPS = "docs/en/steps.md"


def _no_check(root: Path) -> checked_module.Checked:
    raise AssertionError("the check ran again")


def test_a_check_of_unchanged_inputs_is_reused(tmp_path, monkeypatch):
    root = materialize_base(tmp_path)
    folder = root / CACHE_FOLDER
    first = checked(root, folder)
    assert first.project is not None
    monkeypatch.setattr(checked_module, "check", _no_check)
    again = checked(root, folder)
    assert [p.format() for p in again.problems] == [p.format() for p in first.problems]
    assert sorted(again.project.pages) == sorted(first.project.pages)
    assert len(list(folder.glob(f"{CACHE_NAME}-*"))) == 1


def _edit_page(root: Path) -> None:
    edit(root, ENGLISH_STEPS, "listening hard.", "listening very hard.")


def _add_image(root: Path) -> None:
    (root / "docs/en/picture.png").write_bytes(b"\x89PNG")  # a link to it stops being broken


def _edit_termbase(root: Path) -> None:
    (root / "termbase.yml").write_text((root / "termbase.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")


def _add_word(root: Path) -> None:
    (root / "words").mkdir(exist_ok=True)
    (root / "words/en.txt").write_text("frobnicate\n", encoding="utf-8")


def _commit(root: Path) -> None:
    git(root, "commit", "-q", "--allow-empty", "-m", "another commit")  # the English pages' history changes


CHANGES: dict[str, Callable[[Path], None]] = {
    "a page": _edit_page,
    "a file beside the pages": _add_image,
    "the termbase": _edit_termbase,
    "a word list": _add_word,
    "git history": _commit,
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_to_anything_the_check_reads_makes_a_new_key(tmp_path, change):
    root = materialize_base(tmp_path)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "start")
    before = inputs_key(root)
    CHANGES[change](root)
    assert inputs_key(root) != before


def test_what_the_check_never_reads_keeps_the_key(tmp_path):
    root = materialize_base(tmp_path)
    before = inputs_key(root)
    (root / "README.md").write_text("notes\n", encoding="utf-8")
    (root / "site").mkdir()
    (root / "site/index.html").write_text("<p>built</p>\n", encoding="utf-8")
    assert inputs_key(root) == before


@pytest.mark.parametrize(
    "owner, key",
    [
        (checked_module, inputs_key),
        # Modules all over the package build the index (the page parser, the registry, the
        # derivations): a change to any of them makes a new key, as it does for the check.
        (index_cache, lambda root: index_cache.cache_key({"docs": []}, None)),
    ],
    ids=["check", "search index"],
)
def test_every_module_of_the_package_is_part_of_the_key(tmp_path, monkeypatch, owner, key):
    assert Path(checked_module.__file__).parent == owner.PACKAGE
    root = materialize_base(tmp_path / "project")
    keys = []
    for version in ("1", "2"):
        package = tmp_path / f"handbook-{version}"
        package.mkdir()
        (package / "markdown_page.py").write_text(f"HEADING = {version}\n", encoding="utf-8")
        monkeypatch.setattr(owner, "PACKAGE", package)
        keys.append(key(root))
    assert keys[0] != keys[1]


def test_the_makefile_is_part_of_the_key(tmp_path, monkeypatch):
    """The freshness messages name `make stamp`, with LOCALE= unless it is the Makefile's default."""
    root = materialize_base(tmp_path / "project")
    makefile = tmp_path / "Makefile"
    monkeypatch.setattr(checked_module, "MAKEFILE", makefile)
    makefile.write_text("LOCALE ?= nb\n", encoding="utf-8")
    before = inputs_key(root)
    makefile.write_text("LOCALE ?= nn\n", encoding="utf-8")
    assert inputs_key(root) != before


def test_a_page_that_cannot_be_read_is_reported_by_the_check_not_by_the_key(tmp_path):
    root = materialize_base(tmp_path)
    (root / "docs/nb/broken.md").symlink_to(root / "docs/nb/gone.md")  # a link to nothing: reading fails
    (root / "docs/en/loop").symlink_to(root / "docs")  # a link to a parent folder
    found = checked(root, root / CACHE_FOLDER)
    assert [problem.format() for problem in found.problems if problem.rule == "unreadable"] == [
        "nb:docs/nb/broken.md:1: unreadable: cannot read the page: No such file or directory"
    ]


def test_an_entry_that_cannot_be_read_is_made_anew(tmp_path):
    folder = tmp_path / "cache"
    assert kept(folder, "en", "k1", lambda: {"terms": 1}, JSON) == {"terms": 1}
    (folder / "en-k1.json").write_text('{"terms": ', encoding="utf-8")  # cut short
    assert kept(folder, "en", "k1", lambda: {"terms": 2}, JSON) == {"terms": 2}
    assert kept(folder, "en", "k2", lambda: {"terms": 3}, JSON) == {"terms": 3}
    assert [path.name for path in folder.iterdir()] == ["en-k2.json"]  # only the newest entry stays


def test_a_folder_that_cannot_be_written_keeps_nothing_and_stops_nothing(tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would be\n", encoding="utf-8")
    assert kept(blocked / "check", "en", "k1", lambda: {"terms": 1}, JSON) == {"terms": 1}


def test_a_build_keeps_its_check_reports_an_edit_and_without_the_cache_keeps_nothing(tmp_path, monkeypatch):
    root = scratch_copy(tmp_path / "project")
    assert run_mkdocs_build(root, tmp_path / "site").returncode == 0
    with monkeypatch.context() as patched:
        patched.setattr(checked_module, "check", _no_check)
        assert checked(root, root / CACHE_FOLDER).problems == []  # the build's entry, under the same key
    edit(root, STEPS_NB, *FORBIDDEN)
    failed = run_mkdocs_build(root, tmp_path / "site")
    assert failed.returncode == 1 and "forbidden-term" in failed.stderr

    fresh = scratch_copy(tmp_path / "fresh")
    assert run_mkdocs_build(fresh, tmp_path / "fresh-site", env={"HANDBOOK_CACHE": "false"}).returncode == 0
    assert not (fresh / ".cache").exists()
