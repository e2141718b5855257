"""Stakeholders, engagements, messaging, the policy agenda and partnerships."""
