"""Technology-trend tags by keyword lists (``data/trends.json``)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "trends.json"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    result = {}
    for trend, words in raw.items():
        if trend.startswith("_"):
            continue
        parts = []
        for word in sorted(words, key=len, reverse=True):
            escaped = re.escape(word.rstrip("*")).replace(r"\ ", r"[\s-]+")
            parts.append(escaped + (r"\w*" if word.endswith("*") else ""))
        result[trend] = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)
    return result


TRENDS: tuple[str, ...] = (
    "electrification",
    "batteries",
    "light-weighting",
    "propulsion",
    "connectivity-autonomy",
    "automation-industry-4.0",
    "lean-manufacturing",
    "skills-training",
)


def _short_words_ok(match: re.Match[str]) -> bool:
    word = match.group(0)
    # "EV", "AI", "IoT" count in capitals only; "ai"/"ev" in lower case are other words.
    return len(word) > 3 or word != word.lower()


def find_trends(text: str) -> list[str]:
    """The trends ``text`` speaks of, in the canonical order."""
    patterns = _patterns()
    return [
        trend
        for trend in TRENDS
        if trend in patterns and any(_short_words_ok(m) for m in patterns[trend].finditer(text))
    ]
