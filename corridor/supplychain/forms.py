"""Forms of the supply-chain pages: supplier search, the map's filters, needs, introductions,
their outcomes and a facility's capabilities."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from corridor.core.models import Organisation
from corridor.registry.models import Certification, Facility, Tier
from corridor.supplychain.models import (
    Capability,
    IntroductionOutcome,
    NeedStatus,
    SourcedFrom,
    Urgency,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIERS = [(v, label) for v, label in Tier.choices if v]
INDENT = "\u2003"  # an em space: the tree's indentation in a select box
KIND_ORDER = {"process": 0, "material": 1, "product": 2, "service": 3}


def capability_choices(
    capabilities: Any, empty: str | None = "Any capability", roots: bool = True
) -> list[Any]:
    """The taxonomy as a tree a select box can show: one group per kind (processes,
    materials, products, services), children indented under their parents. With
    ``roots`` each group starts with "any of" its whole branch."""
    rows = list(capabilities)
    children: dict[int | None, list[Capability]] = {}
    for c in rows:
        children.setdefault(c.parent_id, []).append(c)
    out: list[Any] = [("", empty)] if empty is not None else []

    def walk(parent: int, depth: int, into: list[tuple[str, str]]) -> None:
        for c in sorted(children.get(parent, []), key=lambda c: c.label.lower()):
            into.append((c.key, INDENT * depth + c.label))
            walk(c.pk, depth + 1, into)

    for root in sorted(children.get(None, []), key=lambda c: (KIND_ORDER.get(c.kind, 9), c.label)):
        group: list[tuple[str, str]] = []
        if roots:
            group.append((root.key, f"Any of the {root.label.lower()}"))
        walk(root.pk, 0, group)
        out.append((root.label, group))
    return out


class SupplierSearchForm(forms.Form):
    q = forms.CharField(
        label="What are you looking for?",
        required=False,
        max_length=200,
        help_text="Free text: a process, a material, a product or a name. "
        "Synonyms, plurals and small typos are understood (“die castings”, “aluminum”, “stampng”).",
    )
    capability = forms.MultipleChoiceField(
        label="Capabilities",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each one ticked must be done; a capability includes everything under it.",
    )
    certification = forms.MultipleChoiceField(
        label="Valid certifications",
        required=False,
        choices=Certification.STANDARDS,
        widget=forms.CheckboxSelectMultiple,
        help_text="Held and not expired today.",
    )
    tier = forms.MultipleChoiceField(
        label="Tier", required=False, choices=TIERS, widget=forms.CheckboxSelectMultiple
    )
    min_employees = forms.IntegerField(label="At least (employees)", required=False, min_value=0)
    max_employees = forms.IntegerField(label="At most (employees)", required=False, min_value=0)
    municipality = forms.ChoiceField(label="Near a municipality", required=False)
    facility = forms.IntegerField(required=False, widget=forms.HiddenInput)
    lat = forms.FloatField(
        label="or near a point: latitude", required=False, min_value=-90, max_value=90
    )
    lon = forms.FloatField(label="longitude", required=False, min_value=-180, max_value=180)
    radius = forms.IntegerField(
        label="Within (km)",
        required=False,
        min_value=1,
        max_value=2000,
        help_text="Needs a centre: a municipality, a facility or a point. Empty: any distance.",
    )

    def __init__(self, *args: Any, capabilities: Any, municipalities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["capability"].choices = capability_choices(capabilities, empty=None)  # type: ignore[attr-defined]
        self.fields["municipality"].choices = [("", "No municipality")] + [  # type: ignore[attr-defined]
            (str(m.pk), m.name) for m in municipalities
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        centres = [
            bool(data.get("municipality")),
            data.get("facility") is not None,
            data.get("lat") is not None or data.get("lon") is not None,
        ]
        if sum(centres) > 1:
            raise forms.ValidationError(
                "Choose one centre: a municipality, a facility, or a latitude and longitude."
            )
        if (data.get("lat") is None) != (data.get("lon") is None):
            self.add_error("lon", "Give both the latitude and the longitude of the point.")
        if data.get("radius") is not None and not any(centres):
            self.add_error(
                "radius", "A distance needs a centre: choose a municipality or give a point."
            )
        low, high = data.get("min_employees"), data.get("max_employees")
        if low is not None and high is not None and low > high:
            self.add_error("max_employees", "“At most” is smaller than “at least”.")
        return data

    def capability_groups(self) -> list[tuple[str, list[Any]]]:
        """The capability boxes by kind (processes, materials, ...), in the tree's order."""
        boxes = iter(self["capability"])
        return [
            (str(label), [next(boxes) for _ in options])
            for label, options in self.fields["capability"].choices  # type: ignore[attr-defined]
        ]

    def has_criteria(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(
            data.get(name) not in (None, "", [])
            for name in (
                "q",
                "capability",
                "certification",
                "tier",
                "min_employees",
                "max_employees",
                "municipality",
                "facility",
                "lat",
            )
        )


class MapFilterForm(forms.Form):
    capability = forms.ChoiceField(label="Suppliers of", required=False)
    tier = forms.ChoiceField(label="Tier", required=False, choices=[("", "Any tier"), *TIERS[1:]])

    def __init__(self, *args: Any, capabilities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["capability"].choices = capability_choices(capabilities, "Any capability")  # type: ignore[attr-defined]


class NeedForm(forms.Form):
    buyer: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Buyer facility",
        queryset=Facility.objects.none(),
        empty_label="Choose the facility that needs it",
        help_text="Confidential: only your municipality and the coordinator will see who it is.",
    )
    capability = forms.ChoiceField(label="What it needs")
    description = forms.CharField(
        label="Details",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Part, specification, quantities. Seen only with the buyer.",
    )
    annual_value = forms.IntegerField(
        label="Value per year ($)",
        required=False,
        min_value=0,
        max_value=10**12,
        help_text="Canadian dollars a year; gaps are ranked by it.",
    )
    annual_volume = forms.CharField(
        label="Volume per year", required=False, max_length=120, help_text="e.g. 40,000 parts"
    )
    sourced_from = forms.ChoiceField(
        label="Bought from today", choices=SourcedFrom.choices, initial=SourcedFrom.UNKNOWN
    )
    urgency = forms.ChoiceField(label="Urgency", choices=Urgency.choices, initial=Urgency.MEDIUM)
    radius_km = forms.IntegerField(
        label="Local means within (km)",
        min_value=1,
        max_value=2000,
        initial=150,
        help_text="Suppliers closer than this to the buyer count as local.",
    )
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Recorded by",
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text="Who answers for it.",
    )
    loaded_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        buyers: Any,
        capabilities: Any,
        organisations: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        buyer: Any = self.fields["buyer"]
        buyer.queryset = buyers
        buyer.label_from_instance = lambda f: (
            f"{f.name} ({f.municipality.name if f.municipality_id else f.city or 'place unknown'})"
        )
        self.fields["capability"].choices = capability_choices(  # type: ignore[attr-defined]
            capabilities, "Choose a capability", roots=False
        )
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class IntroductionForm(forms.Form):
    supplier = forms.TypedChoiceField(label="Supplier", coerce=int)
    introduced_on = forms.DateField(label="Introduced on", widget=DATE)
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, suppliers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supplier"].choices = [("", "Choose a supplier"), *suppliers]  # type: ignore[attr-defined]
        self.fields["introduced_on"].initial = timezone.localdate()


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label="Outcome", choices=IntroductionOutcome.choices)
    notes = forms.CharField(
        label="Notes", required=False, max_length=5000, widget=forms.TextInput()
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=NeedStatus.choices)


class TagForm(forms.Form):
    capability = forms.ChoiceField(label="Capability to add")

    def __init__(self, *args: Any, capabilities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["capability"].choices = capability_choices(  # type: ignore[attr-defined]
            capabilities, "Choose a capability", roots=False
        )


class GapForm(forms.Form):
    k = forms.IntegerField(
        label="A need is unmet with fewer than this many local suppliers",
        min_value=1,
        max_value=10,
        required=False,
        initial=1,
    )
    radius = forms.IntegerField(
        label="Concentration risk: local means within (km)",
        min_value=10,
        max_value=1000,
        required=False,
        initial=150,
    )


class CapabilityFilterForm(forms.Form):
    capability = forms.ChoiceField(label="Capability", required=False)

    def __init__(self, *args: Any, capabilities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["capability"].choices = capability_choices(capabilities)  # type: ignore[attr-defined]
