"""The shipped package is the product alone and installs on its own: its wheel holds no test or benchmark
module, it installs into a fresh virtual environment beside the lock and builds the site there, and
none of its modules imports anything that is neither the standard library nor a declared dependency."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from handbook_bench.support import engine_command
from tests.helpers import PROJECT_ROOT, scratch_copy

PACKAGE = PROJECT_ROOT / "scripts" / "handbook"
NOT_SHIPPED = re.compile(r"(^|/)(tests?|handbook_bench|conftest)(/|\.py$|$)|(^|/)(test_|bench)[^/]*\.py$")


def build_wheel(into: Path) -> Path:
    """`pip wheel` of a copy of the project (the build leaves `build/` behind), with the locked setuptools."""
    source = into / "source"
    source.mkdir()
    shutil.copyfile(PROJECT_ROOT / "pyproject.toml", source / "pyproject.toml")
    leave_out = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(PROJECT_ROOT / "scripts", source / "scripts", ignore=leave_out)
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*command, "--wheel-dir", str(into), str(source)], check=True, capture_output=True)
    (wheel,) = into.glob("*.whl")
    return wheel


def not_shipped(names: list[str]) -> list[str]:
    return [name for name in names if NOT_SHIPPED.search(name)]


def test_the_filter_catches_test_and_benchmark_modules():
    names = ["handbook/cli.py", "handbook_bench/bench.py", "tests/helpers.py", "handbook/search/test_index.py"]
    assert not_shipped(names) == names[1:]


@pytest.mark.slow
def test_the_wheel_ships_the_product_alone_and_builds_the_site_from_a_fresh_environment(tmp_path):
    wheel = build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    assert not_shipped(names) == []
    assert {name.split("/")[0] for name in names} == {"handbook", wheel.name.split("-")[0] + "-1.0.0.dist-info"}

    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--require-hashes", "-r", str(PROJECT_ROOT / "requirements.txt")], check=True)
    subprocess.run([*pip, "--no-deps", str(wheel)], check=True)
    assert subprocess.run([python, "-m", "pip", "check"], capture_output=True, text=True).returncode == 0

    project = scratch_copy(tmp_path / "project")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {"NO_MKDOCS_2_WARNING": "1"}
    command = [str(python), *engine_command("build", project, "--strict", "--site-dir", str(tmp_path / "site"))[1:]]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "nb" / "index.html").is_file()


def imported_modules(package: Path) -> dict[str, str]:
    """Each top-level module the package's files import (absolute imports), with one place it is imported."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                found.setdefault(name.split(".")[0], f"{path.relative_to(package.parent)}:{node.lineno}")
    return found


def undeclared_imports(package: Path, dependencies: list[str]) -> list[str]:
    """Imports that come neither from the standard library, the package itself nor a declared dependency."""
    declared = {re.split(r"[<>=!~ ;\[]", requirement)[0].lower().replace("_", "-") for requirement in dependencies}
    providers = packages_distributions()
    return [
        f"{where}: {module}"
        for module, where in imported_modules(package).items()
        if module not in sys.stdlib_module_names
        and module != package.name
        and not declared & {name.lower().replace("_", "-") for name in providers.get(module, [])}
    ]


def declared_dependencies() -> list[str]:
    return tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


def test_the_shipped_package_imports_only_the_standard_library_and_its_declared_dependencies():
    assert undeclared_imports(PACKAGE, declared_dependencies()) == []


def test_an_import_of_playwright_or_the_benchmarks_is_caught(tmp_path):
    package = tmp_path / "handbook"
    package.mkdir()
    (package / "shot.py").write_text("import os\nfrom playwright.sync_api import sync_playwright\n", encoding="utf-8")
    (package / "figures.py").write_text("import handbook_bench.bench\nfrom handbook import cli\n", encoding="utf-8")
    assert undeclared_imports(package, declared_dependencies()) == [
        "handbook/figures.py:1: handbook_bench",
        "handbook/shot.py:2: playwright",
    ]
