"""A city's province: the longest listed name the city's name starts with decides."""

from __future__ import annotations

from lawgov_check.identify.places import _CITIES, province_code_of_city


def _by_scanning(city: str) -> str | None:
    """The lookup written the plain way: every name, longest first, in the order listed."""
    pairs = sorted(((name, code) for code, names in _CITIES.items() for name in names.split()),
                   key=lambda p: -len(p[0]))
    return next((code for name, code in pairs if city.startswith(name)), None)


def test_prefix_lookup_agrees_with_scanning_every_name() -> None:
    names = [name for names in _CITIES.values() for name in names.split()]
    cities = set(names) | {n + "市" for n in names} | {n[:-1] for n in names} | {n + "州" for n in names}
    cities |= {a + b for a in names[:40] for b in names[:40]} | {"", "某", "湘西土家族苗族自治州", "海南藏族自治州"}
    for city in cities:
        assert province_code_of_city(city) == _by_scanning(city), city


def test_examples() -> None:
    assert province_code_of_city("湘西土家族苗族自治州") == "43"
    assert province_code_of_city("海南藏族自治州") == "63"
    assert province_code_of_city("某某") is None

