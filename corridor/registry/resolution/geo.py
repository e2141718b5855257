"""Coordinates: validation, great-circle distance, grid cells for blocking."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
CELL_DEGREES = 0.02  # about 2.2 km north-south, 1.6 km east-west at 43 degrees N


def valid_coordinates(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    """Rounded (lat, lon), or None when missing, out of range or the (0, 0) placeholder."""
    if lat is None or lon is None:
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or (lat == 0.0 and lon == 0.0):
        return None
    if math.isnan(lat) or math.isnan(lon):
        return None
    return round(lat, 5), round(lon, 5)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1 = math.radians(a[0]), math.radians(a[1])
    lat2, lon2 = math.radians(b[0]), math.radians(b[1])
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def cell(point: tuple[float, float]) -> tuple[int, int]:
    """Grid cell of a point, for blocking on nearby coordinates."""
    return math.floor(point[0] / CELL_DEGREES), math.floor(point[1] / CELL_DEGREES)
