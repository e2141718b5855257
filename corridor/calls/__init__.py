"""The common call template, calls, flags, follow-ups, lead assignments and campaigns."""
