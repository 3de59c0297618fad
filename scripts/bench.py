"""`make bench`: timing figures for the checker and the build, printed, never asserted.

Targets live here as figures and ratios, not as timed tests: shared machines are too noisy for
a test to fail on a number. Every figure is measured in this one run, against a baseline from
the same run (the MkDocs build of the same tree).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.checks import load_content, run_checks
from scripts.registry import REGISTRY_FILE, load_registry

SCALE_SIZES = (100, 250, 500)
CHECK_REPEATS = 5
CONCEPTS_PER_PAGE = 3
RENDER_FILES = ("mkdocs.yml", "overrides")


def check_seconds(root: Path, repeats: int = CHECK_REPEATS) -> float:
    """Median wall time of a full in-process check of `root` (registry, reading, all rules)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        registry, problems = load_registry(root)
        assert registry is not None, problems
        problems = run_checks(load_content(root, registry))
        times.append(time.perf_counter() - start)
        assert not [p for p in problems if p.severity == "error"], problems[:3]
    return statistics.median(times)


def build_seconds(root: Path) -> float:
    """Wall time of one strict `mkdocs build` of `root`."""
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                            cwd=root, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    shutil.rmtree(site, ignore_errors=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: the build of {root} failed:\n{result.stderr}")
    return elapsed


def generate_tree(source: Path, target: Path, page_count: int) -> Path:
    """A synthetic handbook of `page_count` pages per locale, with this project's render setup."""
    target.mkdir(parents=True)
    for name in RENDER_FILES:
        copy = shutil.copytree if (source / name).is_dir() else shutil.copyfile
        copy(source / name, target / name)
    registry, _ = load_registry(source)
    pages = [f"page-{number:04d}.md" for number in range(page_count)]
    concept_lines = [
        f"  - {{id: step-p{number:04d}-{index}, kind: step, page: {page}}}"
        for number, page in enumerate(pages) for index in range(CONCEPTS_PER_PAGE)
    ]
    (target / REGISTRY_FILE).write_text(
        f"locales: [{', '.join(registry.locales)}]\nkinds:\n  step: {{prefix: step-, ordered: true}}\n"
        f"pages:\n{''.join(f'  - {page}' + chr(10) for page in pages)}concepts:\n" + "\n".join(concept_lines) + "\n",
        encoding="utf-8",
    )
    for locale in registry.locales:
        folder = target / "docs" / locale
        folder.mkdir(parents=True)
        for number, page in enumerate(pages):
            (folder / page).write_text(_synthetic_page(locale, number), encoding="utf-8")
    return target


def _synthetic_page(locale: str, number: int) -> str:
    sections = []
    for index in range(CONCEPTS_PER_PAGE):
        sections.append(
            f"## Step {index} ({locale}) {{ #step-p{number:04d}-{index} }}\n\n"
            f"Text for step {index} of page {number} in {locale}, long enough to be a real paragraph.\n\n"
            f"- First point ({locale} {number}).\n- Second point, see [the next page](page-{(number + 1) % 10:04d}.md).\n"
        )
    return (f"---\ntitle: Page {number} {locale}\ndescription: Synthetic page {number} in {locale}.\n---\n\n"
            f"# Page {number} ({locale})\n\nIntroduction in {locale}.\n\n" + "\n".join(sections))


def main(root: Path) -> int:
    print("Benchmark (wall time; check = median of "
          f"{CHECK_REPEATS} in-process runs, build = one strict mkdocs build)")
    real_check, real_build = check_seconds(root), build_seconds(root)
    print(f"{'tree':<28}{'check s':>10}{'build s':>10}{'check/build':>13}{'check ms/page':>15}")
    real_pages = len(load_content(root, load_registry(root)[0]).pages)
    _row("this handbook", real_check, real_build, real_pages)
    per_page = []
    with tempfile.TemporaryDirectory(prefix="bench-tree-") as scratch:
        for size in SCALE_SIZES:
            tree = generate_tree(root, Path(scratch) / f"tree-{size}", size)
            checked, built = check_seconds(tree), build_seconds(tree)
            _row(f"generated {size} pages x 2", checked, built, size * 2)
            per_page.append(checked / (size * 2))
    growth = per_page[-1] / per_page[0]
    print(f"Scaling: check time per page at {SCALE_SIZES[-1]} vs {SCALE_SIZES[0]} pages: {growth:.2f}x "
          "(1.00x is perfectly linear)")
    print(f"Target: check under 1 s on this handbook: {'met' if real_check < 1 else 'NOT met'} ({real_check * 1000:.0f} ms)")
    return 0


def _row(label: str, checked: float, built: float, pages: int) -> None:
    print(f"{label:<28}{checked:>10.3f}{built:>10.2f}{checked / built:>13.3f}{checked * 1000 / pages:>15.2f}")
