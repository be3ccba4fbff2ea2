"""Which jurisdiction files govern a document, and the parameters they put in force.

A document's place (province, city, county, as identified or as stated) is matched to files by
name; the deepest matching file whose enclosing files (`within`) agree with the other names is
taken with its ancestors, province first. National defaults (the ruleset's parameters) are then
overlaid by the province's file, the city's, the county's, each parameter remembering its file.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping, Sequence

from ..rules.selection import _bare as bare
from .model import LEVELS, JurisdictionFile, Parameter, Resolved


class Jurisdictions:
    """The jurisdiction files of a catalogue, by name."""

    def __init__(self, files: Mapping[str, JurisdictionFile] | None = None) -> None:
        self.files: dict[str, JurisdictionFile] = dict(files or {})

    def __iter__(self) -> Iterator[JurisdictionFile]:
        """Province-level divisions in the order of their division codes, then cities, counties."""
        from ..identify.jurisdiction import PROVINCES

        order = {name: i for i, name in enumerate(PROVINCES.values())}
        return iter(sorted(self.files.values(),
                           key=lambda f: (LEVELS.index(f.level), order.get(f.within or f.name, 99), f.name)))

    def __len__(self) -> int:
        return len(self.files)

    def find(self, name: str) -> JurisdictionFile | None:
        """The file of `name`: exact, or for a name without its suffix (湖南, 惠州) the file of that
        bare name (a province before a city). 海南州 is not 海南省."""
        name = name.strip()
        if name in self.files or bare(name) != name:
            return self.files.get(name)
        same = [f for f in self.files.values() if bare(f.name) == name]
        return min(same, key=lambda f: LEVELS.index(f.level)) if same else None

    def lineage(self, item: JurisdictionFile) -> list[JurisdictionFile]:
        """`item` and the files enclosing it, outermost first."""
        out = [item]
        while out[0].within and (parent := self.files.get(out[0].within)) is not None and parent not in out:
            out.insert(0, parent)
        return out

    def split(self, name: str) -> tuple[str, ...]:
        """A compound name (浙江省台州市) as the names of its parts; a city without a file of its
        own with its province before it (长沙市 → 湖南省, 长沙市); any other name as itself."""
        from ..identify.jurisdiction import PROVINCES
        from ..identify.places import province_code_of_city

        for item in self.files.values():
            if item.level == "province" and name.startswith(item.name) and len(name) > len(item.name):
                return (item.name, name[len(item.name):])
        province = PROVINCES.get(province_code_of_city(name) or "")
        if province and self.find(name) is None:
            return (province, name)
        return (name,)

    def chain(self, names: Sequence[str]) -> list[JurisdictionFile]:
        """The files that govern a document of `names` (province, city, county), outermost first."""
        parts = [part for name in names if name for part in self.split(name)]
        matched = [f for f in (self.find(n) for n in parts) if f is not None]
        for candidate in sorted(matched, key=lambda f: -LEVELS.index(f.level)):
            lineage = self.lineage(candidate)
            outer = [f for f in matched if LEVELS.index(f.level) < LEVELS.index(candidate.level)]
            if all(f in lineage for f in outer):
                return lineage
        return []

    def resolve(self, ruleset_id: str, defaults: Mapping[str, Any], names: Sequence[str]) -> Resolved:
        chain = self.chain(names)
        parameters = {name: Parameter(name, value) for name, value in defaults.items()}
        for item in chain:
            for name, setting in item.settings.get(ruleset_id, {}).items():
                parameters[name] = Parameter(name, setting.value, item.name, item.path, setting)
        return Resolved(tuple(f.name for f in chain), parameters)

    def names(self) -> list[str]:
        return [f.name for f in self]
