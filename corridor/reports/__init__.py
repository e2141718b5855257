"""Dashboards, the mayors' briefing, exports and open data."""
