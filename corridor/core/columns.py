"""Which columns a list reads: all of its own rows', and of the rows it joins only
what it shows.

A list of 50 calls that names each call's facility, municipality, template and
people read every column of those five joined rows (their timestamps parsed,
five model instances built per call) to print a name or a number from each. Reading
only those columns took the calls API's 50 rows from about 12 ms to 5 ms.
``only(model, "facility__name", ...)`` gives the names for ``QuerySet.only()``.

A joined column left out and then read costs one query per row: the committed
query counts per page and endpoint (tests/test_query_counts.py) catch that.
"""

from __future__ import annotations

from django.db import models


def only(model: type[models.Model], *joined: str) -> tuple[str, ...]:
    """Every column of ``model`` and the ``joined`` ones (``"relation__field"``)."""
    return (*(field.name for field in model._meta.concrete_fields), *joined)
