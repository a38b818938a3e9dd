"""Every setting is declared in settings.py, read strictly and documented in docs/deploy.md."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from trienkhai_web import settings as module
from trienkhai_web.settings import SettingError, env_bool, env_choice, env_int, env_path, env_url

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "src" / "trienkhai_web" / "settings.py"
DEPLOY = ROOT / "docs" / "deploy.md"
READERS = {"env_str", "env_bool", "env_int", "env_list", "env_path", "env_url", "env_choice"}


def variables_read() -> set[str]:
    """Names of the environment variables settings.py reads: the first argument of each env_* call
    and of any os.environ.get / os.getenv / os.environ[...] outside the helpers themselves."""
    tree = ast.parse(SETTINGS.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else ast.unparse(func)
            if called in READERS or called in {"os.environ.get", "os.getenv"}:
                names.add(node.args[0].value)
        if isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ" \
                and isinstance(node.slice, ast.Constant):
            names.add(node.slice.value)
    return names


def test_the_parser_finds_the_variables():
    found = variables_read()
    assert {"SECRET_KEY", "DATABASE_URL", "EVIDENCE_ROOT", "SITE_URL", "REMINDER_MAX_ATTEMPTS"} <= found
    assert len(found) >= 25


def test_deploy_md_documents_every_variable_settings_reads():
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", DEPLOY.read_text(encoding="utf-8")))
    missing = sorted(variables_read() - documented)
    assert not missing, f"docs/deploy.md does not list: {missing}"


def test_settings_read_the_environment_only_through_the_strict_helpers():
    source = SETTINGS.read_text(encoding="utf-8")
    body = source[source.index("BASE_DIR = Path"):]
    assert "os.environ" not in body and "os.getenv" not in body


def test_the_app_reads_no_project_setting_with_a_default():
    # getattr(settings, "X", default) hides an undeclared setting; every one is declared instead.
    offenders = []
    for path in (ROOT / "src" / "trienkhai_web").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"getattr\(\s*(django\.conf\.)?settings\s*,\s*[\"']", text) or "hasattr(settings" in text:
            offenders.append(str(path.relative_to(ROOT)))
        if path.name not in {"settings.py", "cli.py", "wsgi.py", "asgi.py"} and re.search(
                r"os\.environ(?!\.setdefault\(\"DJANGO_SETTINGS_MODULE\")|os\.getenv", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


@pytest.mark.parametrize("value, expected", [("1", True), ("true", True), ("Yes", True), ("on", True),
                                             ("0", False), ("false", False), ("NO", False), ("off", False),
                                             ("", True)])
def test_env_bool(monkeypatch, value, expected):
    monkeypatch.setenv("TK_FLAG", value)
    assert env_bool("TK_FLAG", True) is expected


@pytest.mark.parametrize("helper, value", [
    (lambda: env_bool("TK_X", False), "maybe"),
    (lambda: env_int("TK_X", 1), "20MB"),
    (lambda: env_int("TK_X", 1, minimum=1), "0"),
    (lambda: env_url("TK_X", "http://a"), "trienkhai.example.vn"),
    (lambda: env_url("TK_X", "http://a"), "ftp://host"),
    (lambda: env_choice("TK_X", "INFO", ("INFO", "DEBUG")), "LOUD"),
])
def test_malformed_values_are_refused_with_the_variable_named(monkeypatch, helper, value):
    monkeypatch.setenv("TK_X", value)
    with pytest.raises(SettingError, match="TK_X="):
        helper()


def test_good_values(monkeypatch, tmp_path):
    monkeypatch.setenv("TK_X", " 42 ")
    assert env_int("TK_X", 1) == 42
    monkeypatch.setenv("TK_X", "https://trienkhai.tinhuy.example.vn/")
    assert env_url("TK_X", "http://a") == "https://trienkhai.tinhuy.example.vn"
    monkeypatch.setenv("TK_X", str(tmp_path))
    assert env_path("TK_X", Path("/nowhere")) == tmp_path
    monkeypatch.delenv("TK_X")
    assert env_int("TK_X", 7) == 7


def test_evidence_is_kept_outside_the_public_media_folder():
    assert module.EVIDENCE_ROOT != module.MEDIA_ROOT
    assert module.MEDIA_ROOT not in module.EVIDENCE_ROOT.parents


def test_a_malformed_variable_stops_the_site_at_start_up():
    code = "import os; os.environ['DJANGO_SETTINGS_MODULE']='trienkhai_web.settings'; import django; django.setup()"
    result = subprocess.run([sys.executable, "-c", code], env={**_env(), "EMAIL_PORT": "twenty-five"},
                            capture_output=True, text=True)
    assert result.returncode != 0 and "EMAIL_PORT='twenty-five': expected a whole number" in result.stderr


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}


def test_deploy_check_warns_when_site_url_is_left_at_the_development_address(settings):
    from django.core.checks import run_checks

    settings.SITE_URL = "http://127.0.0.1:8000"
    assert "trienkhai.W001" in {m.id for m in run_checks(include_deployment_checks=True)}
    settings.SITE_URL = "https://trienkhai.tinhuy.example.vn"
    assert "trienkhai.W001" not in {m.id for m in run_checks(include_deployment_checks=True)}
