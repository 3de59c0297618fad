"""Known noise in the build log, dropped by exact message so real warnings stand out.

mkdocs-static-i18n logs, on every build, that lunr.js has no 'nb' (this site builds its own
per-locale indexes), a dump of each language's `extra` texts, each language's site name and
description as it sets them, and advice about absolute links
in `extra.alternate` (this site uses relative .html links on purpose). Nothing is filtered by
level: a new message of any level still shows.
"""

from __future__ import annotations

import logging
import re

from mkdocs.plugins import get_plugin_logger

I18N_LOGGERS = ("plugin", "reconfigure", "folder")
KNOWN_NOISE = re.compile(
    r"mkdocs_static_i18n: (?:"
    r"Language '[\w-]+' is not supported by lunr\.js, not setting it in the 'plugins\.search\.lang' option"
    r"|Updating '[\w-]+' config 'extra' with '.*'"
    r"|Overriding '[\w-]+' config '\w+' with '.*'"
    r"|The 'extra\.alternate' configuration contains a 'link' option that should be an absolute path '/' "
    r"and end with a trailing '/' in \{.*\}"
    r")",
    re.DOTALL,
)


class KnownNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not KNOWN_NOISE.fullmatch(record.getMessage())


def silence_known_noise() -> None:
    """Attach the filter to static-i18n's loggers, once. They are named after the engine that runs
    (mkdocs.plugins.… or properdocs.plugins.…): asked of the engine, as static-i18n asks for them."""
    for name in I18N_LOGGERS:
        logger = logging.getLogger(get_plugin_logger(f"mkdocs_static_i18n.{name}").logger.name)
        if not any(isinstance(existing, KnownNoise) for existing in logger.filters):
            logger.addFilter(KnownNoise())
