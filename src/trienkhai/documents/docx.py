""".docx → blocks, with python-docx and the package XML.

- Paragraphs in body order with their style name; automatic numbering rendered back into its label
  ("I.", "1.", "2.1.", "a)", bullets "-") from numbering.xml (see `numbering.py`).
- `bold`/`italic`: every non-space run is bold/italic, counting run, character-style and
  paragraph-style inheritance. `centered` from the paragraph or its style.
- Tables in body order: `rows` of cell texts (a cell's paragraphs joined by "\n"). A cell spanning
  several grid columns is followed by "" for each extra column; **continuation cells of a vertical
  merge are empty strings** (the value is only in the first row of the merge).
- Footnotes (word/footnotes.xml) as `footnote` blocks right after the paragraph citing them.
- Headers and footers are ignored.
"""

from __future__ import annotations

import io
import re
from typing import Any

from trienkhai.documents.docx_fonts import LegacyFonts
from trienkhai.documents.model import Block
from trienkhai.documents.numbering import Numbering, W
from trienkhai.documents.ziputil import check_zip

_APP_PAGES_RE = re.compile(rb"<Pages>(\d+)</Pages>")


def _style_chain(style: Any) -> list[Any]:
    chain: list[Any] = []
    while style is not None and len(chain) < 20:
        chain.append(style)
        style = style.base_style
    return chain


def _style_num(style: Any) -> tuple[str, int] | None:
    for st in _style_chain(style):
        ppr = st.element.pPr
        if ppr is not None and ppr.numPr is not None:
            num = ppr.numPr.numId
            ilvl = ppr.numPr.ilvl
            return (str(num.val) if num is not None else "0", int(ilvl.val) if ilvl is not None else 0)
    return None


def _para_num(p: Any, style: Any) -> tuple[str, int] | None:
    ppr = p.pPr
    if ppr is not None and ppr.numPr is not None:
        num, ilvl = ppr.numPr.numId, ppr.numPr.ilvl
        inherited = _style_num(style)
        nid = str(num.val) if num is not None else (inherited[0] if inherited else "0")
        lvl = int(ilvl.val) if ilvl is not None else (inherited[1] if inherited else 0)
        return nid, lvl
    return _style_num(style)


def _run_flag(run: Any, attr: str, run_style: Any, para_style: Any, styles: _Styles) -> bool:
    v = getattr(run.font, attr)
    if v is not None:
        return bool(v)
    if run_style is not None:
        sv = styles.flag(run_style, attr, default=None)
        if sv is not None:
            return sv
    return bool(styles.flag(para_style, attr, default=False))


class _Styles:
    """Styles by id, looked up once: python-docx's `paragraph.style`/`run.style` scan every style of
    the document on each call, which made reading a 17-page plan take most of a second."""

    def __init__(self, document: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_paragraph: Any = None
        for st in document.styles.element.style_lst:
            sid = st.styleId
            if sid is None:
                continue
            self.by_id[sid] = st
            if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true", "on"):
                self.default_paragraph = sid
        self._wrapped: dict[str, Any] = {}
        self._flags: dict[tuple[str, str], bool | None] = {}
        self._document = document

    def _style(self, sid: str | None) -> Any:
        if sid is None or sid not in self.by_id:
            return None
        if sid not in self._wrapped:
            from docx.styles.style import StyleFactory

            self._wrapped[sid] = StyleFactory(self.by_id[sid])
        return self._wrapped[sid]

    def paragraph(self, p: Any) -> Any:
        ppr = p.pPr
        sid = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        return self._style(sid if sid in self.by_id else self.default_paragraph)

    def character(self, r: Any) -> Any:
        rpr = r.rPr
        sid = rpr.rStyle.val if rpr is not None and rpr.rStyle is not None else None
        return self._style(sid)

    def flag(self, style: Any, attr: str, default: bool | None) -> bool | None:
        if style is None:
            return default
        key = (style.style_id, attr)
        if key not in self._flags:
            found: bool | None = None
            for st in _style_chain(style):
                v = getattr(st.font, attr, None)
                if v is not None:
                    found = bool(v)
                    break
            self._flags[key] = found
        v = self._flags[key]
        return default if v is None else v


def _jc(ppr: Any) -> str | None:
    """The raw alignment value: python-docx's enum rejects values LibreOffice writes ("start", "end")."""
    jc = ppr.find(W + "jc") if ppr is not None else None
    return jc.get(W + "val") if jc is not None else None


def _centered(p: Any, style: Any) -> bool:
    align = _jc(p.pPr)
    if align is None:
        for st in _style_chain(style):
            align = _jc(st.element.pPr)
            if align is not None:
                break
    return align == "center"


def _cell_text(tc: Any, fonts: LegacyFonts | None = None, styles: _Styles | None = None) -> str:
    parts = []
    for p in tc.iter(W + "p"):
        if fonts is not None and styles is not None:
            t = fonts.paragraph_text(p, styles.paragraph(p))
        else:
            t = "".join(x.text or "" for x in p.iter(W + "t"))
        if t.strip():
            parts.append(t.strip())
    return "\n".join(parts)


def _table_rows(tbl: Any, fonts: LegacyFonts | None = None, styles: _Styles | None = None) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in tbl.findall(W + "tr"):
        row: list[str] = []
        for tc in tr.findall(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span, continuation = 1, False
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None and (gs.get(W + "val") or "").isdigit():
                    span = max(1, min(int(gs.get(W + "val")), 64))
                vm = tcpr.find(W + "vMerge")
                continuation = vm is not None and vm.get(W + "val", "continue") != "restart"
            row.append("" if continuation else _cell_text(tc, fonts, styles))
            row.extend([""] * (span - 1))
        rows.append(row)
    return rows


def _footnotes(document: Any) -> dict[str, str]:
    from docx.oxml import parse_xml

    notes: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            for fn in root.iter(W + "footnote"):
                fid = fn.get(W + "id") or ""
                if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join(
                    "".join(t.text or "" for t in p.iter(W + "t")).strip() for p in fn.iter(W + "p")
                ).strip()
                if text:
                    notes[fid] = text
    return notes


def read_docx(data: bytes, name: str, warnings: list[str] | None = None) -> tuple[list[Block], int | None]:
    """(blocks, pages as Word last counted them or None); runs in legacy fonts (.VnTime, VNI-Times)
    are converted to Unicode, said in `warnings`."""
    check_zip(data, name)
    import docx
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    try:
        numbering_el = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering_el = None
    numbering = Numbering.from_part(numbering_el)
    notes = _footnotes(document)
    styles = _Styles(document)
    fonts = LegacyFonts.of(document, data)
    blocks: list[Block] = []
    body = document.element.body

    def paragraph_blocks(child: Any) -> None:
        para = Paragraph(child, document._body)
        style = styles.paragraph(child)
        text = para.text if fonts is None else fonts.paragraph_text(child, style)
        num = _para_num(child, style)
        label = numbering.label(*num) if num else ""
        runs = [r for r in para.runs if r.text.strip()]
        run_styles = [styles.character(r._r) for r in runs]
        pairs = list(zip(runs, run_styles, strict=True))
        bold = bool(runs) and all(_run_flag(r, "bold", rs, style, styles) for r, rs in pairs)
        italic = bool(runs) and all(_run_flag(r, "italic", rs, style, styles) for r, rs in pairs)
        if text.strip():
            full = f"{label} {text.strip()}" if label else text.strip()
            blocks.append(Block(kind="paragraph", text=full, bold=bold, italic=italic,
                                style=style.name if style is not None else None, centered=_centered(child, style)))
        for ref in child.iter(W + "footnoteReference"):
            fid = ref.get(W + "id") or ""
            if fid in notes:
                blocks.append(Block(kind="footnote", text=notes[fid], note_id=fid))

    for child in body.iterchildren():
        if child.tag == W + "tbl":
            rows = _table_rows(child, fonts, styles)
            if _is_layout_table(child, rows, styles):
                # A borderless table that only places text (the two-column header, the signature
                # block): its cells are paragraphs, row by row, as the other readers give them.
                for tr in child.findall(W + "tr"):
                    for tc in tr.findall(W + "tc"):
                        for p in tc.findall(W + "p"):
                            paragraph_blocks(p)
            elif any(any(c for c in r) for r in rows):
                blocks.append(Block(kind="table", rows=rows))
            continue
        if child.tag == W + "p":
            paragraph_blocks(child)
    if fonts is not None and warnings is not None and fonts.converted:
        warnings.append(fonts.warning())
    m = _APP_PAGES_RE.search(_app_xml(data))
    pages = int(m.group(1)) if m and int(m.group(1)) > 0 else None
    return blocks, pages


def _borders_on(borders: Any) -> bool:
    return borders is not None and any((e.get(W + "val") or "none") not in ("none", "nil") for e in borders)


def _is_layout_table(tbl: Any, rows: list[list[str]], styles: _Styles) -> bool:
    """A small table drawn without borders: layout, not data."""
    if not rows or len(rows) > 6 or max(len(r) for r in rows) > 2:
        return False
    if rows[0] and rows[0][0].strip().upper() in ("TT", "STT"):
        return False  # a numbered data table, even when drawn without borders
    tblpr = tbl.find(W + "tblPr")
    own = tblpr.find(W + "tblBorders") if tblpr is not None else None
    if own is not None:
        if _borders_on(own):
            return False
    else:
        st = tblpr.find(W + "tblStyle") if tblpr is not None else None
        sid = st.get(W + "val") if st is not None else None
        for _ in range(10):  # the table style and the styles it is based on
            el = styles.by_id.get(sid) if sid else None
            if el is None:
                break
            spr = el.find(W + "tblPr")
            if spr is not None and _borders_on(spr.find(W + "tblBorders")):
                return False
            based = el.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None
    return not any(_borders_on(b) for b in tbl.iter(W + "tcBorders"))


def _app_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        try:
            return zf.read("docProps/app.xml")[:100_000]
        except KeyError:
            return b""
