"""No YAML file can hang the app: aliases, merge keys, size, node count and depth are bounded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ips_reflect.cli import main
from ips_reflect.core.biocard import validate_card
from ips_reflect.core.content import check_content
from ips_reflect.core.yamlsafe import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES

pytestmark = pytest.mark.timeout(20)

REPO = Path(__file__).resolve().parent.parent.parent
BUILTIN = REPO / "content"


def billion_laughs(prefix: str = "") -> str:
    """The classic document: 9 levels of 10 aliases (under 1.4 KB), 10**9 strings."""
    lines = [prefix + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 10) + "]")
    lines.append("z: [" + ",".join(["*i"] * 10) + "]")
    return "\n".join(lines) + "\n"


BOMB_CARD = billion_laughs(
    "format: ips-reflect/bio-card\nversion: 1\nname: Sam\nrole: x\nbiography: y\n"
)
BOMB_PACK = billion_laughs("format: ips-reflect/content\nversion: 1\npack: preparation\n")
PACK_HEAD = "format: ips-reflect/content\nversion: 1\npack: preparation\n"


def test_the_bomb_is_the_classic_size() -> None:
    assert len(billion_laughs()) < 1600  # a small file: the harm is in the expansion
    assert BOMB_CARD.count("*") == 90


def test_billion_laughs_card_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "card.yaml"
    path.write_text(BOMB_CARD, encoding="utf-8")
    start = time.monotonic()
    card, problems = validate_card(path)
    assert time.monotonic() - start < 1
    assert card is None and len(problems) == 1
    p = problems[0]
    assert (p.location.line, p.location.col) == (6, 4)
    assert "anchors and aliases (&name, *name) are not allowed in a biography card" in p.message
    assert "write the text out in full" in p.message


def test_billion_laughs_pack_in_a_content_dir_is_refused_at_once(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "bomb.yaml").write_text(BOMB_PACK, encoding="utf-8")
    start = time.monotonic()
    content, problems = check_content(BUILTIN, [org])
    assert time.monotonic() - start < 1
    assert content is None
    assert [str(p) for p in problems if "bomb.yaml" in str(p)] == [
        f"{org / 'bomb.yaml'}:4:4: anchors and aliases (&name, *name) are not allowed in "
        "a question pack; write the text out in full each time it is used"
    ] or any("bomb.yaml:4:4: anchors and aliases" in str(p) for p in problems)


def test_billion_laughs_pack_in_the_data_folder_is_refused(tmp_path: Path, capsys) -> None:
    data_dir = tmp_path / "data"
    (data_dir / "content").mkdir(parents=True)
    (data_dir / "content" / "bomb.yaml").write_text(BOMB_PACK, encoding="utf-8")
    start = time.monotonic()
    assert main(["--data-dir", str(data_dir), "content", "check"]) == 1
    assert time.monotonic() - start < 1
    err = capsys.readouterr().err
    assert "bomb.yaml:4:4: anchors and aliases" in err
    assert "Traceback" not in err


def test_content_check_command_refuses_the_bomb(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "bomb.yaml").write_text(BOMB_PACK, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ips_reflect", "content", "check", str(folder)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=15,
    )
    assert result.returncode == 1
    assert "bomb.yaml:4:4: anchors and aliases" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_single_anchor_without_an_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "card.yaml"
    path.write_text(
        "format: ips-reflect/bio-card\nversion: 1\nname: &n Sam\nrole: x\nbiography: y\n",
        encoding="utf-8",
    )
    _card, problems = validate_card(path)
    assert len(problems) == 1
    assert (problems[0].location.line, problems[0].location.col) == (3, 7)
    assert "anchors and aliases" in problems[0].message


def test_merge_keys_are_refused_with_their_position(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "merge.yaml").write_text(
        PACK_HEAD + "sections:\n  - id: x.y\n    <<: {title: T, source: S}\n", encoding="utf-8"
    )
    _content, problems = check_content(BUILTIN, [org])
    mine = [str(p) for p in problems if "merge.yaml" in str(p)]
    assert len(mine) == 1
    assert "merge.yaml:6:5: merge keys ('<<') are not allowed in a question pack" in mine[0]


def test_too_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "card.yaml"
    depth = MAX_DEPTH + 5
    path.write_text("format: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    start = time.monotonic()
    _card, problems = validate_card(path)
    assert time.monotonic() - start < 1
    assert len(problems) == 1 and f"more than {MAX_DEPTH} levels" in problems[0].message
    assert problems[0].location.line == 1


def test_too_many_nodes_are_refused(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "many.yaml").write_text(
        PACK_HEAD + "x: [" + "1," * (MAX_NODES + 10) + "1]\n", encoding="utf-8"
    )
    assert (org / "many.yaml").stat().st_size < MAX_FILE_BYTES
    _content, problems = check_content(BUILTIN, [org])
    mine = [str(p) for p in problems if "many.yaml" in str(p)]
    assert len(mine) == 1 and f"more than {MAX_NODES:,} values" in mine[0]
    assert "many.yaml:4:" in mine[0]


def test_pack_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    with (org / "huge.yaml").open("wb") as fh:
        fh.write(PACK_HEAD.encode())
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing large is written
    start = time.monotonic()
    _content, problems = check_content(BUILTIN, [org])
    assert time.monotonic() - start < 1
    mine = [str(p) for p in problems if "huge.yaml" in str(p)]
    assert len(mine) == 1 and "huge.yaml:1:1: the file is" in mine[0]
    assert "larger than the limit of 2.0 MB" in mine[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_fifo_in_a_pack_folder_does_not_hang(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    os.mkfifo(org / "pipe.yaml")
    content, problems = check_content(BUILTIN, [org])
    assert content is not None and problems == []


def test_builtin_packs_use_no_anchors_and_still_load() -> None:
    import yaml

    for path in sorted(BUILTIN.glob("*.yaml")):
        for event in yaml.parse(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader):
            assert not isinstance(event, yaml.AliasEvent), path
            assert getattr(event, "anchor", None) is None, path
    content, problems = check_content(BUILTIN)
    assert problems == [] and content is not None


def test_settings_json_is_not_read_through_yaml(tmp_path: Path) -> None:
    from ips_reflect.core import settings

    source = Path(settings.__file__).read_text(encoding="utf-8")
    assert "yaml" not in source
    assert json.loads('{"a": 1}') == {"a": 1}
