"""Shared fixtures: the project root, the registry, and one real strict MkDocs build per test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.registry import load_registry

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Variables a CI runner or a user's shell may set that change what the tools print or build for.
# Tests that need one set it themselves.
AMBIENT_EXACT = ("CI", "SITE_URL")
AMBIENT_PREFIXES = ("GITHUB_", "RUNNER_")


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


def run_mkdocs_build(project: Path, site_dir: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` of `project` into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )


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
    return site
