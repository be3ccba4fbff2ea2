"""Fixtures: real servers (see serverproc.py). Skips when the [server] extra is not installed."""

from __future__ import annotations

import pytest

try:
    import fastapi  # noqa: F401
    import uvicorn  # noqa: F401

    from serverproc import API_KEY, Server
except ImportError:  # the [server] extra (or httpx) is not installed
    Server = None  # type: ignore[assignment, misc]


def _server(*args, **kwargs):
    if Server is None:
        pytest.skip('the [server] extra is not installed (pip install ".[server]")')
    return Server(*args, **kwargs)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    srv = _server(tmp_path_factory.mktemp("server"))
    yield srv
    srv.client.close()
    srv.stop()


@pytest.fixture(scope="session")
def keyed_server(tmp_path_factory):
    srv = _server(tmp_path_factory.mktemp("keyed"), keys=f"other-key, {API_KEY}")
    yield srv
    srv.client.close()
    srv.stop()


@pytest.fixture
def new_server(tmp_path):
    """A server of the test's own (for shutdown tests)."""
    srv = _server(tmp_path)
    yield srv
    srv.client.close()
    srv.stop()
