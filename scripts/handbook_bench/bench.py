"""`make bench`: timing figures for the checker and the build, printed, never asserted.

Targets live here as figures and ratios, not as timed tests: shared machines are too noisy for
a test to fail on a number. Every figure is measured in this one run, against a baseline from
the same run (the MkDocs build of the same tree).
"""

from __future__ import annotations

import compileall
import json
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import handbook
from handbook.locales import url_prefix
from handbook.plugin.offline import WORKER_NAME
from handbook.project import load_project
from handbook.registry import Registry
from handbook.rules import run_checks
from handbook_bench.baseline import BENCH_SITE_PATH, vanilla_project
from handbook_bench.generated_tree import SCALE_EXTRA_LOCALES, generate_tree, registry_of
from handbook_bench.page_weight import PageWeight, measure, median_bytes, wire_size
from handbook_bench.search_bench import print_scale_search
from handbook_bench.site_server import free_port
from handbook_bench.support import chromium_missing, run_mkdocs_build

SCALE_SIZES = (200, 1000, 2000)
VANILLA_SCALE_SIZES = (200, 1000)  # vanilla's build time per page grows with the site: 2,000 would take long
SEARCH_SCALE_SIZE = 1000
CHECK_REPEATS = 5
BUILD_REPEATS = 5
NOTHING_KEPT = {"HANDBOOK_CACHE": "false"}  # the handbook plugin's `cache` option off: a fresh clone's build


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


def build_seconds(
    root: Path, site_url: str, site: Path | None = None, strict: bool = True, env: dict[str, str] | None = None
) -> float:
    """Wall time of one `mkdocs build` of `root` for `site_url` (into `site`, or a scratch folder)."""
    target = site or Path(tempfile.mkdtemp(prefix="bench-site-"))
    start = time.perf_counter()
    result = run_mkdocs_build(root, target, strict=strict, quiet=True, env={"SITE_URL": site_url, **(env or {})})
    elapsed = time.perf_counter() - start
    if site is None:
        shutil.rmtree(target, ignore_errors=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: the build of {root} failed:\n{result.stderr}")
    return elapsed


def main(root: Path) -> int:
    print(
        f"Benchmark (wall time; check = median of {CHECK_REPEATS} in-process runs; handbook builds = median of "
        f"{BUILD_REPEATS}, interleaved with the vanilla builds; generated trees = one build each)"
    )
    compileall.compile_dir(Path(handbook.__file__).parent, quiet=1)  # as a user's first run leaves it
    site_url = f"http://127.0.0.1:{free_port()}{BENCH_SITE_PATH}"
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        ours_site, vanilla_site = scratch / "ours-site", scratch / "vanilla-site"
        vanilla = vanilla_project(root, scratch / "vanilla", site_url)
        build_seconds(root, site_url, ours_site)  # what a build keeps (.cache/) is there, as after any build
        ours_times, vanilla_times, fresh_times = [], [], []
        for _ in range(BUILD_REPEATS):
            ours_times.append(build_seconds(root, site_url, ours_site))
            vanilla_times.append(build_seconds(vanilla, site_url, vanilla_site, strict=False))
            fresh_times.append(build_seconds(root, site_url, ours_site, env=NOTHING_KEPT))
        ours_build, vanilla_build = statistics.median(ours_times), statistics.median(vanilla_times)
        fresh_build = statistics.median(fresh_times)
        real_check = check_seconds(root)
        print(
            f"Build: this site {ours_build:.2f} s, vanilla Material + static-i18n {vanilla_build:.2f} s "
            f"(ratio {ours_build / vanilla_build:.2f}x; the check and the search indexes kept from the last build)"
        )
        print(
            f"Build with nothing kept (HANDBOOK_CACHE=false, as in a fresh clone): this site {fresh_build:.2f} s "
            f"(ratio {fresh_build / vanilla_build:.2f}x)"
        )
        print(
            f"Check (in process, as `make check` runs it): {real_check * 1000:.0f} ms; a build of unchanged "
            "inputs reuses the last build's"
        )
        home = print_page_weight(root, site_url, ours_site, vanilla_site)
        print_scale(root, scratch, site_url, home)
    return 0


def print_page_weight(root: Path, site_url: str, ours_site: Path, vanilla_site: Path) -> list[PageWeight]:
    """Print the first load of every page, this site beside vanilla; return this site's home pages'."""
    missing = chromium_missing()
    if missing:
        print(f"Page weight: skipped ({missing})")
        return []
    registry = registry_of(root)
    stems = [page.removesuffix(".md") for page in registry.pages]
    prefixes = [url_prefix(code, registry.default_locale) for code in registry.locales]
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
            f"Offline copy of {code!r} (downloaded once, after the page has loaded, while the reader is not "
            f"searching): {count} files, "
            f"{size / 1024:.1f} KiB gzip"
        )
    homes = [f"{prefix}index.html" for prefix in prefixes]
    return [next(weight for weight in ours if weight.path == home) for home in homes]


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


def print_scale(root: Path, scratch: Path, site_url: str, home: list[PageWeight]) -> None:
    """Generated handbooks of growing size, three locales: check and build time per page, this site
    beside vanilla; then, on the middle size, page weight and search in Chromium (see
    `handbook_bench.search_bench`)."""
    real = registry_of(root)
    print(
        f"Scale: generated handbooks of {', '.join(map(str, SCALE_SIZES))} pages per locale, "
        f"{len(real.locales) + len(SCALE_EXTRA_LOCALES)} locales (vanilla up to {VANILLA_SCALE_SIZES[-1]})"
    )
    print(
        f"{'pages/locale':<14}{'check s':>9}{'ms/page':>9}{'build s':>9}{'ms/page':>9}{'vanilla s':>11}{'ms/page':>9}"
    )
    per_page: dict[str, dict[int, float]] = {"check": {}, "build": {}, "vanilla": {}}
    searched: list[tuple[str, Path]] = []
    for size in SCALE_SIZES:
        sites = time_scale_builds(root, scratch / f"tree-{size}", site_url, size, per_page)
        if size == SEARCH_SCALE_SIZE:
            searched = sites
        else:
            for _, site in sites:
                shutil.rmtree(site, ignore_errors=True)
    first, last = SCALE_SIZES[0], SCALE_SIZES[-1]
    growth = {name: figures[max(figures)] / figures[first] for name, figures in per_page.items()}
    print(
        f"Time per page at {last} vs {first} pages (1.00x is flat; the goal for the build is 1.20x or less): "
        f"check {growth['check']:.2f}x, build {growth['build']:.2f}x; "
        f"vanilla build at {max(per_page['vanilla'])} pages: {growth['vanilla']:.2f}x"
    )
    if not home or not searched:
        print("Search at scale: skipped (no /usr/bin/chromium)")
        return
    generated = registry_of(scratch / f"tree-{SEARCH_SCALE_SIZE}")
    print_scale_search(searched, site_url, generated, SEARCH_SCALE_SIZE)
    large = dict(zip(generated.locales, measure_home(dict(searched)["this site"], site_url, generated), strict=True))
    print(
        "Home page first load, gzip (the navigation stays the same size): "
        + ", ".join(
            f"{code} {small.bytes / 1024:.1f} KiB with {len(real.pages)} pages, "
            f"{large[code].bytes / 1024:.1f} KiB with {SEARCH_SCALE_SIZE}"
            for code, small in zip(real.locales, home, strict=True)
        )
    )


def time_scale_builds(
    root: Path, tree: Path, site_url: str, size: int, per_page: dict[str, dict[int, float]]
) -> list[tuple[str, Path]]:
    """Generate a handbook of `size` pages per locale at `tree`, check it and build it (and its
    vanilla twin, up to VANILLA_SCALE_SIZES); print the row, record the times per page, and
    return the built sites by name."""
    generate_tree(root, tree, size, SCALE_EXTRA_LOCALES)
    pages = size * len(registry_of(tree).locales)
    sites = [("this site", tree.with_name(f"{tree.name}-site"))]
    checked, built = check_seconds(tree, repeats=1), build_seconds(tree, site_url, sites[0][1])
    per_page["check"][size], per_page["build"][size] = checked / pages, built / pages
    row = f"{size:<14}{checked:>9.2f}{checked * 1000 / pages:>9.2f}{built:>9.2f}{built * 1000 / pages:>9.2f}"
    if size in VANILLA_SCALE_SIZES:
        sites.insert(0, ("vanilla", tree.with_name(f"{tree.name}-vanilla-site")))
        vanilla = vanilla_project(tree, tree.with_name(f"{tree.name}-vanilla"), site_url)
        vanilla_built = build_seconds(vanilla, site_url, sites[0][1], strict=False)
        per_page["vanilla"][size] = vanilla_built / pages
        row += f"{vanilla_built:>11.2f}{vanilla_built * 1000 / pages:>9.2f}"
    print(row)
    return sites


def measure_home(site: Path, site_url: str, registry: Registry) -> list[PageWeight]:
    """The first load of each locale's home page, in the order of the registry's locales."""
    return measure(
        site, site_url, [f"{url_prefix(code, registry.default_locale)}index.html" for code in registry.locales]
    )
