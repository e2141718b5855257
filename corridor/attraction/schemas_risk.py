"""API shapes of the retention early warning (names unique across the API)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from corridor.core.schemas import CleanText


class RiskReasonOut(Schema):
    reason: str = Field(..., description="red_flag, yellow_flag, parent_elsewhere, parent_cuts, "
                        "single_supplier, lease, ownership or no_visit")  # fmt: skip
    label: str
    weight: int = Field(..., description="What it adds to the score (an old flag's 1.5 times)")
    detail: str
    since: str | None = Field(None, description="The date it started (ISO), when known")
    age_days: int | None = None
    path: str = Field("", description="Where to read more in Corridor")


class FacilityRiskOut(Schema):
    id: int = Field(..., description="The assessment (FacilityRisk) id")
    facility_id: int
    facility: str
    municipality_id: int | None
    municipality: str | None
    score: int
    jobs: int | None = Field(None, description="Employees on record")
    reasons: list[RiskReasonOut]
    first_listed_at: dt.datetime | None
    assessed_at: dt.datetime | None


class RiskDismissIn(CleanText):
    reason: str = Field(..., min_length=1, max_length=500, description="Why it is not at risk")


class RiskDismissalOut(Schema):
    id: int
    facility_id: int
    facility: str = Field(..., alias="facility.name")
    reasons: list[str] = Field(..., description="The reason keys dismissed")
    reason: str
    organisation_id: int
    organisation: str = Field(..., alias="organisation.label")
    dismissed_by: str | None = None
    created_at: dt.datetime

    @staticmethod
    def resolve_reasons(obj: object) -> list[str]:
        return sorted(k for k in str(getattr(obj, "signature", "")).split(",") if k)

    @staticmethod
    def resolve_dismissed_by(obj: object) -> str | None:
        user = getattr(obj, "dismissed_by", None)
        return user.get_username() if user is not None else None


class RiskWeightOut(Schema):
    reason: str
    label: str
    weight: int
    default: int
    explanation: str
    version: int | None = Field(None, description="Send it back when you change the weight")


class RiskWeightIn(CleanText):
    weight: int = Field(..., ge=0, le=200)
    explanation: str | None = Field(None, max_length=400)
    version: int | None = Field(None, ge=1, description="The version you read (409 if it changed)")
