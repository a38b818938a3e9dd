"""The core package stays framework-free: no Django import anywhere, and it imports without Django."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "src" / "trienkhai"


def test_no_module_of_the_core_imports_django():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
                names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            offenders += [f"{path.relative_to(CORE)}: {n}" for n in names if n.split(".")[0] in {"django", "rest_framework", "trienkhai_web"}]
    assert offenders == []
    assert len(list(CORE.rglob("*.py"))) > 5  # the scan really looked at the package


def test_the_core_imports_and_parses_without_django_installed(tmp_path):
    # A meta-path finder that refuses django makes the interpreter behave as if it were not installed.
    sample = tmp_path / "plan.txt"
    sample.write_text("KẾ HOẠCH\nthực hiện Nghị quyết số 43-NQ/TW\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNội dung.\n",
                      encoding="utf-8")
    code = f"""
import sys, pkgutil, importlib
class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('django', 'rest_framework', 'trienkhai_web'):
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, NoDjango())
import trienkhai
for m in pkgutil.walk_packages(trienkhai.__path__, 'trienkhai.'):
    if m.name != 'trienkhai.__main__':
        importlib.import_module(m.name)
from trienkhai.plans.parse import parse_file
plan = parse_file({str(sample)!r})
assert plan.outline[0].title == 'MỤC ĐÍCH, YÊU CẦU', plan.outline
assert 'django' not in sys.modules
print('ok')
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
