"""The registry's background work: importing a list an officer confirmed on the import
page (``views/imports.py`` previews it in the request, then starts this task).

The import writes everything in one transaction, so its progress goes through the
Job's progress file (``corridor.jobs.services.progress``) and the page reads it there.
A rerun after a dead worker starts again from an untouched database (nothing of the
first attempt was committed) and finds the rows earlier imports wrote by their source id.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from corridor.core.history import WEB, change_context
from corridor.core.models import User
from corridor.jobs import services as jobs
from corridor.registry.importing import import_companies
from corridor.registry.sheets import ImportFileError


def uploads() -> Path:
    """Where uploaded lists wait between the preview and the end of their import."""
    return Path(settings.VAR_DIR) / "uploads"


@task()
def import_upload(token: str, name: str, source: str, user_id: int | None) -> int:
    """Import the file ``name`` uploaded under ``token``; the ImportRun's id. Removes the
    upload once imported (a failed one stays until the import page's daily sweep)."""
    upload = uploads() / token / name
    if not token or not upload.is_file():
        raise jobs.Refused(
            "The uploaded file is no longer here (an upload is kept for a day). "
            "Choose the file again on the import page. Nothing was imported."
        )
    user = User.objects.filter(pk=user_id).first() if user_id else None
    report = jobs.progress()

    def rows_done(done: int, total: int) -> None:
        report(done, total, f"Matching new rows with the registry: {done} of {total}")

    report(0, None, f"Reading {upload.name}")
    try:
        # the person who confirmed the import on the page is its author, as when the
        # import ran inside their request
        with change_context(user=user, source=WEB):
            result = import_companies(upload, source or None, user=user, progress=rows_done)
    except ImportFileError as exc:
        raise jobs.Refused(f"{exc} Nothing was imported.") from exc
    shutil.rmtree(uploads() / token, ignore_errors=True)
    assert result.run_id is not None
    jobs.finished(
        result_url=reverse("import-result", args=[result.run_id]), message=result.summary()
    )
    return result.run_id
