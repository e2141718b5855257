"""Capability taxonomy, supply needs, supplier search and gap analysis."""
