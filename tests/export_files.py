"""Reading a list export in a test: the CSV a ``?format=csv`` list URL answers with."""

from __future__ import annotations

import csv
import io
from typing import Any


def csv_rows(response: Any) -> list[list[str]]:
    """The header and the lines of a CSV export (the byte-order mark checked and dropped)."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))
