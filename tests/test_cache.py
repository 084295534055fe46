"""The parse cache: keyed by content and code, never stale, never lying, never in the way."""

from __future__ import annotations

import marshal
import os
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiliang_cli import cache, records
from zhiliang_cli.source import BUNDLED_PLAN

SMALL_PLAN = "一、总则\n（一）做好第{n}项工作，完成试点20个。（牵头单位：省厅）\n"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZL_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_bytes(BUNDLED_PLAN.read_bytes())
    return path


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{cache.SUFFIX}"))


def _uncached(path: Path, monkeypatch: pytest.MonkeyPatch) -> cache.LoadedPlan:
    with monkeypatch.context() as patch:
        patch.setenv("ZL_NO_CACHE", "1")
        return cache.load_plan(str(path))


def test_hit_equals_miss(cache_dir: Path, plan_file: Path) -> None:
    miss = cache.load_plan(str(plan_file))
    assert len(_entries(cache_dir)) == 1
    hit = cache.load_plan(str(plan_file))
    assert hit == miss


def test_a_hit_does_not_parse(cache_dir: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load_plan(str(plan_file))
    monkeypatch.setattr(cache, "decode", lambda raw: pytest.fail("a hit decoded the file"))
    assert cache.load_plan(str(plan_file)).plan["sections"]


def test_changed_file_is_parsed_again(cache_dir: Path, plan_file: Path) -> None:
    first = cache.load_plan(str(plan_file))
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("省林业局", "省林草局"), encoding="utf-8")
    second = cache.load_plan(str(plan_file))
    assert first.sha256 != second.sha256
    assert "省林草局" in second.plan["sections"][0]["items"][1]["lead_units"]
    assert len(_entries(cache_dir)) == 2


# --- an entry that cannot be trusted is rebuilt, never served --------------------------------


def _tamper_random(entry: Path, key: bytes) -> None:
    entry.write_bytes(os.urandom(200))


def _tamper_truncated(entry: Path, key: bytes) -> None:
    entry.write_bytes(entry.read_bytes()[:-10])


def _tamper_flipped(entry: Path, key: bytes) -> None:
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 1
    entry.write_bytes(bytes(data))


def _resign(entry: Path, payload: bytes, key: bytes) -> None:
    name = entry.name.encode()
    entry.write_bytes(cache.MAGIC + cache.mac(key, cache.MAGIC, name, payload) + payload)


def _forged_without_key(entry: Path, key: bytes) -> None:
    """Content changed and signed again, by someone who does not have the key."""
    content = marshal.loads(entry.read_bytes()[len(cache.MAGIC) + 32 :])
    content["plan"]["sections"][0]["items"][0]["lead_units"] = ["冒充单位"]
    _resign(entry, marshal.dumps(content), os.urandom(32))


def _wrong_shape_signed(entry: Path, key: bytes) -> None:
    """Signed with the right key, but not a plan (a bug or another version would do this)."""
    _resign(entry, marshal.dumps({"encoding": "utf-8", "plan": {"sections": [{"items": 3}]}}), key)


def _missing_key_signed(entry: Path, key: bytes) -> None:
    content = marshal.loads(entry.read_bytes()[len(cache.MAGIC) + 32 :])
    del content["plan"]["sections"][0]["items"][0]["targets"]
    _resign(entry, marshal.dumps(content), key)


def _old_format(entry: Path, key: bytes) -> None:
    data = entry.read_bytes()
    entry.write_bytes(b"ZLC\x01" + data[4:])


@pytest.mark.parametrize(
    "tamper",
    [
        _tamper_random,
        _tamper_truncated,
        _tamper_flipped,
        _forged_without_key,
        _wrong_shape_signed,
        _missing_key_signed,
        _old_format,
    ],
    ids=lambda f: f.__name__.strip("_"),
)
def test_tampered_entry_is_rebuilt(
    cache_dir: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch, tamper: object
) -> None:
    expected = _uncached(plan_file, monkeypatch)
    cache.load_plan(str(plan_file))
    (entry,) = _entries(cache_dir)
    tamper(entry, (cache_dir / cache.KEY_FILE).read_bytes())  # type: ignore[operator]
    assert cache.load_plan(str(plan_file)) == expected
    assert cache.load_plan(str(plan_file)) == expected  # rebuilt: now a good entry again


def test_entry_of_another_file_is_not_served(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SMALL_PLAN.format(n=1), encoding="utf-8")
    second.write_text(SMALL_PLAN.format(n=2), encoding="utf-8")
    cache.load_plan(str(first))
    (entry,) = _entries(cache_dir)
    expected = _uncached(second, monkeypatch)
    (cache_dir / (expected.sha256 + entry.name[64:])).write_bytes(entry.read_bytes())
    assert cache.load_plan(str(second)) == expected


@settings(max_examples=15, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_as_an_entry_are_never_served(data: bytes) -> None:
    store = cache._Store(Path(os.environ["ZL_CACHE_DIR"]), b"k" * 32)
    store.folder.mkdir(parents=True, exist_ok=True)
    from zhiliang_cli.source import read_bytes

    raw = read_bytes(None)
    name = store._entry_name()
    assert name is not None
    (store.folder / f"{raw.sha256}-{name}").write_bytes(cache.MAGIC + data)
    assert store.read(raw) is None


def test_shapes_agree_with_the_records() -> None:
    kinds = {
        "plan": records.PlanRecord,
        "problem": records.ProblemRecord,
        "section": records.SectionRecord,
        "group": records.GroupRecord,
        "item": records.ItemRecord,
        "target": records.TargetRecord,
    }
    for name, kind in kinds.items():
        assert cache.SHAPES[name] == kind.__required_keys__ | kind.__optional_keys__, name


def test_mac_is_hmac_sha256() -> None:
    import hashlib
    import hmac

    for key in (b"", b"k", os.urandom(32), os.urandom(64), os.urandom(100)):
        message = os.urandom(77)
        assert cache.mac(key, message[:30], message[30:]) == hmac.new(key, message, hashlib.sha256).digest()


# --- the folder and its key ----------------------------------------------------------------


def test_key_is_private_and_made_once(cache_dir: Path, plan_file: Path) -> None:
    cache.load_plan(str(plan_file))
    key = cache_dir / cache.KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == cache.KEY_BYTES
    first = key.read_bytes()
    cache.load_plan(str(plan_file))
    assert key.read_bytes() == first
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in cache_dir.iterdir())


def test_key_others_can_read_is_replaced(cache_dir: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load_plan(str(plan_file))
    key = cache_dir / cache.KEY_FILE
    old = key.read_bytes()
    key.chmod(0o644)
    assert cache.load_plan(str(plan_file)) == _uncached(plan_file, monkeypatch)
    assert key.read_bytes() != old and stat.S_IMODE(key.stat().st_mode) == 0o600


def test_folder_others_can_write_is_not_used(cache_dir: Path, plan_file: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    assert cache.load_plan(str(plan_file)).plan["sections"]
    assert list(cache_dir.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_folder_of_another_user_is_not_used(cache_dir: Path, plan_file: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    os.chown(cache_dir, 65534, 65534)
    assert cache.load_plan(str(plan_file)).plan["sections"]
    assert list(cache_dir.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_is_skipped(cache_dir: Path, plan_file: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert cache.load_plan(str(plan_file)).plan["sections"]
    finally:
        cache_dir.chmod(0o700)


def test_cache_path_that_is_a_file_is_skipped(tmp_path: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ZL_CACHE_DIR", str(blocker / "cache"))
    assert len(cache.load_plan(str(plan_file)).plan["sections"]) == 8


def test_no_cache_writes_nothing(cache_dir: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZL_NO_CACHE", "1")
    cache.load_plan(str(plan_file))
    assert not cache_dir.exists()


# --- the code fingerprint ------------------------------------------------------------------


@pytest.fixture
def package_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "package"
    shutil.copytree(cache._PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    monkeypatch.setattr(cache, "_PACKAGE", copy)
    return copy


def test_an_edit_with_the_same_size_and_mtime_changes_the_name(cache_dir: Path, package_copy: Path) -> None:
    store = cache._Store.open()
    assert store is not None
    before = store._entry_name()
    module = package_copy / "parse" / "lexicon.py"
    info = module.stat()
    content = module.read_bytes()
    module.write_bytes(content.replace(b"\xe7\x89\xb5\xe5\xa4\xb4", b"\xe4\xb8\xbb\xe6\x8a\x93", 1))  # 牵头 -> 主抓
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert module.stat().st_size == info.st_size and module.stat().st_mtime_ns == info.st_mtime_ns
    after = store._entry_name()
    assert after != before
    assert after == cache._code_hash()[:32] + cache.SUFFIX


def test_the_code_hash_is_of_contents_only(cache_dir: Path, package_copy: Path) -> None:
    store = cache._Store.open()
    assert store is not None
    before = store._entry_name()
    os.utime(package_copy / "query.py", ns=(1, 1))  # a new time stamp, the same code
    assert store._entry_name() == before


def test_a_forged_code_stamp_is_not_believed(cache_dir: Path, package_copy: Path) -> None:
    store = cache._Store.open()
    assert store is not None
    name = store._entry_name()
    (stamp,) = cache_dir.glob("code-*")
    stamp.write_bytes(os.urandom(32) + b"f" * 64)
    assert store._entry_name() == name


# --- bounds --------------------------------------------------------------------------------


def test_cache_keeps_a_bounded_number_of_entries(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for n in range(5):
        path = tmp_path / f"plan{n}.txt"
        path.write_text(SMALL_PLAN.format(n=n), encoding="utf-8")
        cache.load_plan(str(path))
    assert len(_entries(cache_dir)) == 3


def test_cache_keeps_a_bounded_number_of_bytes(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(4):
        path = tmp_path / f"plan{n}.txt"
        path.write_text(SMALL_PLAN.format(n=n), encoding="utf-8")
        cache.load_plan(str(path))
        size = _entries(cache_dir)[0].stat().st_size
    monkeypatch.setattr(cache, "MAX_TOTAL_BYTES", 2 * size + size // 2)
    path = tmp_path / "last.txt"
    path.write_text(SMALL_PLAN.format(n=99), encoding="utf-8")
    cache.load_plan(str(path))
    kept = _entries(cache_dir)
    assert len(kept) == 2 and sum(f.stat().st_size for f in kept) <= cache.MAX_TOTAL_BYTES


def test_a_huge_parse_is_not_cached(cache_dir: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 10_000)
    assert cache.load_plan(str(plan_file)).plan["sections"]
    assert _entries(cache_dir) == []


def test_entries_of_the_old_format_are_removed(cache_dir: Path, plan_file: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    old = cache_dir / ("a" * 64 + "-0123456789abcdef.marshal")
    old.write_bytes(marshal.dumps({"encoding": "utf-8", "plan": {}}))
    cache.load_plan(str(plan_file))
    assert not old.exists()
