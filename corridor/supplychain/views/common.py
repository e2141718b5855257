"""What the supply-chain pages share: navigation, marker colours, who the buyer is, exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from corridor.core import policy
from corridor.registry.models import Facility, Tier
from corridor.supplychain.models import Capability, FacilityCapability, SupplyNeed

NAV = "supply-chain"

# Marker colours: dark enough on the plain map background and on tiles; each also has
# words (legend, popup, table), so nothing is told by colour alone.
TIER_STYLE: dict[str, tuple[str, int, str]] = {  # tier: (colour, radius, css class)
    Tier.OEM: ("#5b2a86", 10, "oem"),
    Tier.TIER1: ("#1f5fa8", 6, "tier1"),
    Tier.TIER2: ("#2e7d32", 6, "tier2"),
    Tier.TIER3: ("#a05a00", 5, "tier3"),
    Tier.TOOLING: ("#6d4c41", 5, "tooling"),
    Tier.SERVICE: ("#00707a", 5, "service"),
    Tier.UNKNOWN: ("#ffffff", 4, "unknown"),
}
GAP_COLOUR = "#c62828"
CENTRE_COLOUR = "#111111"


def section(name: str) -> dict[str, Any]:
    """Context every supply-chain page carries: its main-navigation entry and its sub-page."""
    return {"nav_current": NAV, "supply_section": name}


def require_participant(user: Any) -> None:
    if not policy.can_view(user, SupplyNeed):
        raise PermissionDenied(
            "Supply needs are for the municipalities and the coordinator office. "
            "The gap analysis and the map show the region's picture to everyone."
        )


def place_of(facility: Facility) -> str:
    if facility.municipality_id and facility.municipality:
        return facility.municipality.name
    return facility.city or "a place not known"


def capabilities(user: Any) -> Any:
    return policy.visible(user, Capability).order_by("pk")


def tag_labels(user: Any, facility_ids: Iterable[int]) -> dict[int, list[str]]:
    """The capability labels of each facility, sorted."""
    out: dict[int, list[str]] = {}
    rows = (
        policy.visible(user, FacilityCapability)
        .filter(facility_id__in=list(facility_ids))
        .values_list("facility_id", "capability__label")
        .order_by("capability__label")
    )
    for facility_id, label in rows:
        out.setdefault(facility_id, []).append(label)
    return out


def tier_label(tier: str) -> str:
    return str(Tier(tier).label) if tier in Tier.values else tier or "Not known"


def money(value: int | None) -> str:
    return "" if value is None else f"${value:,}"


# --- exports -----------------------------------------------------------------------
def _cell(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    response = HttpResponse(
        "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
    )  # the byte-order mark lets spreadsheet programs read accents
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(
    filename: str, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]
) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    first = True
    for title, header, rows in sheets:
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = title[:31]
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell(v) for v in row])
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def querystring(request: HttpRequest, **changes: Any) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()
