"""Grid cells of latitude and longitude, and which cells make up a search circle.

The finest cells are 1/64 of a degree a side; each level up doubles the side, to 2
degrees at the top, and a cell is made of the four below it. Every indexed facility
has a **place key** (``place_key``): its finest cell's indices interleaved bit by bit
(Morton order), shifted left 32 bits, plus its id. In that order a cell at any level
is one run of consecutive keys, so "in this cell" is a key range, and the full-text
index, whose rowid is the place key, seeks it in its doclists. Cells of a covering
never overlap.

``covering`` splits a circle into cells wholly **inside** it (every facility indexed
in one of them is within the radius: none needs its distance checked) and
**edge** cells at the finest level used (their facilities are checked one by one);
cells wholly outside are left out. The tests on a cell are exact with a margin:

* the farthest point of a cell from the centre is one of its corners (for fixed
  latitude the distance grows with the difference in longitude; along a meridian it
  has no maximum strictly inside a short interval when that difference is at most
  90 degrees), so a cell is inside when its corners, pushed out by ``EPS``, are
  within the radius with room to spare;
* its nearest point is on the meridian of the centre (when the cell spans it) or on
  the cell's nearer meridian edge, at the latitude nearest the great circle's
  closest approach.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

CELLS_PER_DEGREE = 64  # the finest cells: 1/64 of a degree
LEVELS = 8  # 1/64, 1/32, ..., 1, 2 degrees
ID_BITS = 32  # the low bits of an index key: the facility id
ID_LIMIT = 1 << ID_BITS
EPS_DEG = 1e-7  # a cell's corners pushed out by this much (float rounding of indices)
SLACK = 1e-12  # room to spare on squared chords
EDGE_CELLS_PER_RADIUS = 2  # the finest cells used: about radius / 2 (fewer index runs)
MAX_RADIUS_KM = 2500.0  # beyond, no covering (the search checks every candidate)
MAX_CELLS = 3000
EARTH_RADIUS_KM = 6371.0088
BBOX_MARGIN_DEG = 1e-6


def unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    """The point on the unit sphere; computed once, stored, and never recomputed in SQL."""
    la, lo = math.radians(lat), math.radians(lon)
    c = math.cos(la)
    return (c * math.cos(lo), c * math.sin(lo), math.sin(la))


def chord2(point: tuple[float, float, float], centre: tuple[float, float, float]) -> float:
    """Squared chord between two unit vectors, in the very order SQL computes it."""
    dx = point[0] - centre[0]
    dy = point[1] - centre[1]
    dz = point[2] - centre[2]
    return dx * dx + dy * dy + dz * dz


def chord2_limit(radius_km: float) -> float:
    """The squared chord of a great-circle distance: within ``radius_km`` iff chord2 <= it."""
    angle = radius_km / EARTH_RADIUS_KM
    if angle >= math.pi:
        return 4.0
    return (2.0 * math.sin(angle / 2.0)) ** 2


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """A latitude/longitude box holding every point within ``radius_km`` (a little more)."""
    angle = radius_km / EARTH_RADIUS_KM
    dlat = math.degrees(angle) * 1.000001 + BBOX_MARGIN_DEG
    min_lat, max_lat = lat - dlat, lat + dlat
    if min_lat <= -90 or max_lat >= 90 or angle >= math.pi / 2:
        return (max(min_lat, -90.0), min(max_lat, 90.0), -180.0, 180.0)
    ratio = math.sin(angle) / math.cos(math.radians(lat))
    if ratio >= 1:
        return (min_lat, max_lat, -180.0, 180.0)
    dlon = math.degrees(math.asin(ratio)) * 1.000001 + BBOX_MARGIN_DEG
    return (min_lat, max_lat, lon - dlon, lon + dlon)


def _spread(v: int) -> int:
    """The bits of a 16-bit number with a zero between each (for interleaving)."""
    v &= 0xFFFF
    v = (v | (v << 8)) & 0x00FF00FF
    v = (v | (v << 4)) & 0x0F0F0F0F
    v = (v | (v << 2)) & 0x33333333
    return (v | (v << 1)) & 0x55555555


def morton(i: int, j: int) -> int:
    """Latitude and longitude cell indices interleaved: a cell at any level is one run."""
    return (_spread(i) << 1) | _spread(j)


def cell_of(lat: float, lon: float) -> tuple[int, int]:
    """The finest cell of a point."""
    return (
        math.floor((lat + 90.0) * CELLS_PER_DEGREE),
        math.floor((lon + 180.0) * CELLS_PER_DEGREE),
    )


def place_key(lat: float | None, lon: float | None, facility_id: int) -> int:
    """The facility's key in the full-text index: its finest cell in Morton order, then
    its id (unique); facilities without a point get their negated id (in no cell)."""
    if not 0 < facility_id < ID_LIMIT:
        raise ValueError(f"facility id {facility_id} does not fit the search index's key")
    if lat is None or lon is None:
        return -facility_id
    i, j = cell_of(lat, lon)
    return (morton(i, j) << ID_BITS) | facility_id


def _key_range(level: int, i: int, j: int) -> tuple[int, int]:
    first = morton(i, j) << (2 * level)
    last = ((morton(i, j) + 1) << (2 * level)) - 1
    return first << ID_BITS, ((last + 1) << ID_BITS) - 1


def _merged(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return tuple(out)


@dataclass(frozen=True)
class Covering:
    """Runs of index keys (first, last): cells wholly inside, and edge cells."""

    inside: tuple[tuple[int, int], ...]
    edge: tuple[tuple[int, int], ...]

    @property
    def cells(self) -> tuple[tuple[int, int], ...]:
        return _merged(list(self.inside + self.edge))


def _bounds(level: int, i: int, j: int) -> tuple[float, float, float, float]:
    size = (1 << level) / CELLS_PER_DEGREE
    return (i * size - 90.0, (i + 1) * size - 90.0, j * size - 180.0, (j + 1) * size - 180.0)


def _dlon(a: float, b: float) -> float:
    return abs((a - b + 180.0) % 360.0 - 180.0)


class _Circle:
    def __init__(self, lat: float, lon: float, radius_km: float) -> None:
        self.lat, self.lon = lat, lon
        self.centre = unit_vector(lat, lon)
        self.limit2 = chord2_limit(radius_km)

    def c2(self, lat: float, lon: float) -> float:
        return chord2(unit_vector(lat, lon), self.centre)

    def inside(self, lat0: float, lat1: float, lon0: float, lon1: float) -> bool:
        lat0, lat1, lon0, lon1 = lat0 - EPS_DEG, lat1 + EPS_DEG, lon0 - EPS_DEG, lon1 + EPS_DEG
        if lat0 <= -90 or lat1 >= 90 or max(_dlon(lon0, self.lon), _dlon(lon1, self.lon)) > 90:
            return False
        far = lon0 if _dlon(lon0, self.lon) >= _dlon(lon1, self.lon) else lon1
        return max(self.c2(lat0, far), self.c2(lat1, far)) <= self.limit2 - SLACK

    def outside(self, lat0: float, lat1: float, lon0: float, lon1: float) -> bool:
        lat0, lat1, lon0, lon1 = lat0 - EPS_DEG, lat1 + EPS_DEG, lon0 - EPS_DEG, lon1 + EPS_DEG
        if lon0 <= self.lon <= lon1:
            near_lon = self.lon
        else:
            near_lon = lon0 if _dlon(lon0, self.lon) <= _dlon(lon1, self.lon) else lon1
        delta = math.radians(_dlon(near_lon, self.lon))
        if delta > math.pi / 2:
            return False  # not worth being exact about
        la = math.radians(self.lat)
        closest = math.degrees(math.atan2(math.sin(la), math.cos(la) * math.cos(delta)))
        near_lat = min(max(closest, lat0), lat1)
        return self.c2(near_lat, near_lon) > self.limit2 * (1 + 1e-9) + SLACK


def finest_level(radius_km: float) -> int:
    """The level of the edge cells: about radius / 2 a side (1/64 degree at least)."""
    radius_deg = radius_km / (EARTH_RADIUS_KM * math.pi / 180)
    wanted = radius_deg / EDGE_CELLS_PER_RADIUS * CELLS_PER_DEGREE
    return 0 if wanted < 1 else min(LEVELS - 1, int(math.log2(wanted)))


def covering(
    lat: float, lon: float, radius_km: float, bbox: tuple[float, float, float, float]
) -> Covering | None:
    """The cells inside and on the edge of the circle (None: too large to cover)."""
    lo_lat, hi_lat, lo_lon, hi_lon = bbox
    if radius_km > MAX_RADIUS_KM or lo_lon < -180 or hi_lon > 180 or hi_lon - lo_lon >= 180:
        return None
    circle = _Circle(lat, lon, radius_km)
    finest = finest_level(radius_km)
    top = min(LEVELS - 1, finest + 3)  # cells about the radius a side to start with
    i0, j0 = cell_of(lo_lat, lo_lon)
    i1, j1 = cell_of(hi_lat, hi_lon)
    pending = [
        (top, i, j)
        for i in range(i0 >> top, (i1 >> top) + 1)
        for j in range(j0 >> top, (j1 >> top) + 1)
    ]
    inside: list[tuple[int, int]] = []
    edge: list[tuple[int, int]] = []
    while pending:
        level, i, j = pending.pop()
        box = _bounds(level, i, j)
        if circle.outside(*box):
            continue
        if circle.inside(*box):
            inside.append(_key_range(level, i, j))
        elif level == finest:
            edge.append(_key_range(level, i, j))
        else:
            pending.extend((level - 1, 2 * i + di, 2 * j + dj) for di in (0, 1) for dj in (0, 1))
        if len(inside) + len(edge) + len(pending) > MAX_CELLS:
            return None
    return Covering(inside=_merged(inside), edge=_merged(edge))
