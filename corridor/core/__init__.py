"""Organisations, people, roles, the access policy, change history and geography."""
