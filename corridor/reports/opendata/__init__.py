"""Corridor's open data: aggregate tables for the public, small cells suppressed."""
