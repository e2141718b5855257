"""The risk's part of the API (`/api/v1/...`): see docs/api.md."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["attraction"])
