"""Which Municipality row a written town ("Alliston", "St Thomas") belongs to."""

from __future__ import annotations

from corridor.core.models import Municipality
from corridor.core.scoping import system_scope
from corridor.registry.resolution.places import place_key, resolve_town


class MunicipalityLookup:
    """Built once per import from the municipalities Corridor knows."""

    def __init__(self) -> None:
        with system_scope("matching towns to municipalities"):
            places = list(Municipality.objects.all())
        self.by_key: dict[str, Municipality] = {}
        for place in places:
            self.by_key[place_key(place.name)] = place
            for alias in place.alias_list():
                self.by_key.setdefault(place_key(alias), place)

    def find(self, city: str | None) -> Municipality | None:
        if not city:
            return None
        direct = self.by_key.get(place_key(city))
        if direct is not None:
            return direct
        town = resolve_town(city)
        if town is None or len(town.municipalities) != 1:
            return None
        return self.by_key.get(next(iter(town.municipalities)))
