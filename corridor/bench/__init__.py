"""Corridor's benchmarks: ``corridor bench registry|search|web`` and the web load
benchmark's data, load generator and CPU split (``webbench``). No page imports it."""
