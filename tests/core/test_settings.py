"""Display settings: plain JSON in the data dir, private, atomic, forgiving."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from ips_reflect import fileio
from ips_reflect.core.settings import (
    DEFAULT_FONT_SIZE,
    MAX_FONT_SIZE,
    MIN_FONT_SIZE,
    Settings,
    WindowGeometry,
    load_settings,
    save_settings,
    settings_path,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def test_defaults_when_there_is_no_file(data_dir):
    s = load_settings(data_dir)
    assert s == Settings()
    assert (s.theme, s.font_point_size, s.last_page, s.window) == ("light", 11, None, None)
    assert not data_dir.exists(), "loading must not create the data dir"


def test_round_trip(data_dir):
    original = Settings(
        theme="high_contrast",
        font_point_size=15,
        last_page="guide",
        window=WindowGeometry(40, 50, 1000, 700, maximized=True),
    )
    save_settings(data_dir, original)
    assert load_settings(data_dir) == original
    on_disk = json.loads(settings_path(data_dir).read_text())
    assert on_disk["theme"] == "high_contrast"
    assert on_disk["window"] == {"x": 40, "y": 50, "width": 1000, "height": 700, "maximized": True}


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"",
        b"[1, 2, 3]",
        b'"dark"',
        b"\xff\xfe\x00garbage",
        b'{"theme": "dark"',  # cut short, as after a crash mid-write by another tool
    ],
)
def test_corrupt_file_gives_defaults(data_dir, raw):
    data_dir.mkdir()
    settings_path(data_dir).write_bytes(raw)
    assert load_settings(data_dir) == Settings()


def test_unreadable_file_gives_defaults(data_dir):
    settings_path(data_dir).mkdir(parents=True)  # a folder where the file should be
    assert load_settings(data_dir) == Settings()


def test_bad_values_fall_back_one_by_one(data_dir):
    data_dir.mkdir()
    settings_path(data_dir).write_text(
        json.dumps(
            {
                "theme": "purple",
                "font_point_size": True,
                "last_page": "Notes about my client Sam",
                "window": {"x": 0, "y": 0, "width": -5, "height": 600},
            }
        )
    )
    assert load_settings(data_dir) == Settings()
    settings_path(data_dir).write_text(json.dumps({"theme": "dark", "font_point_size": "big"}))
    s = load_settings(data_dir)
    assert s.theme == "dark"
    assert s.font_point_size == DEFAULT_FONT_SIZE


@pytest.mark.parametrize(
    ("stored", "expected"), [(2, MIN_FONT_SIZE), (40, MAX_FONT_SIZE), (13, 13), (12.0, 12)]
)
def test_font_size_is_clamped(data_dir, stored, expected):
    data_dir.mkdir()
    settings_path(data_dir).write_text(json.dumps({"font_point_size": stored}))
    assert load_settings(data_dir).font_point_size == expected
    assert Settings().changed(font_point_size=stored).font_point_size == expected


def test_only_known_keys_are_kept(data_dir):
    """Nothing but the display settings is ever written back."""
    data_dir.mkdir()
    settings_path(data_dir).write_text(
        json.dumps({"theme": "dark", "draft": "I told my client about my divorce"})
    )
    save_settings(data_dir, load_settings(data_dir))
    text = settings_path(data_dir).read_text()
    assert "divorce" not in text and "draft" not in text
    assert set(json.loads(text)) == {
        "format",
        "version",
        "theme",
        "font_point_size",
        "last_page",
        "window",
        "lock_after_minutes",
        "backups_kept",
    }


def test_lock_and_backup_settings_are_kept_in_range(data_dir):
    data_dir.mkdir()
    settings_path(data_dir).write_text(json.dumps({"lock_after_minutes": 0, "backups_kept": 5000}))
    loaded = load_settings(data_dir)
    assert loaded.lock_after_minutes == 1  # never "never"
    assert loaded.backups_kept == 100
    settings_path(data_dir).write_text(json.dumps({"lock_after_minutes": "soon"}))
    assert load_settings(data_dir).lock_after_minutes == 5


@posix_only
def test_file_is_0600_and_directory_0700(data_dir):
    path = save_settings(data_dir, Settings(theme="dark"))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700


@posix_only
def test_existing_loose_directory_is_tightened(data_dir):
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    save_settings(data_dir, Settings())
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700


def test_atomic_write_leaves_no_temp_file(data_dir):
    save_settings(data_dir, Settings(theme="dark"))
    save_settings(data_dir, Settings(theme="light"))
    assert sorted(p.name for p in data_dir.iterdir()) == ["settings.json"]
    assert load_settings(data_dir).theme == "light"


def test_failed_write_keeps_the_old_file_and_cleans_up(data_dir, monkeypatch):
    save_settings(data_dir, Settings(theme="dark", font_point_size=14))

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_settings(data_dir, Settings(theme="light"))
    monkeypatch.undo()
    assert sorted(p.name for p in data_dir.iterdir()) == ["settings.json"]
    assert load_settings(data_dir) == Settings(theme="dark", font_point_size=14)


def test_changed_normalises_values():
    s = Settings().changed(theme="nope", font_point_size=99, last_page="guide")
    assert (s.theme, s.font_point_size, s.last_page) == ("light", MAX_FONT_SIZE, "guide")
    assert Settings().changed(window=WindowGeometry(0, 0, 50, 50)).window is None
