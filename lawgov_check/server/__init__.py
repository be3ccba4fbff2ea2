"""`lawgov-check serve`: the HTTP service and the reviewer page (extra `lawgov-check[server]`).

Nothing here is imported by the CLI until `serve` runs, so the base install stays light.
"""

from __future__ import annotations

EXTRA_MODULES = {"fastapi", "fastapi_offline", "uvicorn", "starlette", "multipart", "python_multipart", "prometheus_client", "anyio"}
INSTALL_HINT = 'lawgov-check serve 需要服务端组件，请安装：pip install "lawgov-check[server]"'


def missing_extra(exc: ImportError) -> bool:
    """True when `exc` means the [server] extra is not installed (not a bug in our own imports)."""
    return (exc.name or "").split(".")[0] in EXTRA_MODULES
