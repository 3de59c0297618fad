"""A measured way out of MkDocs: this handbook built with Zensical (the successor of Material for MkDocs)
and zensical-i18n, in a throwaway environment outside the lock, beside the engine's own build; what
survives, feature by feature (README, "Maintenance"). Zensical runs no MkDocs plugin, so the trial first
builds the project as it is, then a first port: without the handbook plugin and the theme overrides that
read its context, the overrides' assets moved into docs/. Run by `make zensical-trial`; not a test."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import venv
from collections.abc import Callable
from pathlib import Path

# Zensical 0.1.x requires zensical-ui, which is not on PyPI; zensical-i18n 0.3.0 requires zensical<0.1.
PACKAGES = ("zensical==0.0.73", "zensical-i18n==0.3.0")
PROJECT_FILES = ("mkdocs.yml", "concepts.yml", "termbase.yml", "docs", "overrides")
SITE_URL = "https://service-recovery.github.io/handbook/"
PAGES = ("index.html", "roadblocks.html", "recovery-steps.html", "mistakes.html", "principles.html")


def install(into: Path) -> Path:
    venv.create(into, with_pip=True)
    python = into / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, *PACKAGES], check=True)
    return python


def copy_project(root: Path, target: Path) -> Path:
    target.mkdir()
    for name in PROJECT_FILES:
        (shutil.copytree if (root / name).is_dir() else shutil.copyfile)(root / name, target / name)
    return target


def port(project: Path) -> None:
    """The first port: no handbook plugin, no template overrides; their stylesheet, script and icons in docs/."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  custom_dir: overrides\n", "").replace("  - handbook\n", "")
    config.write_text(text, encoding="utf-8")
    shutil.copytree(project / "overrides" / "assets", project / "docs" / "assets", dirs_exist_ok=True)


def build(command: list[str], project: Path) -> tuple[bool, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    output = (result.stdout + result.stderr).strip().splitlines()
    errors = [line.strip() for line in output if re.match(r"\s*\w*Error\b", line)]
    return result.returncode == 0, " / ".join(errors)


def read(site: Path, name: str) -> str:
    path = site / name
    return html.unescape(path.read_text(encoding="utf-8")) if path.is_file() else ""


def primary_nav(site: Path) -> list[str]:
    page = read(site, "nb/index.html")
    nav = page[page.find("md-nav--primary") :]
    links = re.findall(r'<a href="(?:\./)?([\w-]+\.html)"[^>]*class="md-nav__link', nav)
    return list(dict.fromkeys(links))


FEATURES: dict[str, Callable[[Path], str]] = {
    "both languages": lambda s: "yes" if read(s, "index.html") and read(s, "nb/index.html") else "no",
    "language switcher": lambda s: "yes" if re.search(r'href="[./]*nb/index\.html"', read(s, "index.html")) else "no",
    "navigation in the registry's order": lambda s: "yes" if primary_nav(s)[1:5] == list(PAGES[1:]) else "no",
    "page dates (Sist oppdatert)": lambda s: "yes" if "Sist oppdatert" in read(s, "nb/checklist.html") else "no",
    "glossary and status tables": lambda s: (
        f"{read(s, 'nb/glossary.html').count('<tr')} + {read(s, 'translation-status.html').count('<tr')} rows"
    ),
    # None is due today; the handbook plugin writes them, and its search index shows that it ran.
    "translation notices (the plugin runs)": lambda s: "yes" if (s / "search/handbook_index.js").is_file() else "no",
    "per-locale search index": lambda s: (
        ", ".join(
            name
            for name in ("search/handbook_index.js", "nb/search/handbook_index.js", "search.json", "nb/search.json")
            if (s / name).is_file()
        )
        or "none"
    ),
    "hreflang in <head>": lambda s: (
        "yes" if re.search(r'<link rel="alternate"[^>]*hreflang', read(s, "index.html")) else "no"
    ),
    "sitemaps with alternates": lambda s: (
        f"{read(s, 'sitemap.xml').count('xhtml:link')} + {read(s, 'nb/sitemap.xml').count('xhtml:link')} links"
    ),
    "offline (service worker, manifest)": lambda s: (
        "yes" if (s / "sw.js").is_file() and (s / "nb/sw.js").is_file() else "no"
    ),
    "localized 404 (one root page)": lambda s: "yes" if "Fant ikke siden" in read(s, "404.html") else "no",
}


def main(root: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="zensical-") as scratch_dir:
        scratch = Path(scratch_dir)
        python = install(scratch / "venv")
        zensical = [str(python), "-m", "zensical_i18n", "build", "-f", "mkdocs.yml"]
        engine = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(scratch / "engine-site")]
        as_is = copy_project(root, scratch / "as-is")
        built, error = build(zensical, as_is)
        print(f"Zensical ({', '.join(PACKAGES)}) on the project as it is: {'built' if built else 'failed: ' + error}")
        ported = copy_project(root, scratch / "ported")
        port(ported)
        built_ported, error = build(zensical, ported)
        print(f"... without the handbook plugin and overrides: {'built' if built_ported else 'failed: ' + error}")
        if not build(engine, root)[0]:  # in the checkout itself: page dates come from its git history
            raise SystemExit("zensical-trial: the MkDocs build failed")
        sites = {"MkDocs today": scratch / "engine-site", "Zensical, first port": ported / "site"}
        print("\n| Feature | " + " | ".join(sites) + " |\n|---|---|---|")
        for feature, measure in FEATURES.items():
            print(f"| {feature} | " + " | ".join(measure(site) for site in sites.values()) + " |")
        print("| translation checker (`handbook check`) | independent of the engine | independent of the engine |")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd()))
