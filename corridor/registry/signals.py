"""What the registry announces to the capabilities that build on it.

The registry knows none of them: a capability that keeps something derived from
facilities (the supply chain's capability tags and supplier search rows) subscribes
from its ``AppConfig.ready()``.

``facilities_changed``: a bulk change of facilities (an import) runs inside
``facilities_changed.batch()``. Each subscriber gives a context manager that is
entered around the block: it may collect the work that each saved facility asks of
it and do it once when the block ends well (an exception, a rolled-back dry run,
skips it). Outside a batch every save is handled at once by the subscriber's own
receivers, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager


class BatchHook:
    """Subscribers' context managers, entered together around a bulk change."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._subscribers: dict[str, Callable[[], AbstractContextManager[object]]] = {}

    def subscribe(self, key: str, wrapper: Callable[[], AbstractContextManager[object]]) -> None:
        """Enter ``wrapper()`` around every batch; ``key`` makes a second subscription of
        the same subscriber replace the first (``ready()`` may run more than once)."""
        self._subscribers[key] = wrapper

    def subscribers(self) -> list[str]:
        return sorted(self._subscribers)

    @contextmanager
    def batch(self) -> Iterator[None]:
        with ExitStack() as stack:
            for key in sorted(self._subscribers):
                stack.enter_context(self._subscribers[key]())
            yield


facilities_changed = BatchHook("facilities changed")
