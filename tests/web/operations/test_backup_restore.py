"""Backup → restore into a fresh installation (SQLite and PostgreSQL): every row and every stored file
come back, checked by row counts per model and SHA-256 per file; a busy installation and a damaged zip
are refused in Vietnamese and left as they were."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.web.tracking.conftest import World
from trienkhai_web.operations import stored_files
from trienkhai_web.operations.backup import make_backup
from trienkhai_web.operations.restore import row_counts
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import IndicatorValue

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
PG_SERVER = os.environ.get("TRIENKHAI_TEST_POSTGRES_SERVER", "postgres://postgres@127.0.0.1:5432")


@pytest.fixture
def source(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "source" / "media")
    settings.EVIDENCE_ROOT = str(tmp_path / "source" / "evidence")
    return tmp_path


@pytest.fixture
def populated(source, world: World):
    """The tracking world plus a plan document, evidence files, a legacy evidence file, reports."""
    world.plan.source_file.save("ke-hoach-43.docx", ContentFile(b"PK\x03\x04 plan document"), save=True)
    report = services.open_report(world.period, world.unit)
    for task in world.tasks:
        report = services.save_field(world.reporter, report, version=report.version, kind="progress", object_id=task.pk,
                                     field="status", value="hoan_thanh")
    report = services.save_field(world.reporter, report, version=report.version, kind="indicator",
                                 object_id=world.target.pk, field="value", value="8,5")
    services.attach_evidence(world.reporter, report, None, world.target, SimpleUploadedFile("Biên bản.pdf", PDF))
    services.attach_evidence(world.reporter, report, None, world.target, SimpleUploadedFile("ảnh.png", PNG))
    value = IndicatorValue.objects.get(report=report, target=world.target)
    value.evidence.save("cu.pdf", ContentFile(PDF + b"legacy"), save=True)
    report.refresh_from_db()
    services.submit(world.head, report, version=report.version, now=datetime(2025, 6, 16, tzinfo=UTC))
    services.open_report(world.period, world.partner)
    return world


def hashes() -> dict[str, str]:
    return {f"{f.root}/{f.path}": stored_files.sha256_of(f.absolute) for f in stored_files.walk()}


class Installation:
    """A fresh installation in subprocesses: its own database and folders, as on a new machine."""

    def __init__(self, base: Path, database_url: str) -> None:
        self.base = base
        self.vendor = "postgresql" if database_url.startswith("postgres") else "sqlite"
        self.env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
        self.env.update(DATABASE_URL=database_url, TRIENKHAI_VAR=str(base / "var"), MEDIA_ROOT=str(base / "media"),
                        EVIDENCE_ROOT=str(base / "evidence"), PYTHONPATH=str(ROOT / "src"),
                        DJANGO_SETTINGS_MODULE="trienkhai_web.settings")

    def trienkhai(self, *args: str) -> subprocess.CompletedProcess[str]:
        code = "import sys; from trienkhai_web.cli import main; sys.exit(main(sys.argv[1:]))"
        return subprocess.run([sys.executable, "-c", code, *args], env=self.env, capture_output=True, text=True,
                              cwd=self.base, timeout=300)

    def state(self) -> dict:
        code = ("import django, json; django.setup(); from django.core.management import call_command; "
                "call_command('migrate', verbosity=0); "
                "from trienkhai_web.operations import stored_files; from trienkhai_web.operations.restore import row_counts; "
                "print(json.dumps({'counts': row_counts(), 'files': {f'{f.root}/{f.path}': stored_files.sha256_of(f.absolute) "
                "for f in stored_files.walk()}}))")
        result = subprocess.run([sys.executable, "-c", code], env=self.env, capture_output=True, text=True,
                                cwd=self.base, check=True, timeout=300)
        return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh(request, tmp_path):
    base = tmp_path / "fresh"
    base.mkdir()
    if request.param == "sqlite":
        yield Installation(base, f"sqlite:///{base / 'restored.sqlite3'}")
        return
    psycopg = pytest.importorskip("psycopg")
    name = f"tk_ops_restore_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True)
    except psycopg.OperationalError:
        pytest.skip(f"PostgreSQL is not reachable at {PG_SERVER}")
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Installation(base, f"{PG_SERVER}/{name}")
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_every_file_field_is_covered_by_a_backup_folder():
    assert stored_files.unmapped_fields() == []
    fields = {f"{model._meta.label}.{field.name}": stored_files.root_of(field)
              for model, field in stored_files.file_fields()}
    assert fields == {"plans.Plan.source_file": "media", "tracking.IndicatorValue.evidence": "media",
                      "tracking.Evidence.file": "evidence"}


def test_backup_holds_data_every_file_and_a_manifest(populated, source):
    backup = make_backup(source / "out")
    with zipfile.ZipFile(backup.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    assert manifest["format"] == "trienkhai.backup/1" and backup.missing == []
    assert manifest["counts"]["tracking.evidence"] == 2 and manifest["counts"]["plans.plan"] == 1
    assert manifest["counts"] == {k: v for k, v in row_counts().items() if v}
    expected = hashes()
    assert len(expected) == 4  # plan document, legacy evidence, two private evidence files
    assert {f"{f['root']}/{f['path']}": f["sha256"] for f in manifest["files"]} == expected
    assert {f"files/{name}" for name in expected} <= names and "data.json" in names
    assert sum(1 for name in expected if name.startswith("evidence/")) == 2


def test_round_trip_into_a_fresh_installation(populated, source, fresh):
    backup = make_backup(source / "out")
    counts, files = {k: v for k, v in row_counts().items() if v}, hashes()
    result = fresh.trienkhai("restore", str(backup.path))
    assert result.returncode == 0, result.stderr
    assert "Đã khôi phục" in result.stdout
    state = fresh.state()
    assert {k: v for k, v in state["counts"].items() if v} == counts
    assert state["files"] == files
    # A second restore into the now busy installation is refused, in Vietnamese, and changes nothing.
    again = fresh.trienkhai("restore", str(backup.path))
    assert again.returncode == 2 and "đã có dữ liệu" in again.stderr and "--replace" in again.stderr
    assert fresh.state() == state
    # --replace erases it and puts the backup in its place: still the same rows and files.
    replaced = fresh.trienkhai("restore", str(backup.path), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert fresh.state() == state
    # The restored site backs itself up from the command line (on PostgreSQL in one snapshot): the same
    # rows and files again.
    second = fresh.base / "second.zip"
    result = fresh.trienkhai("backup", "--out", str(second))
    assert result.returncode == 0 and "Đã sao lưu" in result.stdout, result.stderr
    with zipfile.ZipFile(second) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["counts"] == counts and manifest["database"] == fresh.vendor
    assert {f"{f['root']}/{f['path']}": f["sha256"] for f in manifest["files"]} == files


def _rewrite(source_zip: Path, target: Path, change) -> Path:
    """A copy of the backup with one member's bytes changed by `change(name, data)`."""
    with zipfile.ZipFile(source_zip) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info.filename)))
    return target


def test_damaged_backups_are_refused_and_nothing_is_restored(populated, source, tmp_path):
    backup = make_backup(source / "out").path
    fresh = Installation(tmp_path / "empty", f"sqlite:///{tmp_path / 'empty' / 'db.sqlite3'}")
    fresh.base.mkdir()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    result = fresh.trienkhai("restore", str(truncated))
    assert result.returncode == 2 and "Không đọc được" in result.stderr, result.stderr

    evidence = next(f"files/{name}" for name in hashes() if name.startswith("evidence/"))
    tampered = _rewrite(backup, tmp_path / "tampered.zip",
                        lambda name, data: data + b"x" if name == evidence else data)
    result = fresh.trienkhai("restore", str(tampered))
    assert result.returncode == 2 and "bị hỏng" in result.stderr, result.stderr

    def break_rows(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["counts"]["tracking.evidence"] = 3  # the data holds 2
        return json.dumps(manifest).encode()

    result = fresh.trienkhai("restore", str(_rewrite(backup, tmp_path / "counts.zip", break_rows)))
    assert result.returncode == 2 and "số dòng" in result.stderr, result.stderr

    escaping = _rewrite(backup, tmp_path / "escape.zip", lambda name, data: data.replace(
        b'"path": "plans/', b'"path": "../plans/') if name == "manifest.json" else data)
    result = fresh.trienkhai("restore", str(escaping))
    assert result.returncode == 2 and "ngoài" in result.stderr, result.stderr

    not_a_backup = tmp_path / "other.zip"
    with zipfile.ZipFile(not_a_backup, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    result = fresh.trienkhai("restore", str(not_a_backup))
    assert result.returncode == 2 and "không phải là bản sao lưu" in result.stderr, result.stderr

    state = fresh.state()
    assert not any(state["counts"].values()) and state["files"] == {}
    assert not [p for p in fresh.base.iterdir() if p.name.startswith(".")]  # no staging folder left behind
