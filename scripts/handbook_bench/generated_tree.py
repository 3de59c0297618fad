"""A generated handbook of any size, for the scale figures of `make bench` and `search-bench --scale`.

It has this project's render setup (mkdocs.yml, overrides, termbase) and a registry of its own:
pages in folders, as a large handbook would be organised (ten pages to a section, ten sections
to a part), three concepts per page, and every page translated (and stamped) in each locale, so
that it passes the checker and builds strictly. Extra locales are added the way `new-locale` adds
one, but published rather than drafted.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

from handbook.freshness import source_hashes, stamped_text
from handbook.markdown_page import parse_page
from handbook.new_locale import MKDOCS_FILE, interface_texts, with_mkdocs_language
from handbook.registry import REGISTRY_FILE, Registry, load_registry

RENDER_FILES = (MKDOCS_FILE, "overrides", "termbase.yml")
CONCEPTS_PER_PAGE = 3
PAGES_PER_SECTION = 10
SCALE_EXTRA_LOCALES = ("nn",)  # the benches' generated handbooks have this third locale
SECTIONS_PER_PART = 10

# The words of a generated page: English for the default locale, Norwegian for every other one,
# so that each translation reads as translated to the checker (untranslated text is an error).
SYNTHETIC_WORDS = {
    "en": (
        "Page",
        "Step",
        "Introduction to page {number}.",
        "Text for step {index} of page {number}, long enough to be a real paragraph.",
        "First point of page {number}.",
        "Second point, see [the next page]({link}).",
    ),
    "other": (
        "Side",
        "Trinn",
        "Innledning til side {number}.",
        "Tekst for trinn {index} på side {number}, lang nok til å være et ekte avsnitt.",
        "Første punkt på side {number}.",
        "Andre punkt, se [neste side]({link}).",
    ),
}


def registry_of(root: Path) -> Registry:
    registry, problems = load_registry(root)
    if registry is None:
        raise SystemExit("bench: " + "; ".join(problem.format() for problem in problems))
    return registry


def generate_tree(source: Path, target: Path, page_count: int, extra_locales: tuple[str, ...] = ()) -> Path:
    """A handbook of `page_count` pages per locale: `source`'s locales plus `extra_locales`."""
    target.mkdir(parents=True)
    for name in RENDER_FILES:
        copy = shutil.copytree if (source / name).is_dir() else shutil.copyfile
        copy(source / name, target / name)
    default, *others = registry_of(source).locales
    locales = [default, *others, *extra_locales]
    _add_languages(target, extra_locales)
    pages = [synthetic_name(number) for number in range(page_count)]
    concept_lines = [
        f"  - {{id: step-p{number:04d}-{index}, kind: step, page: {page}}}"
        for number, page in enumerate(pages)
        for index in range(CONCEPTS_PER_PAGE)
    ]
    (target / REGISTRY_FILE).write_text(
        f"locales: [{', '.join(locales)}]\nkinds:\n  step: {{prefix: step-, ordered: true}}\n"
        f"pages:\n{''.join(f'  - {page}' + chr(10) for page in pages)}concepts:\n" + "\n".join(concept_lines) + "\n",
        encoding="utf-8",
    )
    for number, page in enumerate(pages):
        english = _synthetic_page(default, number, page_count)
        _write(target / "docs" / default / page, english)
        hashes = source_hashes(parse_page(english))
        for locale in locales[1:]:
            _write(target / "docs" / locale / page, stamped_text(_synthetic_page(locale, number, page_count), hashes))
    return target


def _add_languages(target: Path, locales: tuple[str, ...]) -> None:
    config = target / MKDOCS_FILE
    text = config.read_text(encoding="utf-8")
    for locale in locales:
        text = with_mkdocs_language(text, locale, interface_texts(text))
    config.write_text(text, encoding="utf-8")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def synthetic_name(number: int) -> str:
    """A generated page's file: the first is the home page (the offline app starts there), the
    others sit in `part-NN/section-NN/`."""
    if number == 0:
        return "index.md"
    part, section = divmod(number // PAGES_PER_SECTION, SECTIONS_PER_PART)
    return f"part-{part:02d}/section-{section:02d}/page-{number:04d}.md"


def _synthetic_page(locale: str, number: int, page_count: int) -> str:
    page, step, intro, text, first, second = SYNTHETIC_WORDS["en" if locale == "en" else "other"]
    here = synthetic_name(number)
    link = posixpath.relpath(synthetic_name((number + 1) % page_count), posixpath.dirname(here) or ".")
    sections = [
        f"## {step} {index} {{ #step-p{number:04d}-{index} }}\n\n"
        f"{text.format(index=index, number=number)}\n\n"
        f"- {first.format(number=number)}\n- {second.format(link=link)}\n"
        for index in range(CONCEPTS_PER_PAGE)
    ]
    return (
        f"---\ntitle: {page} {number}\ndescription: {intro.format(number=number)}\n---\n\n"
        f"# {page} {number}\n\n{intro.format(number=number)}\n\n" + "\n".join(sections)
    )
