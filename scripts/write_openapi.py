"""Write docs/openapi.json, the API contract, from the server's application.

    python scripts/write_openapi.py

A test fails when the committed file differs from what `lawgov-check serve` serves.
"""

from __future__ import annotations

import json
from pathlib import Path

from lawgov_check.server.app import create_app
from lawgov_check.server.settings import ServerSettings

TARGET = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def main() -> None:
    schema = create_app(ServerSettings()).openapi()
    TARGET.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
