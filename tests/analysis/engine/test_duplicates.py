from analysis.engine import TextItem, near_duplicate_groups

LETTER = (
    "As a resident of this city I ask that the Customer Bill of Rights guarantee a call back "
    "within two business days for every request made by phone or online"
)


def test_exact_copies_after_normalisation_are_grouped():
    items = [
        TextItem("a", LETTER),
        TextItem("b", LETTER.upper() + "!!"),
        TextItem("c", "Something else entirely about parks"),
    ]
    groups = near_duplicate_groups(items)
    assert [(g.exemplar_id, g.item_ids) for g in groups] == [("a", ("a", "b"))]


def test_form_letters_with_small_edits_are_grouped():
    items = [
        TextItem(f"f{i}", LETTER.replace("two", "two") + f" Signed, resident {i}") for i in range(5)
    ]
    items.append(TextItem("edited", LETTER.replace("phone", "telephone")))
    items.append(TextItem("other", "The website is too slow and the forms are confusing to use"))
    groups = near_duplicate_groups(items)
    assert len(groups) == 1
    assert set(groups[0].item_ids) == {"f0", "f1", "f2", "f3", "f4", "edited"}


def test_unrelated_comments_are_not_grouped():
    items = [
        TextItem(str(i), f"comment number {i} about topic {i * 7} and more") for i in range(50)
    ]
    assert near_duplicate_groups(items) == []


def test_chinese_copies_use_character_shingles():
    text = "我希望市政府能提供一个统一的电话号码来处理所有的问题和投诉"
    items = [TextItem("a", text), TextItem("b", text + "。"), TextItem("c", text[:-2] + "请求")]
    groups = near_duplicate_groups(items, threshold=0.7)
    assert groups and {"a", "b"} <= set(groups[0].item_ids)
