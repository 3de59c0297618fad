"""`make bench`: timing figures for the checker and the build, printed, never asserted.

Targets live here as figures and ratios, not as timed tests: shared machines are too noisy for
a test to fail on a number. Every figure is measured in this one run, against a baseline from
the same run (the MkDocs build of the same tree).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from handbook.freshness import source_hashes, stamped_text
from handbook.markdown_page import parse_page
from handbook.page_weight import chromium_available, measure, median_bytes, wire_size
from handbook.plugin.offline import WORKER_NAME
from handbook.project import load_project
from handbook.registry import REGISTRY_FILE, Registry, load_registry
from handbook.rules import run_checks
from handbook.site_server import free_port

SCALE_SIZES = (100, 250, 500)
CHECK_REPEATS = 5
BUILD_REPEATS = 3
CONCEPTS_PER_PAGE = 3
RENDER_FILES = ("mkdocs.yml", "overrides", "termbase.yml")
BENCH_SITE_PATH = "/handbook/"
# The baseline: Material and mkdocs-static-i18n as their documentation sets them up, same content.
VANILLA_CONFIG = """site_name: Service recovery handbook
site_url: {site_url}
theme:
  name: material
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
{languages}
markdown_extensions: [admonition, attr_list, md_in_html, toc, pymdownx.details, pymdownx.superfences, pymdownx.tasklist]
"""


def check_seconds(root: Path, repeats: int = CHECK_REPEATS) -> float:
    """Median wall time of a full in-process check of `root` (registry, reading, all rules)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        project, problems = load_project(root)
        assert project is not None, problems
        problems = run_checks(project)
        times.append(time.perf_counter() - start)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise SystemExit(f"bench: {root} does not pass the check:\n" + "\n".join(p.format() for p in errors[:5]))
    return statistics.median(times)


def build_seconds(root: Path, site_url: str, site: Path | None = None, strict: bool = True) -> float:
    """Wall time of one `mkdocs build` of `root` for `site_url` (into `site`, or a scratch folder)."""
    target = site or Path(tempfile.mkdtemp(prefix="bench-site-"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(target)] + (
        ["--strict"] if strict else []
    )
    start = time.perf_counter()
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if site is None:
        shutil.rmtree(target, ignore_errors=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: the build of {root} failed:\n{result.stderr}")
    return elapsed


def registry_of(root: Path) -> Registry:
    registry, problems = load_registry(root)
    if registry is None:
        raise SystemExit("bench: " + "; ".join(problem.format() for problem in problems))
    return registry


def vanilla_project(root: Path, target: Path, site_url: str) -> Path:
    """The same docs with a vanilla Material + static-i18n configuration."""
    registry = registry_of(root)
    languages = "\n".join(
        f"        - {{locale: {code}, name: {code}{', default: true' if code == registry.default_locale else ''}}}"
        for code in registry.locales
    )
    shutil.copytree(root / "docs", target / "docs")
    config = VANILLA_CONFIG.replace("{site_url}", site_url).replace("{languages}", languages)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def generate_tree(source: Path, target: Path, page_count: int) -> Path:
    """A synthetic handbook of `page_count` pages per locale, with this project's render setup."""
    target.mkdir(parents=True)
    for name in RENDER_FILES:
        copy = shutil.copytree if (source / name).is_dir() else shutil.copyfile
        copy(source / name, target / name)
    registry = registry_of(source)
    pages = [synthetic_name(number) for number in range(page_count)]
    concept_lines = [
        f"  - {{id: step-p{number:04d}-{index}, kind: step, page: {page}}}"
        for number, page in enumerate(pages)
        for index in range(CONCEPTS_PER_PAGE)
    ]
    (target / REGISTRY_FILE).write_text(
        f"locales: [{', '.join(registry.locales)}]\nkinds:\n  step: {{prefix: step-, ordered: true}}\n"
        f"pages:\n{''.join(f'  - {page}' + chr(10) for page in pages)}concepts:\n" + "\n".join(concept_lines) + "\n",
        encoding="utf-8",
    )
    for locale in registry.locales:
        (target / "docs" / locale).mkdir(parents=True)
    for number, page in enumerate(pages):
        english = _synthetic_page(registry.default_locale, number)
        (target / "docs" / registry.default_locale / page).write_text(english, encoding="utf-8")
        hashes = source_hashes(parse_page(english))
        for locale in registry.locales[1:]:
            translated = stamped_text(_synthetic_page(locale, number), hashes)
            (target / "docs" / locale / page).write_text(translated, encoding="utf-8")
    return target


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


def synthetic_name(number: int) -> str:
    """A generated page's file: the first is the home page (the offline app starts there)."""
    return "index.md" if number == 0 else f"page-{number:04d}.md"


def _synthetic_page(locale: str, number: int) -> str:
    page, step, intro, text, first, second = SYNTHETIC_WORDS["en" if locale == "en" else "other"]
    link = synthetic_name((number + 1) % 10)
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


def main(root: Path) -> int:
    print(
        f"Benchmark (wall time; check = median of {CHECK_REPEATS} in-process runs; handbook builds = median of "
        f"{BUILD_REPEATS}, interleaved with the vanilla builds; generated trees = one build each)"
    )
    site_url = f"http://127.0.0.1:{free_port()}{BENCH_SITE_PATH}"
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        ours_site, vanilla_site = scratch / "ours-site", scratch / "vanilla-site"
        vanilla = vanilla_project(root, scratch / "vanilla", site_url)
        ours_times, vanilla_times = [], []
        for _ in range(BUILD_REPEATS):
            ours_times.append(build_seconds(root, site_url, ours_site))
            vanilla_times.append(build_seconds(vanilla, site_url, vanilla_site, strict=False))
        ours_build, vanilla_build = statistics.median(ours_times), statistics.median(vanilla_times)
        real_check = check_seconds(root)
        print(
            f"Build: this site {ours_build:.2f} s, vanilla Material + static-i18n {vanilla_build:.2f} s "
            f"(ratio {ours_build / vanilla_build:.2f}x)"
        )
        print(f"Check: {real_check * 1000:.0f} ms = {real_check / ours_build:.1%} of this site's build time")
        print_page_weight(root, site_url, ours_site, vanilla_site)
        print_scale(root, scratch, site_url)
    return 0


def print_page_weight(root: Path, site_url: str, ours_site: Path, vanilla_site: Path) -> None:
    if not chromium_available():
        print("Page weight: skipped (no /usr/bin/chromium; `apt-get install chromium`)")
        return
    registry = registry_of(root)
    stems = [page.removesuffix(".md") for page in registry.pages]
    prefixes = ["" if code == registry.default_locale else f"{code}/" for code in registry.locales]
    ours = measure(ours_site, site_url, [f"{prefix}{stem}.html" for prefix in prefixes for stem in stems])
    vanilla = measure(
        vanilla_site,
        site_url,
        [f"{prefix}{'' if stem == 'index' else stem + '/'}" for prefix in prefixes for stem in stems],
    )
    ratio = median_bytes(ours) / median_bytes(vanilla)
    print(
        f"First load (gzip bytes, median of {len(ours)} pages): this site {median_bytes(ours) / 1024:.1f} KiB, "
        f"vanilla {median_bytes(vanilla) / 1024:.1f} KiB (ratio {ratio:.2f}x); requests to other hosts: "
        f"this site {sum(w.third_party_requests for w in ours)}, "
        f"vanilla {sum(w.third_party_requests for w in vanilla)} "
        "(fonts from Google for vanilla: blocked here, so not in its bytes)"
    )
    for code, prefix in zip(registry.locales, prefixes, strict=True):
        count, size = precache_weight(ours_site, prefix)
        print(
            f"Offline copy of {code!r} (downloaded once, after the first page has loaded): {count} files, "
            f"{size / 1024:.1f} KiB gzip"
        )


def precache_weight(site: Path, root: str) -> tuple[int, int]:
    """Files and gzip bytes a locale's service worker precaches (its list in sw.js)."""
    text = (site / root / WORKER_NAME).read_text(encoding="utf-8")
    listing = re.search(r"^const PRECACHE = (.*);$", text, re.MULTILINE)
    if listing is None:
        raise SystemExit(f"bench: {site / root / WORKER_NAME} has no precache list")
    entries = json.loads(listing.group(1))
    paths = [(site / root / entry["url"]).resolve() for entry in entries]
    types = {".png": "image/png"}
    return len(paths), sum(wire_size(p.read_bytes(), types.get(p.suffix, "text/")) for p in paths)


def print_scale(root: Path, scratch: Path, site_url: str) -> None:
    print(f"{'tree':<28}{'check s':>10}{'build s':>10}{'check/build':>13}{'check ms/page':>15}")
    per_page = []
    for size in SCALE_SIZES:
        tree = generate_tree(root, scratch / f"tree-{size}", size)
        checked, built = check_seconds(tree), build_seconds(tree, site_url)
        locales = len(registry_of(tree).locales)
        _row(f"generated {size} pages x {locales}", checked, built, size * locales)
        per_page.append(checked / (size * locales))
    print(
        f"Scaling: check time per page at {SCALE_SIZES[-1]} vs {SCALE_SIZES[0]} pages: "
        f"{per_page[-1] / per_page[0]:.2f}x "
        "(1.00x is perfectly linear)"
    )


def _row(label: str, checked: float, built: float, pages: int) -> None:
    print(f"{label:<28}{checked:>10.3f}{built:>10.2f}{checked / built:>13.3f}{checked * 1000 / pages:>15.2f}")
