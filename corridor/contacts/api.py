"""API endpoints of contacts: the people at companies and the touches with them."""

from ninja import Router

router = Router(tags=["contacts"])
