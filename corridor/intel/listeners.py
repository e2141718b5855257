"""Who wants to know of the documents a watch run brought in.

A capability registers a function from its AppConfig.ready()::

    from corridor.intel.listeners import on_new_documents
    on_new_documents.register(tell_about_called_companies)

After each read of a watched source, every listener is called with the list of new
documents (their facts stored, their event placed). Intelligence knows no subscriber; a
listener that fails is logged and the others are still called.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger("corridor.intel")

Listener = Callable[[Sequence[Any]], Any]


class Listeners:
    def __init__(self, name: str) -> None:
        self.name = name
        self._listeners: dict[str, Listener] = {}

    def register(self, fn: Listener) -> Listener:
        """Add ``fn`` (once: registering the same function again replaces it)."""
        self._listeners[f"{fn.__module__}.{fn.__qualname__}"] = fn
        return fn

    def unregister(self, fn: Listener) -> None:
        self._listeners.pop(f"{fn.__module__}.{fn.__qualname__}", None)

    def registered(self) -> list[Listener]:
        return list(self._listeners.values())

    def send(self, documents: Sequence[Any]) -> dict[str, Any]:
        """Call every listener with ``documents``; what each answered (or its error)."""
        answers: dict[str, Any] = {}
        if not documents:
            return answers
        for name, fn in list(self._listeners.items()):
            try:
                answers[name] = fn(documents)
            except Exception as exc:  # one listener's mistake must not stop the others
                log.exception("Listener %s of %s failed", name, self.name)
                answers[name] = exc
        return answers


on_new_documents = Listeners("on_new_documents")
