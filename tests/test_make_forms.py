"""Messages that tell a translator to run a command name the `make` form the guides teach, with `LOCALE=`
only for a locale other than the Makefile's default, which is read from the Makefile; and each form, run
through make, is the `handbook` command it stands for."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from handbook.make_forms import MAKEFILE, diff_command, make_default_locale, stamp_command
from tests.helpers import PROJECT_ROOT


def test_the_forms_are_those_the_guides_teach():
    assert MAKEFILE == PROJECT_ROOT / "Makefile"
    default = make_default_locale()
    assert default == re.search(r"^LOCALE \?= (\S+)$", MAKEFILE.read_text(encoding="utf-8"), re.MULTILINE)[1]
    assert diff_command(default, "recovery-steps.md") == "make diff PAGE=recovery-steps.md"
    assert stamp_command(default, "recovery-steps.md") == "make stamp PAGE=recovery-steps.md"
    assert stamp_command(default, "recovery-steps.md", unchanged=True) == (
        "make stamp PAGE=recovery-steps.md UNCHANGED=1"
    )
    assert stamp_command("xx", "basics/roadblocks.md", unchanged=True) == (
        "make stamp PAGE=basics/roadblocks.md UNCHANGED=1 LOCALE=xx"
    )
    assert diff_command("xx", "my page.md") == 'make diff PAGE="my page.md" LOCALE=xx'


def test_the_default_locale_is_the_makefiles_own(tmp_path):
    makefile = tmp_path / "Makefile"
    makefile.write_text("ROOT ?= .\nLOCALE ?= sv\n\nstamp:\n\t@echo $(LOCALE)\n", encoding="utf-8")
    assert stamp_command("sv", "roadblocks.md", makefile=makefile) == "make stamp PAGE=roadblocks.md"
    assert diff_command("nb", "roadblocks.md", makefile=makefile) == "make diff PAGE=roadblocks.md LOCALE=nb"


def test_without_a_makefile_the_package_names_its_own_command(tmp_path):
    missing = tmp_path / "Makefile"
    assert diff_command("nb", "roadblocks.md", makefile=missing) == "handbook diff nb roadblocks.md"
    assert stamp_command("nb", "roadblocks.md", unchanged=True, makefile=missing) == (
        "handbook stamp --unchanged nb roadblocks.md"
    )


@pytest.mark.parametrize(
    ("form", "runs"),
    [
        (diff_command("nb", "roadblocks.md"), "diff nb roadblocks.md"),
        (stamp_command("nb", "roadblocks.md"), "stamp  nb roadblocks.md"),
        (stamp_command("nb", "roadblocks.md", unchanged=True), "stamp --unchanged nb roadblocks.md"),
        (stamp_command("sv", "roadblocks.md", unchanged=True), "stamp --unchanged sv roadblocks.md"),
    ],
)
def test_each_form_runs_the_command_it_stands_for(form, runs):
    """`make -n` prints the recipe without running it: the form names a target and variables that
    reach the `handbook` command as the message means them."""
    ignored = {"PAGE", "WORD", "UNCHANGED", "LOCALE", "ROOT", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}
    environment = {name: value for name, value in os.environ.items() if name not in ignored}
    assert form.startswith("make ")
    result = subprocess.run(
        ["make", "-n", "--no-print-directory", *form.split()[1:]],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"/bin/handbook --root . {runs} ||" in result.stdout, result.stdout
