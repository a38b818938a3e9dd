"""Task registers: columns by header words, merged cells, page-split rows, repeated headers, groups."""

from __future__ import annotations

from tests.core.plans.extraction_helpers import plan_with, source_with, tab_lines
from trienkhai.documents.model import Block
from trienkhai.plans.tasks import find_tasks, header_columns

HEADER = "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm"


def tasks_of(*blocks: Block):
    return find_tasks(source_with(*blocks), plan_with())


def test_columns_by_header_words_not_positions():
    cols = header_columns(["Thời hạn", "Nhiệm vụ", "STT", "Đơn vị chủ trì", "Đơn vị phối hợp"])
    assert cols == {"timeframe": 0, "content": 1, "no": 2, "lead": 3, "partners": 4}
    assert header_columns(["Họ và tên", "Chức vụ"]) is None
    (t,) = tasks_of(*tab_lines("Thời hạn\tNhiệm vụ\tSTT\tĐơn vị chủ trì", "Quý I/2024\tRà soát\t1\tSở Nội vụ"))
    assert (t.no, t.content, t.leads, t.timeframe, t.due) == (1, "Rà soát", ["Sở Nội vụ"], "Quý I/2024", "2024-03-31")


def test_text_rows_repeated_header_page_split_row_and_same_as_above():
    tasks = tasks_of(*tab_lines(
        HEADER,
        "1\tTổ chức quán triệt Nghị quyết\tBan Tuyên giáo\tCác cơ quan liên quan\tQuý I/2024\tKế hoạch",
        "2\tTiếp công dân, trả lời kiến\tBan cán sự đảng UBND tỉnh\tCác cơ quan liên quan\tĐịnh kỳ\t",
        "12",  # a page number between pages
        HEADER,
        "\tnghị của Nhân dân.\t\t\t\t",
        "3\tSắp xếp tổ chức bộ máy\t\tSở Nội vụ\tThường xuyên\t",
    ))
    assert [t.no for t in tasks] == [1, 2, 3]
    assert tasks[1].content == "Tiếp công dân, trả lời kiến nghị của Nhân dân."
    assert tasks[2].leads == ["Ban cán sự đảng UBND tỉnh"]  # empty lead cell: same as above
    assert (tasks[0].product, tasks[2].recurrence) == ("Kế hoạch", "thuong_xuyen")


def test_real_table_with_merged_cells_group_rows_and_column_numbers():
    table = Block(kind="table", rows=[
        ["STT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["I", "Nhóm nhiệm vụ tuyên truyền", "", "", ""],
        ["1", "Biên soạn tài liệu", "Ban Tuyên giáo", "Sở Thông tin", "Năm 2025"],
        ["2", "Tổ chức hội nghị <i>quán triệt</i>", "", "", ""],
        ["II", "Nhóm nhiệm vụ kiểm tra", "", "", ""],
        ["3", "Kiểm tra, giám sát", "Ủy ban Kiểm tra", "", "Hằng năm"],
    ])
    tasks = tasks_of(table)
    assert [t.no for t in tasks] == [1, 2, 3]
    assert (tasks[1].content, tasks[1].leads, tasks[1].partners, tasks[1].timeframe) == (
        "Tổ chức hội nghị quán triệt", ["Ban Tuyên giáo"], ["Sở Thông tin"], "Năm 2025")
    assert tasks[0].section == "I. Nhóm nhiệm vụ tuyên truyền"
    assert tasks[2].section == "II. Nhóm nhiệm vụ kiểm tra"
    assert tasks[2].partners == []  # merges do not cross a group row
    assert tasks[2].due is None and tasks[2].recurrence == "hang_nam"


def test_group_row_written_in_the_content_cell():
    tasks = tasks_of(*tab_lines(HEADER, "\tA. NHIỆM VỤ TRỌNG TÂM\t\t\t\t", "1\tRà soát\tSở Tư pháp\t\tQuý II/2024\t"))
    assert [(t.no, t.section, t.due) for t in tasks] == [(1, "A. NHIỆM VỤ TRỌNG TÂM", "2024-06-30")]


def test_document_without_register_has_no_tasks():
    assert tasks_of(*tab_lines("Nơi nhận:", "- Như trên,", "Họ tên\tChức vụ")) == []


def test_docx_register_with_a_vertically_merged_lead(tmp_path):
    import docx

    from trienkhai.documents.read import read_document

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC NHIỆM VỤ")
    rows = [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1", "Tổ chức hội nghị quán triệt", "Ban Tuyên giáo Tỉnh ủy", "Các cơ quan liên quan", "Quý I/2024"],
            ["2", "Biên soạn tài liệu", "", "Sở Thông tin và Truyền thông", "Tháng 6/2024"]]
    table = document.add_table(rows=3, cols=5)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text:
                table.cell(i, j).text = text
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(1, 2).text = "Ban Tuyên giáo Tỉnh ủy"
    path = tmp_path / "register.docx"
    document.save(path)
    tasks = find_tasks(read_document(path), plan_with())
    assert [(t.no, t.leads, t.due) for t in tasks] == [
        (1, ["Ban Tuyên giáo Tỉnh ủy"], "2024-03-31"), (2, ["Ban Tuyên giáo Tỉnh ủy"], "2024-06-30")]


def test_sample_register_matches_the_gold(corpus_docs):
    import json

    from tests.conftest import CORPUS_GOLD
    from trienkhai.plans.agencies import split_names
    from trienkhai.plans.parse import parse_file
    from trienkhai.text.vietnamese import canonical

    gold = json.loads((CORPUS_GOLD / "004_e02ef3f550a5da59.json").read_text())["tasks"]
    tasks = parse_file(corpus_docs / "004_e02ef3f550a5da59.txt").tasks
    assert [t.no for t in tasks] == [g["no"] for g in gold]
    for t, g in zip(tasks, gold, strict=True):
        assert canonical(t.content).startswith(canonical(g["content"])[:60]), t.no
        # The gold writes a cell as one string; the parser gives each body named in it.
        assert ([canonical(n) for n in t.leads], [canonical(n) for n in t.partners], t.timeframe) == (
            [canonical(n) for n in split_names(g["lead"])], [canonical(n) for n in split_names(g["partners"])],
            g["timeframe"]), t.no


def test_two_row_header():
    table = Block(kind="table", rows=[
        ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Cơ quan thực hiện", "Thời gian"],
        ["", "", "Chủ trì", "Phối hợp", ""],
        ["1", "Rà soát văn bản", "Sở Tư pháp", "Sở Nội vụ", "Quý III/2024"],
    ])
    (t,) = tasks_of(table)
    assert (t.leads, t.partners, t.due) == (["Sở Tư pháp"], ["Sở Nội vụ"], "2024-09-30")


def test_readable_output_shows_the_three_tables_after_the_outline():
    from trienkhai.plans.model import Assignment, Target
    from trienkhai.plans.render import render_text

    plan = plan_with()
    plan.targets = [Target(section="II.2", text="…", subject="tỷ lệ hộ nghèo", direction="giảm", value=[1.5, 2],
                           unit="%", recurrence="năm", deadline=2030)]
    plan.assignments = [Assignment(item="IV.6", responsible=["Ban Dân vận Tỉnh ủy"], leads=["Ban Dân vận Tỉnh ủy"],
                                   partners=["các cơ quan liên quan"])]
    plan.tasks = tasks_of(*tab_lines(HEADER, "1\tRà soát\tSở Tư pháp\t\tQuý I/2024\t"))
    text = render_text(plan)
    assert text.index("DÀN Ý") < text.index("CHỈ TIÊU (1)") < text.index("PHÂN CÔNG (1)") < text.index("NHIỆM VỤ (1)")
    assert "1,5 - 2" in text and "Quý I/2024 (hạn 31/03/2024)" in text and "Ban Dân vận Tỉnh ủy" in text


def test_register_rows_are_linked_to_the_outline_part_they_carry_out(corpus_docs):
    from trienkhai.plans.parse import parse_file

    plan = parse_file(corpus_docs / "004_e02ef3f550a5da59.txt")
    paths = {n.path for n in plan.nodes()}
    linked = [t for t in plan.tasks if t.outline_path]
    assert len(linked) == len(plan.tasks) == 51
    assert all(t.outline_path in paths and t.outline_path.startswith("III") for t in linked)
    # The row about the emulation movements goes to the part about them.
    (row,) = [t for t in plan.tasks if t.content.startswith("Đổi mới việc tổ chức các cuộc vận động")]
    assert row.outline_path == "III.7"


def test_a_register_group_heading_links_its_rows():
    from tests.core.plans.extraction_helpers import node, plan_with
    from trienkhai.plans.model import Task
    from trienkhai.plans.tasks import link_to_outline

    plan = plan_with(node("I", "MỤC ĐÍCH, YÊU CẦU", children=[node("I.1", "Quán triệt nghị quyết")]),
                     node("II", "NHIỆM VỤ, GIẢI PHÁP", children=[
                         node("II.1", "Công tác tuyên truyền, giáo dục chính trị tư tưởng"),
                         node("II.2", "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh")]))
    plan.tasks = [Task(no=1, content="Biên soạn tài liệu", section="I. Nhóm nhiệm vụ về tuyên truyền, giáo dục chính trị tư tưởng"),
                  Task(no=2, content="Kiện toàn chi bộ", section="II. Xây dựng tổ chức cơ sở đảng")]
    link_to_outline(plan)
    assert [t.outline_path for t in plan.tasks] == ["II.1", "II.2"]
