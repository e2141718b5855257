"""Grid cells: a circle's covering holds every point within it exactly once, and a point
in a cell said to be inside is within the radius."""

import math

from hypothesis import given
from hypothesis import strategies as st

from corridor.supplychain import grid


def _point_at(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    d = km / grid.EARTH_RADIUS_KM
    la, lo = math.radians(lat), math.radians(lon)
    la2 = math.asin(math.sin(la) * math.cos(d) + math.cos(la) * math.sin(d) * math.cos(bearing))
    lo2 = lo + math.atan2(
        math.sin(bearing) * math.sin(d) * math.cos(la), math.cos(d) - math.sin(la) * math.sin(la2)
    )
    return math.degrees(la2), (math.degrees(lo2) + 540) % 360 - 180


def test_a_place_key_is_the_finest_cell_in_morton_order_then_the_id() -> None:
    i, j = grid.cell_of(43.6532, -79.3832)
    assert (i, j) == (math.floor(133.6532 * 64), math.floor(100.6168 * 64))
    assert grid.morton(0b11, 0b01) == 0b1011  # latitude bits odd, longitude bits even
    key = grid.place_key(43.6532, -79.3832, 7)
    assert key == (grid.morton(i, j) << 32) | 7
    assert grid.place_key(None, None, 7) == -7  # no point: in no cell
    first, last = grid._key_range(3, i >> 3, j >> 3)  # the point's cell eight times larger
    assert first <= key <= last
    assert last - first + 1 == 64 << 32


def test_the_finest_level_follows_the_radius() -> None:
    assert grid.finest_level(1) == 0  # 1/64 degree: the finest there is
    assert grid.finest_level(30) == 3  # 30 km / 2 is about 1/7 degree: cells of 1/8
    assert grid.finest_level(150) == 5  # 75 km is about 2/3 degree: cells of 1/2
    assert grid.finest_level(1000) == grid.LEVELS - 1
    assert grid.finest_level(5000) == grid.LEVELS - 1


@given(
    lat=st.floats(-70, 70),
    lon=st.floats(-170, 170),
    radius=st.floats(0.5, 400),
    km=st.floats(0, 1.3),
    bearing=st.floats(0, 6.28),
)
def test_the_covering_holds_every_point_of_the_circle_once(
    lat: float, lon: float, radius: float, km: float, bearing: float
) -> None:
    cover = grid.covering(lat, lon, radius, grid.bounding_box(lat, lon, radius))
    assert cover is not None
    p_lat, p_lon = _point_at(lat, lon, radius * km, bearing)
    c2 = grid.chord2(grid.unit_vector(p_lat, p_lon), grid.unit_vector(lat, lon))
    within = c2 <= grid.chord2_limit(radius)
    key = grid.place_key(p_lat, p_lon, 1)
    inside = [r for r in cover.inside if r[0] <= key <= r[1]]
    edge = [r for r in cover.edge if r[0] <= key <= r[1]]
    assert len(inside) + len(edge) <= 1  # cells of a covering never overlap
    if within:
        assert len(inside) + len(edge) == 1
    if inside:
        assert within


def test_a_covering_too_large_is_refused() -> None:
    assert grid.covering(45.0, -75.0, 3000, grid.bounding_box(45.0, -75.0, 3000)) is None
