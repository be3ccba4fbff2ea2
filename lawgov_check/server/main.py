"""Start the server: read the configuration, check the settings, run uvicorn until a signal.

uvicorn handles SIGINT/SIGTERM gracefully: it stops accepting connections, lets running requests
finish (up to `shutdown-timeout` seconds), then the application stops its worker processes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn

from ..config import Config, ConfigError, catalogue_problems, find_config, load_config
from .app import create_app
from .logs import setup_logging
from .settings import ServerSettings, SettingsError, build_settings


def load_settings(*, config_file: str | None, no_config: bool, **flags: object) -> ServerSettings:
    """Raises ConfigError or SettingsError with lines for the operator."""
    from ..api import load_rules
    from ..batch import default_jobs

    found = None if no_config else (config_file or find_config(Path.cwd()))
    config = load_config(found) if found else Config()
    problems = catalogue_problems(config, load_rules())
    if problems:
        raise ConfigError(problems)
    return build_settings(config, default_workers=default_jobs(), **flags)  # type: ignore[arg-type]


def run(*, config_file: str | None = None, no_config: bool = False, **flags: object) -> int:
    try:
        settings = load_settings(config_file=config_file, no_config=no_config, **flags)
    except ConfigError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return 2
    except SettingsError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    setup_logging()
    server = uvicorn.Server(uvicorn.Config(
        create_app(settings), host=settings.host, port=settings.port, log_config=None, access_log=False,
        lifespan="on", timeout_graceful_shutdown=settings.shutdown_timeout, server_header=False))
    try:
        server.run()
    except SystemExit as exc:  # uvicorn exits (3) when it cannot bind or start, after logging why
        return 2 if exc.code else 0
    return 0 if server.started else 2
