"""Documents, extracted facts, technology trends and jurisdictions."""
