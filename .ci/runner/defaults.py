"""Every constant of the local runner in one place: the sample repository the workflow is
evaluated for, the variables a GitHub-hosted runner sets, and the paths that differ on Debian."""

from __future__ import annotations

WORKFLOW = ".github/workflows/site.yml"

# The repository the expressions are resolved for (`--repository` and `--var` override them).
SAMPLE_REPOSITORY = "service-recovery/handbook"
SAMPLE_VARS: dict[str, str] = {}
SAMPLE_ACTOR = "handbook-maintainer"
DEFAULT_BRANCH = "main"
PULL_REQUEST_NUMBER = 1
PULL_REQUEST_HEAD = "translation-update"

EVENTS = ("push", "pull_request", "workflow_dispatch")

# Set on every GitHub-hosted Linux runner, whatever the workflow says.
RUNNER_CONSTANTS = {
    "CI": "true",
    "GITHUB_ACTIONS": "true",
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_API_URL": "https://api.github.com",
    "GITHUB_GRAPHQL_URL": "https://api.github.com/graphql",
    "GITHUB_RUN_ID": "1000000001",
    "GITHUB_RUN_NUMBER": "1",
    "GITHUB_RUN_ATTEMPT": "1",
    "GITHUB_REPOSITORY_ID": "100000001",
    "GITHUB_REPOSITORY_OWNER_ID": "100000002",
    "GITHUB_ACTOR_ID": "100000003",
    "GITHUB_RETENTION_DAYS": "90",
    "RUNNER_OS": "Linux",
    "RUNNER_ARCH": "X64",
    "RUNNER_NAME": "GitHub Actions 1",
    "RUNNER_ENVIRONMENT": "github-hosted",
    "ImageOS": "ubuntu24",
}
# Set only when the machine's environment lacks them (Ubuntu runner images set these).
RUNNER_LOCALE = {"LANG": "C.UTF-8"}

# Leftovers from an outer runner would describe the wrong run: cleared before the run starts.
CLEARED_PREFIXES = ("GITHUB_", "RUNNER_", "ACTIONS_", "INPUT_", "STATE_")

# Paths a workflow may name that exist on Ubuntu runners but not on Debian, with the local stand-ins.
PATH_STAND_INS = {
    "CHROMIUM_PATH": ("/usr/bin/chromium", "/usr/bin/chromium-browser"),
}

# Bash as GitHub runs a `run:` step without `shell:`; `{0}` is the script file.
SHELLS = {
    None: ["bash", "-e", "{0}"],
    "bash": ["bash", "--noprofile", "--norc", "-eo", "pipefail", "{0}"],
    "sh": ["sh", "-e", "{0}"],
    "python": ["python", "{0}"],
}

# Exit codes of the runner itself (a failing step passes its own code through).
EXIT_BAD_INPUT = 2
EXIT_NOT_STARTED = 127  # as a shell reports a command it cannot start
