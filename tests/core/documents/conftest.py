from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.documents.make_docs import make_docx, to_pdf


@pytest.fixture(scope="session")
def made_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("made")
    docx_path = make_docx(d / "plan.docx")
    return {"docx": docx_path, "pdf": to_pdf(docx_path, d)}
