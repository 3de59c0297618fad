"""What the tests and the benchmarks share: one way to run a real build (or serve) with either
engine, and one way to start Chromium, so a change to either (an environment variable, a browser
flag) is made once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Debian's Chromium by default; CI runners without it point CHROMIUM_PATH at another Chromium-based browser.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


ENGINES = ("mkdocs", "properdocs")


class Engine:
    """The engine that builds and serves the site (the tests' `--engine`, from the Makefile's ENGINE)."""

    name = "mkdocs"


def engine_command(command: str, project: Path, *args: str, engine: str | None = None) -> list[str]:
    """`python -m <engine> <command> -f <project>/mkdocs.yml ...`: both engines read the same mkdocs.yml
    (named, so that ProperDocs does not ask for it to be renamed)."""
    return [sys.executable, "-m", engine or Engine.name, command, "-f", str(project / "mkdocs.yml"), *args]


def run_mkdocs_build(
    project: Path,
    site_dir: Path,
    *,
    strict: bool = True,
    quiet: bool = False,
    env: Mapping[str, str] | None = None,
    engine: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """A real build of `project` into `site_dir` by the engine (`Engine.name` unless named), in a new
    interpreter as a user runs it (`env` adds to this process's environment, e.g. SITE_URL)."""
    options = ["--site-dir", str(site_dir)] + (["--strict"] if strict else []) + (["--quiet"] if quiet else [])
    command = engine_command("build", project, *options, engine=engine)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False)


@contextmanager
def serving(project: Path, log: Path | None = None) -> Iterator[str]:
    """`<engine> serve` of `project` on a free port of 127.0.0.1, stopped on leaving; yields the site's
    address (its output goes to `log`, if given)."""
    from handbook_bench.site_server import free_port

    port = free_port()
    base = f"http://127.0.0.1:{port}/handbook/"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base}
    with open(log, "w") if log else open(os.devnull, "w") as output:
        server = subprocess.Popen(
            engine_command("serve", project, "--dev-addr", f"127.0.0.1:{port}"),
            cwd=project,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


def chromium_missing() -> str | None:
    """Why Chromium cannot be started, or None: the one message the benches and tests give."""
    if Path(CHROMIUM).exists():
        return None
    return f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does), or set CHROMIUM_PATH"


@contextmanager
def chromium(profile: Path | None = None) -> Iterator[Any]:
    """Chromium driven by Playwright: a browser, or with `profile` a persistent (installable) context."""
    from playwright.sync_api import sync_playwright

    missing = chromium_missing()
    if missing:
        raise SystemExit(missing)
    with sync_playwright() as playwright:
        browser: Any
        if profile is None:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        else:
            browser = playwright.chromium.launch_persistent_context(
                str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
        try:
            yield browser
        finally:
            browser.close()
