"""`handbook search-bench`: search relevance of this site beside its baselines, in one run.

Builds this checkout, the vanilla Material + mkdocs-static-i18n site of the same pages (as
`make bench` makes it) and, with `--against REF`, this project at a git revision (say, before a
search change); serves each on 127.0.0.1, types every query of `scripts/handbook_bench/queries.yml` into
the real search box in Chromium, and prints success@5 and MRR per locale for the tuned and the
held-out queries, with the bytes fetched at page load and for the first search. If Pagefind is
installed, it is measured too, on the same build (see scripts/search_pagefind.py). Figures only:
nothing here is asserted (the relevance floor test does that for this site).
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from handbook.locales import url_prefix
from handbook.registry import Registry, load_registry
from handbook_bench.baseline import BENCH_SITE_PATH, vanilla_project
from handbook_bench.generated_tree import SCALE_EXTRA_LOCALES, generate_tree, registry_of
from handbook_bench.pagefind import index_site, run_pagefind_queries
from handbook_bench.relevance import (
    BLIND_QUERY_FILES,
    QUERY_SETS,
    SECOND_BRIEF,
    THIRD_BRIEF,
    UNREAD,
    Query,
    SiteMap,
    Target,
    first_answer_rank,
    load_query_sets,
    score,
)
from handbook_bench.search_browser import SearchRun, first_result_seconds, run_queries
from handbook_bench.site_server import free_port, serve, serve_apart
from handbook_bench.support import chromium, run_mkdocs_build

# Words of every generated section, per language: the worst case, every section a result.
SCALE_QUERIES = {"en": ("paragraph", "point"), "other": ("avsnitt", "punkt")}
SCALE_START = "index.html"  # the first generated page
CPU_SLOWDOWN = 4
SCALE_RUNS = 3  # fresh page loads per engine and locale; the median is printed (one run moves by a fifth)


# Pooled columns: the blind sets whose misses were read, those nobody here has read, and of these
# the ones written from the second and from the third topic paragraphs (relevance.SECOND_BRIEF,
# THIRD_BRIEF).
POOLS = {
    "read": tuple(name for name in BLIND_QUERY_FILES if name not in UNREAD),
    "unread": UNREAD,
    "brief-2": tuple(name for name in SECOND_BRIEF if name in UNREAD),
    "brief-3": THIRD_BRIEF,
}


@dataclass(frozen=True)
class Candidate:
    name: str
    project: Path
    strict: bool = True
    pagefind: bool = False  # index the build with Pagefind and query it through Pagefind's API


def build(candidate: Candidate, site: Path, site_url: str) -> None:
    """A real `mkdocs build` of the candidate; its own package wins over this checkout's (`scripts/`
    holds `handbook` since the package layout, and the candidate itself older `scripts` modules)."""
    path = os.pathsep.join([str(candidate.project / "scripts"), str(candidate.project)])
    env = {"SITE_URL": site_url, "PYTHONPATH": path}
    result = run_mkdocs_build(candidate.project, site, strict=candidate.strict, quiet=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"search-bench: the build of {candidate.name} ({candidate.project}) failed:\n{result.stderr}")


def checkout(root: Path, ref: str, target: Path) -> Path:
    """This project at git revision `ref`, in a clone of its own (page dates need the history)."""
    for command in (
        ["git", "clone", "--quiet", "--no-checkout", str(root), str(target)],
        ["git", "-C", str(target), "checkout", "--quiet", "--detach", ref],
    ):
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise SystemExit(f"search-bench: cannot check out {ref}: {result.stderr.strip()}")
    return target


def measure(
    browser: Any, site: Path, site_url: str, locale: str, default: str, queries: list[Query], pagefind: bool = False
) -> tuple[dict[Query, list[Target]], SearchRun]:
    """Each query's ranked targets, and the locale's page-load and first-search bytes."""
    prefix = "" if locale == default else f"{locale}/"
    texts = [q.text for q in queries]
    with serve(site, urlsplit(site_url).path, urlsplit(site_url).port) as base:
        if pagefind:
            run: SearchRun = run_pagefind_queries(browser, f"{base}{prefix}index.html", base, texts)
        else:
            run = run_queries(browser, f"{base}{prefix}index.html", texts)
    mapper = SiteMap(site, site_url, prefix)
    ranked = {query: ranked_targets(mapper, run.links[query.text]) for query in queries}
    return ranked, run


def ranked_targets(mapper: SiteMap, links: list[str]) -> list[Target]:
    """Distinct targets in link order; a link outside the locale keeps its rank as a miss."""
    targets = [mapper.target(link) or Target(f"(outside the locale) {link}") for link in links]
    return list(dict.fromkeys(targets))


def main(root: Path, against: str | None = None, show_misses: bool = False) -> int:
    registry, problems = load_registry(root)
    queries, query_problems, absent = load_query_sets(root)
    if registry is None or query_problems:
        for problem in problems + query_problems:
            print(problem.format())
        return 1
    site_url = f"http://127.0.0.1:{free_port()}{BENCH_SITE_PATH}"
    with tempfile.TemporaryDirectory(prefix="search-bench-") as scratch:
        candidates = candidates_for(root, Path(scratch), site_url, against)
        print(
            f"Search relevance: success@5 and MRR by result card (one per page, as Material shows them), "
            f"{len(queries)} queries; nothing was tuned on the held-out set; each blind set was measured once "
            f"before its misses were read, and nobody here has read the queries of {', '.join(UNREAD)} "
            f"(see BLIND_QUERY_FILES); 'read' and 'unread' pool the blind sets of each kind"
        )
        for name in absent:
            print(f"{name}: skipped ({BLIND_QUERY_FILES[name]} is absent)")
        print(header())
        with chromium() as browser:
            for number, candidate in enumerate(candidates):
                site = built_site(candidate, Path(scratch), number, site_url, registry)
                for locale in registry.locales:
                    mine = [q for q in queries if q.locale == locale]
                    ranked, run = measure(
                        browser, site, site_url, locale, registry.default_locale, mine, candidate.pagefind
                    )
                    print_row(candidate.name, locale, ranked, run)
                    if show_misses:
                        print_misses(ranked)
    return 0


def candidates_for(root: Path, scratch: Path, site_url: str, against: str | None) -> list[Candidate]:
    candidates = [Candidate("vanilla", vanilla_project(root, scratch / "vanilla", site_url), strict=False)]
    if against:
        candidates.append(Candidate(f"at {against}", checkout(root, against, scratch / "against")))
    candidates.append(Candidate("this site", root))
    if pagefind_available():
        candidates.append(Candidate("pagefind (API)", root, pagefind=True))
    else:
        print("pagefind: skipped (not installed; pip install 'pagefind[bin]==1.5.2' to compare it)")
    return candidates


def built_site(candidate: Candidate, scratch: Path, number: int, site_url: str, registry: Registry) -> Path:
    site = scratch / f"site-{number}"
    build(candidate, site, site_url)
    if candidate.pagefind:
        site = index_site(site, scratch / f"pagefind-{number}", list(registry.locales), registry.default_locale)
    return site


def print_scale(root: Path, pages: int) -> None:
    """Bytes and time to the first result on a generated handbook of `pages` pages per locale."""
    site_url = f"http://127.0.0.1:{free_port()}{BENCH_SITE_PATH}"
    with tempfile.TemporaryDirectory(prefix="search-scale-") as scratch_dir:
        scratch = Path(scratch_dir)
        tree = generate_tree(root, scratch / "tree", pages, SCALE_EXTRA_LOCALES)
        vanilla = vanilla_project(tree, scratch / "vanilla", site_url)
        sites: list[tuple[str, Path]] = []
        for name, project, strict in (("vanilla", vanilla, False), ("this site", tree, True)):
            site = scratch / f"site-{len(sites)}"
            build(Candidate(name, project, strict), site, site_url)
            sites.append((name, site))
        print_scale_search(sites, site_url, registry_of(tree), pages)


def print_scale_search(sites: list[tuple[str, Path]], site_url: str, registry: Registry, pages: int) -> None:
    """For each built site and locale: the home page's bytes, the first search's bytes, and the time
    from typing a query to its results, cold (the index not loaded yet) and warm (a second query)."""
    print(
        f"Search at scale: {pages} generated pages per locale, {len(registry.locales)} locales, CPU slowed "
        f"{CPU_SLOWDOWN:g}x, median of {SCALE_RUNS} page loads. Seconds to results: cold, from typing a word "
        "on a freshly loaded page "
        f"({' / '.join(q[0] for q in SCALE_QUERIES.values())}); warm, from the last key of the next word "
        f"({' / '.join(q[1] for q in SCALE_QUERIES.values())}), the index loaded"
    )
    print(f"{'engine':<12}{'locale':<8}{'load KiB':>10}{'1st search KiB':>16}{'cold s':>8}{'warm s':>8}{'results':>9}")
    with chromium() as browser:
        for name, site in sites:
            for locale in registry.locales:
                prefix = url_prefix(locale, registry.default_locale)
                start = SCALE_START if (site / prefix / SCALE_START).is_file() else ""  # vanilla: folder URLs
                cold_query, warm_query = scale_queries(locale)
                timings = []
                for _ in range(SCALE_RUNS):
                    with serve_apart(site, BENCH_SITE_PATH, urlsplit(site_url).port) as base:
                        timings.append(
                            first_result_seconds(
                                browser, f"{base}{prefix}{start}", cold_query, warm_query, CPU_SLOWDOWN
                            )
                        )
                timing = timings[0]
                cold = statistics.median(t.cold for t in timings)
                warm = statistics.median(t.warm for t in timings)
                print(
                    f"{name:<12}{locale:<8}{timing.run.load_bytes / 1024:>10.1f}"
                    f"{timing.run.first_search_bytes / 1024:>16.1f}{cold:>8.2f}{warm:>8.2f}"
                    f"{len(timing.run.links[cold_query]):>9}"
                )


def scale_queries(locale: str) -> tuple[str, str]:
    return SCALE_QUERIES["en" if locale == "en" else "other"]


def pagefind_available() -> bool:
    return importlib.util.find_spec("pagefind_bin") is not None


def header() -> str:
    sets = "".join(f"{name + ' s@5':>14}{'MRR':>7}" for name in (*QUERY_SETS, *POOLS))
    return f"{'engine':<22}{'locale':<8}{sets}{'load KiB':>10}{'1st search KiB':>16}"


def print_row(name: str, locale: str, ranked: dict[Query, list[Target]], run: SearchRun) -> None:
    """One engine and locale: each query set's scores by card ("-" for a set without queries)."""
    cells = ""
    # The pools to three decimals: the goal is judged on them, and 0.947 must not print as 0.95.
    groups = [((query_set,), 2) for query_set in QUERY_SETS] + [(pool, 3) for pool in POOLS.values()]
    for group, digits in groups:
        mine = {q: t for q, t in ranked.items() if q.query_set in group}
        scores = score(mine, by_card=True)
        cells += f"{scores.success:>14.{digits}f}{scores.mrr:>7.{digits}f}" if mine else f"{'-':>14}{'-':>7}"
    print(f"{name:<22}{locale:<8}{cells}{run.load_bytes / 1024:>10.1f}{run.first_search_bytes / 1024:>16.1f}")


def print_misses(ranked: dict[Query, list[Target]]) -> None:
    for query, targets in ranked.items():
        rank = first_answer_rank(targets, query.answers)
        if rank is None or rank > 1:
            shown = ", ".join(f"{t.page}#{t.section}" if t.section else t.page for t in targets[:5])
            print(f"    {query.text!r} ({query.query_set}): rank {rank or '-'}; top: {shown}")
