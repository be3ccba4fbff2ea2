"""Locate the data shipped with the package: grammar, rulesets, bundled fixtures, JSON schemas.

In an installed wheel the top-level `grammar/`, `rulesets/` and `fixtures/` folders live inside the
package as `lawgov_check/_data/...`; in a source checkout they sit beside the package.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the directory of a data folder (`grammar`, `rulesets`, `fixtures`)."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir() and any(p.name != "__init__.py" for p in installed.iterdir()):
        return installed
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    try:
        return Path(str(resources.files(f"lawgov_check._data.{name}")))
    except ModuleNotFoundError:
        return installed


def schema_path(name: str) -> Path:
    """Path of a JSON schema shipped inside the package (`lawgov_check/schemas/NAME`)."""
    return _PACKAGE_DIR / "schemas" / name
