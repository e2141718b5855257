"""Uploads kept between a preview and the import (corridor/core/uploads.py)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from corridor.core import uploads


def _request() -> Any:
    request = RequestFactory().post("/")
    request.session = SessionStore()
    return request


def test_a_file_keeps_its_own_name_without_folders_or_nul() -> None:
    assert uploads.own_name("../../etc/windsor\x00-list.csv", "upload.csv") == "windsor-list.csv"
    assert uploads.own_name("..", "upload.csv") == "upload.csv"
    assert uploads.own_name(None, "contacts.csv") == "contacts.csv"


def test_the_session_that_previewed_a_file_alone_finds_it(tmp_path: Path) -> None:
    shelf = uploads.PreviewShelf(lambda: tmp_path, "test_uploads", "upload.csv")
    mine, theirs = _request(), _request()
    token, path = shelf.save(mine, SimpleUploadedFile("list.csv", b"a,b\n"), organisation=7)
    assert path.read_bytes() == b"a,b\n" and path.name == "list.csv"
    assert shelf.kept(mine, token) == (path, {"name": "list.csv", "organisation": 7})
    assert shelf.kept(theirs, token) is None  # another officer cannot confirm it
    assert shelf.kept(mine, "../" + token) is None

    shelf.release(mine, token)  # confirmed: the session forgets it, the file stays
    assert shelf.kept(mine, token) is None and path.is_file()

    token, path = shelf.save(mine, SimpleUploadedFile("again.csv", b"x"))
    shelf.forget(mine, token)
    assert not path.parent.exists()


def test_folders_left_for_a_day_are_swept_and_newer_ones_kept(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    token, place = uploads.new_folder(tmp_path)  # sweeps first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["new", token])
    assert place.is_dir()
