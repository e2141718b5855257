"""Full-text search over documents: an index of the distinct words of each document.

The same plain table on SQLite and PostgreSQL, so a search finds the same documents on
both: every word of the query must be in the document (the last word may be the start
of a word), accents and case do not matter; title matches rank first."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.db.models import Count, Q, QuerySet

from corridor.intel.models import Document, DocumentTerm

MAX_TERM = 40
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "at",
        "from",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "as",
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "et",
        "en",
        "un",
        "une",
        "el",
        "los",
        "las",
        "y",
    ]
)


def words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [
        w[:MAX_TERM] for w in re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", plain) if w not in _STOP
    ]


def index_document(document: Document) -> None:
    """(Re)build the index rows of one document."""
    title_words = set(words(document.title))
    body = set(words(document.text)) | title_words
    DocumentTerm.objects.filter(document=document).delete()
    DocumentTerm.objects.bulk_create(
        DocumentTerm(document=document, term=term, in_title=term in title_words)
        for term in sorted(body)
    )


def search(documents: QuerySet[Any], query: str) -> QuerySet[Any]:
    """The documents (of an already scoped queryset) that contain every word of ``query``."""
    terms = words(query)
    if not terms:
        return documents
    for position, term in enumerate(terms):
        last = position == len(terms) - 1
        match = Q(term__startswith=term) if last and len(term) >= 3 else Q(term=term)
        documents = documents.filter(
            pk__in=DocumentTerm.objects.filter(match).values("document_id")
        )
    title_hits = Count("terms", filter=Q(terms__in_title=True, terms__term__in=terms))
    return documents.annotate(title_hits=title_hits).order_by("-title_hits", "-date", "-pk")
