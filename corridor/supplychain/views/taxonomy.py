"""The capability taxonomy as a tree, with synonyms and how many facilities do each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.supplychain.models import Capability, FacilityCapability
from corridor.supplychain.views.common import capabilities, section


@dataclass
class Node:
    capability: Capability
    tagged: int = 0  # facilities tagged with it directly
    children: list[Node] = field(default_factory=list)


@login_required
def capability_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    rows = list(capabilities(user))
    counts = Counter(
        policy.visible(user, FacilityCapability)
        .filter(facility__deleted_at__isnull=True)
        .values_list("capability_id", flat=True)
    )
    nodes = {c.pk: Node(c, counts.get(c.pk, 0)) for c in rows}
    roots: list[Node] = []
    for c in rows:
        (nodes[c.parent_id].children if c.parent_id in nodes else roots).append(nodes[c.pk])
    for node in nodes.values():
        node.children.sort(key=lambda n: n.capability.label.lower())
    order = {"process": 0, "material": 1, "product": 2, "service": 3}
    roots.sort(key=lambda n: (order.get(n.capability.kind, 9), n.capability.label))
    exported = export(
        request,
        "capabilities",
        ["key", "capability", "kind", "parent", "other_names", "facilities_tagged"],
        _capability_lines(roots),
    )
    if exported is not None:
        return exported
    return render(
        request,
        "supplychain/taxonomy.html",
        {
            "roots": roots,
            "count": len(rows),
            "can_edit": policy.can_create(user, Capability),
            **section("taxonomy"),
            **export_links(request),
        },
    )


def _capability_lines(nodes: list[Node], parent: str = "") -> Iterator[list[object]]:
    """The tree in the page's order, one line per capability under its parent."""
    for node in nodes:
        c = node.capability
        names = "; ".join(c.synonym_list())
        yield [c.key, c.label, c.get_kind_display(), parent, names, node.tagged]
        yield from _capability_lines(node.children, c.key)
