"""Shared fixtures: the project root, the registry, and one real strict MkDocs build per test run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.registry import load_registry
from handbook_bench.support import ENGINES, Engine, run_mkdocs_build
from tests.browser import Session, browser_session_for
from tests.helpers import PROJECT_ROOT

# Variables a CI runner or a user's shell may set that change what the tools print or build for.
# Tests that need one set it themselves.
AMBIENT_EXACT = ("CI", "SITE_URL", "HANDBOOK_PREVIEW", "HANDBOOK_CACHE")
AMBIENT_PREFIXES = ("GITHUB_", "RUNNER_")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--engine", choices=ENGINES, default="mkdocs", help="the engine that builds and serves the site")


def pytest_configure(config: pytest.Config) -> None:
    Engine.name = config.getoption("engine")


def pytest_report_header(config: pytest.Config) -> str:
    return f"engine: {Engine.name}"


def is_ambient(name: str) -> bool:
    return name in AMBIENT_EXACT or name.startswith(AMBIENT_PREFIXES)


@pytest.fixture(scope="session", autouse=True)
def neutral_environment():
    """The suite behaves the same on a laptop and on a GitHub-hosted runner (GITHUB_ACTIONS=true, CI=true)."""
    saved = {name: value for name, value in os.environ.items() if is_ambient(name)}
    for name in saved:
        del os.environ[name]
    yield
    os.environ.update(saved)


@pytest.fixture(scope="session")
def registry():
    loaded, problems = load_registry(PROJECT_ROOT)
    assert loaded is not None, [p.format() for p in problems]
    return loaded


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(PROJECT_ROOT, site)
    assert result.returncode == 0, result.stderr
    (site.parent / f"{site.name}.log").write_text(result.stderr, encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def build_log(built_site) -> str:
    """What the strict build of this project printed."""
    return (built_site.parent / f"{built_site.name}.log").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser_session(built_site) -> Iterator[Session]:
    """Chromium on the built site, served as deployed (one per test module)."""
    yield from browser_session_for(built_site)
