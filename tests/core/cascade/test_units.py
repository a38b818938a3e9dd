

def test_unit_keys_are_named_as_readers_name_them():
    from trienkhai.cascade.units import key_title
    assert [key_title(k) for k in ("task:12", "III.2.1#3", "III.2", "III.2*", "#2")] == [
        "nhiệm vụ 12", "III.2.1 (ý 3)", "III.2", "III.2", "đoạn 2"]
