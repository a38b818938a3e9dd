"""The vocabulary drives every matcher built from it: each word listed is recognised where it applies."""

from __future__ import annotations

import pytest

from trienkhai.documents.cell_lines import AGENCY_START_RE, NAME_REST_RE, TIMEFRAME_WHOLE_RE
from trienkhai.plans.agencies import (
    expand_abbreviations,
    is_agency_start,
    is_collective_scope,
    split_agencies,
)
from trienkhai.plans.kinds import kind_before, kind_from_symbol, kind_from_title
from trienkhai.plans.references import kind_of_number
from trienkhai.plans.table_targets import targets_in_table
from trienkhai.plans.targets import targets_in_clause
from trienkhai.plans.tasks import header_columns
from trienkhai.plans.timeframes import parse_timeframe
from trienkhai.tracking.assess import bound_of
from trienkhai.vocab.abbreviations import ABBREVIATIONS
from trienkhai.vocab.agencies import CELL_PLURAL_HEADS, COLLECTIVE_SCOPES, HEADS, NAME_CONTINUATIONS
from trienkhai.vocab.directions import DIRECTIONS, REPORTED, WRITTEN_AS
from trienkhai.vocab.headers import HEADER_ROLES, header_role, is_number_header
from trienkhai.vocab.kinds import KINDS
from trienkhai.vocab.phrases import alternation, capitalised, spellings
from trienkhai.vocab.timeframes import CELL_RECURRING, FOLLOWING, FOLLOWING_OPENINGS, RECURRING
from trienkhai.vocab.units import COUNT_UNITS, is_percent


def test_alternation_puts_longer_words_first():
    assert alternation(["dưới", "không dưới", "a.b"]) == r"không\ dưới|dưới|a\.b"
    assert spellings(["Đảng ủy", "Sở"]) == ["Đảng ủy", "Đảng uỷ", "Sở"]


@pytest.mark.parametrize(("role", "word"), [(role, w) for role, words in HEADER_ROLES for w in words])
def test_every_header_word_names_its_role_in_any_spelling(role, word):
    for cell in (f"Cơ quan {word}", word.upper(), f"{word} (dự kiến)"):
        assert header_role(cell) == role, cell
    assert header_role(word.replace("ì", "i").replace("ố", "o")) in (role, None)  # typed without accents


def test_number_headers():
    for text in ("TT", "STT", "Số TT", "SốTT", "S TT.", "Số thứ tự", "stt"):
        assert is_number_header(text.replace("S TT", "STT")), text
    assert header_role("Số", in_table=True) == "no" and not is_number_header("Số")
    assert header_columns(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
                           "Sản phẩm"]) == {"no": 0, "content": 1, "lead": 2, "partners": 3, "timeframe": 4,
                                           "product": 5}


@pytest.mark.parametrize("direction", [d for d in DIRECTIONS if d.anywhere or d.near], ids=lambda d: d.word)
def test_every_direction_word_is_read_before_a_figure(direction):
    sentence = f"Tỷ lệ hộ nghèo {direction.word} 5%"
    [target] = targets_in_clause(sentence, sentence, None, None)
    assert target.direction == direction.word and target.value == 5


@pytest.mark.parametrize("word", [*WRITTEN_AS, *(d.word for d in DIRECTIONS if d.in_table)])
def test_every_table_direction_is_read_in_a_value_cell(word):
    [target] = targets_in_table([["STT", "Chỉ tiêu", "Năm 2025"], ["1", "Tỷ lệ", f"{word} 90%"]], None, None)
    assert target.direction == WRITTEN_AS.get(word, word) and target.direction in REPORTED


def test_each_reported_direction_has_the_bound_of_its_word():
    for d in DIRECTIONS:
        assert bound_of(d.word) is d.bound
    for sign, word in WRITTEN_AS.items():
        assert bound_of(sign) is bound_of(word)


@pytest.mark.parametrize("kind", [k for k in KINDS if k.symbols], ids=lambda k: k.code)
def test_every_kind_symbol_in_party_and_state_numbers(kind):
    for symbol in kind.symbols:
        assert kind_from_symbol(symbol) == kind.code
        assert kind_of_number(f"12-{symbol}/TU") == kind.code
        assert kind_of_number(f"236/{symbol}-UBND") == kind.code
        assert kind_of_number(f"30/2020/{symbol}-CP") == kind.code


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_every_kind_name_as_title_and_as_citation(kind):
    if kind.titles_plan:
        assert kind_from_title(f"{kind.name.upper()} thực hiện Nghị quyết") == kind.code
    for name in (kind.name, *kind.other_names):
        assert kind_before(f"… theo {name} số ") == kind.code


@pytest.mark.parametrize(("code", "word"), [(code, w) for code, words in RECURRING for w in words])
def test_every_recurring_word_is_read(code, word):
    tf = parse_timeframe(capitalised(word))
    assert (tf.kind, tf.recurrence) == ("recurring", code)


def test_cell_timeframes_are_read_whole():
    for word in CELL_RECURRING:
        assert TIMEFRAME_WHOLE_RE.match(capitalised(word)) and parse_timeframe(word).kind == "recurring", word
    for phrase in FOLLOWING:
        assert any(phrase.startswith(f"theo {opening}") for opening in FOLLOWING_OPENINGS), phrase
        assert TIMEFRAME_WHOLE_RE.match(capitalised(phrase)), phrase


def test_every_head_starts_a_name():
    for head in HEADS:
        assert is_agency_start(f"{head.words} tỉnh"), head.words
        if head.in_cell:
            for spelling in spellings([head.words]):
                assert AGENCY_START_RE.match(f"{spelling} tỉnh"), spelling
    for plural in CELL_PLURAL_HEADS:
        assert AGENCY_START_RE.match(f"{plural} liên quan")
    assert not AGENCY_START_RE.match("Ban Chấp hành Đảng bộ tỉnh") and not AGENCY_START_RE.match("Tổ chức hội nghị")
    for rest in NAME_CONTINUATIONS:
        assert NAME_REST_RE.match(f"{rest} tỉnh")


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS)
def test_every_abbreviation_is_written_out(abbreviation):
    assert expand_abbreviations(f"Đảng đoàn {abbreviation} tỉnh") == f"Đảng đoàn {ABBREVIATIONS[abbreviation]} tỉnh"


def test_collective_scopes_are_not_bodies():
    for scope in COLLECTIVE_SCOPES:
        assert is_collective_scope(scope), scope
    for scope in ("UBND các huyện, thành phố", "cơ quan, đơn vị", "các sở, ngành liên quan", "Các đơn vị"):
        assert is_collective_scope(scope), scope
    for body in ("Sở Nội vụ", "Ban Tuyên giáo Tỉnh ủy", "Đảng đoàn HĐND tỉnh", "Công an tỉnh", "Hội Nông dân tỉnh"):
        assert not is_collective_scope(body), body
    assert split_agencies("các cơ quan, đơn vị liên quan") == ["các cơ quan, đơn vị liên quan"]


def test_units():
    for unit in COUNT_UNITS:
        sentence = f"Phấn đấu có ít nhất 3 {unit} đạt chuẩn"
        [target] = targets_in_clause(sentence, sentence, None, None)
        assert target.unit == unit and target.value == 3
    assert is_percent("%") and is_percent("phần trăm") and not is_percent("người") and not is_percent(None)
