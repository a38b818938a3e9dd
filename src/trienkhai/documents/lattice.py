"""Ruled tables of a PDF page from its drawn strokes (the "lattice" method), without pdfminer.

The same method as pdfplumber's default table finder, over what pdfium already gives us: every stroke
drawn on the page becomes a horizontal or vertical edge; edges within a few points of each other are
snapped onto one line and touching pieces joined; where edges cross are corners; the smallest rectangle
with a corner at each end of two edges is a cell; cells that share corners make a table; its rows are
the cells grouped by their top, and its columns the left edges of all its cells (a merged cell leaves
`None` in the columns it spans, as pdfplumber does). A cell's text is the page's words whose centre lies
inside it, line by line.

Reading the page again with pdfminer only to find the tables cost about half of a PDF's reading time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

SNAP = 3.0  # points: strokes this close are one line (pdfplumber's snap and join tolerance)
JOIN = 3.0
CROSS = 3.0  # how far an edge may stop short of the one it crosses
MIN_EDGE = 3.0
THIN = 2.5  # a filled rectangle thinner than this is drawn as a stroke


@dataclass
class Edge:
    horizontal: bool
    at: float  # y of a horizontal edge (from the top of the page), x of a vertical one
    start: float
    end: float


@dataclass
class Table:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    cells: list[tuple[float, float, float, float]] = field(default_factory=list)
    words: list[dict] = field(default_factory=list)

    def extract(self) -> list[list[str | None]]:
        xs = sorted({c[0] for c in self.cells})
        by_top: dict[float, dict[float, tuple[float, float, float, float]]] = defaultdict(dict)
        for c in self.cells:
            by_top[c[1]][c[0]] = c
        rows: list[list[str | None]] = []
        for top in sorted(by_top):
            row = by_top[top]
            rows.append([_cell_text(row[x], self.words) if x in row else None for x in xs])
        return rows


def _cell_text(cell: tuple[float, float, float, float], words: list[dict]) -> str:
    x0, top, x1, bottom = cell
    inside = [w for w in words
              if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    inside.sort(key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict]] = []
    for w in inside:
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= SNAP:
            lines[-1].append(w)
        else:
            lines.append([w])
    return "\n".join(" ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])) for line in lines)


def edges_from_segments(segments: Iterable[tuple[float, float, float, float]],
                        boxes: Iterable[tuple[float, float, float, float]] = ()) -> list[Edge]:
    """Edges from straight strokes (x0, y0, x1, y1, page coordinates from the top) and filled
    rectangles (x0, top, x1, bottom): a thin rectangle is one stroke, a larger one its four sides."""
    edges: list[Edge] = []
    for x0, y0, x1, y1 in segments:
        if abs(y1 - y0) <= 0.5 and abs(x1 - x0) >= MIN_EDGE:
            edges.append(Edge(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) >= MIN_EDGE:
            edges.append(Edge(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    for x0, top, x1, bottom in boxes:
        width, height = x1 - x0, bottom - top
        if height < THIN and width >= MIN_EDGE:
            edges.append(Edge(True, (top + bottom) / 2, x0, x1))
        elif width < THIN and height >= MIN_EDGE:
            edges.append(Edge(False, (x0 + x1) / 2, top, bottom))
        elif width >= MIN_EDGE and height >= MIN_EDGE:
            edges += [Edge(True, top, x0, x1), Edge(True, bottom, x0, x1),
                      Edge(False, x0, top, bottom), Edge(False, x1, top, bottom)]
    return edges


def _snap_and_join(edges: list[Edge]) -> list[Edge]:
    out: list[Edge] = []
    for horizontal in (True, False):
        group = sorted((e for e in edges if e.horizontal is horizontal), key=lambda e: e.at)
        clusters: list[list[Edge]] = []
        for e in group:
            if clusters and e.at - clusters[-1][-1].at <= SNAP:
                clusters[-1].append(e)
            else:
                clusters.append([e])
        for cluster in clusters:
            at = sum(e.at for e in cluster) / len(cluster)
            pieces = sorted(cluster, key=lambda e: e.start)
            current = Edge(horizontal, at, pieces[0].start, pieces[0].end)
            for e in pieces[1:]:
                if e.start <= current.end + JOIN:
                    current.end = max(current.end, e.end)
                else:
                    out.append(current)
                    current = Edge(horizontal, at, e.start, e.end)
            out.append(current)
    return [e for e in out if e.end - e.start >= MIN_EDGE]


def find_tables(edges: list[Edge], words: list[dict]) -> list[Table]:
    edges = _snap_and_join(edges)
    flat = [e for e in edges if e.horizontal]
    tall = [e for e in edges if not e.horizontal]
    # Corners: (x, y) → the edges through it (indices into flat and tall).
    corners: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for vi, v in enumerate(tall):
        for hi, h in enumerate(flat):
            if (h.start - CROSS <= v.at <= h.end + CROSS) and (v.start - CROSS <= h.at <= v.end + CROSS):
                point = (round(v.at, 2), round(h.at, 2))
                hs, vs = corners.setdefault(point, (set(), set()))
                hs.add(hi)
                vs.add(vi)
    if len(corners) < 4:
        return []
    points = sorted(corners, key=lambda p: (p[1], p[0]))
    cells: list[tuple[float, float, float, float]] = []
    for i, (x, y) in enumerate(points):
        hs, vs = corners[(x, y)]
        below = [p for p in points[i + 1:] if p[0] == x and corners[p][1] & vs]
        right = [p for p in points[i + 1:] if p[1] == y and corners[p][0] & hs]
        found = False
        for bx, by in below:
            for rx, ry in right:
                corner = corners.get((rx, by))
                if corner is None:
                    continue
                if corner[1] & corners[(rx, ry)][1] and corner[0] & corners[(bx, by)][0]:
                    cells.append((x, y, rx, by))
                    found = True
                    break
            if found:
                break
    return _group(cells, words)


def _group(cells: list[tuple[float, float, float, float]], words: list[dict]) -> list[Table]:
    """Cells sharing a corner belong to one table (union-find over corners)."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
            if corner in owner:
                parent[root(i)] = root(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list[tuple[float, float, float, float]]] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[root(i)].append(cell)
    tables = []
    for group in groups.values():
        if len(group) < 2:
            continue  # a framed paragraph, not a table (pdfplumber drops single cells too)
        bbox = (min(c[0] for c in group), min(c[1] for c in group), max(c[2] for c in group),
                max(c[3] for c in group))
        tables.append(Table(bbox, group, words))
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return tables
