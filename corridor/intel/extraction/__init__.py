"""Corridor's fact extraction: plain Python, no Django, no network, no models.

``extract_facts(text)`` reads one announcement (a press release, a news story,
a policy report) and returns the investments and policy allocations it states,
each with its sentence and a confidence. The rules are regular expressions and
keyword lists (``data/*.json``); every module here can be read and tested on
its own.
"""

from corridor.intel.extraction.facts import ExtractedFact, extract_facts

__all__ = ["ExtractedFact", "extract_facts"]
