"""One problem found in the content, and how problems are printed.

Every check reports through `Problem`, so all output has one shape:
`locale:path:line: rule-id: message`, like a compiler or linter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

# Locale column for problems that belong to no single locale (the registry, the docs folder).
ANY_LOCALE = "*"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    locale: str
    rule: str
    message: str
    severity: str = "error"

    def format(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.locale}:{self.path}:{self.line}: {self.rule}: {prefix}{self.message}"

    def as_error(self) -> Problem:
        return replace(self, severity="error")

    def as_warning(self) -> Problem:
        return replace(self, severity="warning")

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command, escaped as GitHub's toolkit escapes them."""
        message = f"{self.rule}: {self.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = (
            self.path.replace("%", "%25")
            .replace("\r", "%0D")
            .replace("\n", "%0A")
            .replace(":", "%3A")
            .replace(",", "%2C")
        )
        return f"::{self.severity} file={path},line={self.line}::{message}"


# Builds a problem of one file and rule at a line: what the data-file readers pass around.
ProblemAt = Callable[[int, str], Problem]


def summary(problems: list[Problem], checked: str) -> str:
    """The last line of a report: a count, like ruff or mypy."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"All clear: {checked}."
    return f"Found {errors} error(s) and {warnings} warning(s) in {checked}."
