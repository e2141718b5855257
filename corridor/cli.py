"""The ``corridor`` command: Django's management commands and Corridor's own.

``corridor issue-token alice`` runs the ``issue_token`` command: the console
speaks with hyphens, Python modules with underscores.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corridor.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["corridor", *args])


if __name__ == "__main__":
    main()
