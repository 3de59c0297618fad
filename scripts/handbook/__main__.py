"""`python -m handbook`: the same as the `handbook` command."""

from handbook.cli import run

run()
