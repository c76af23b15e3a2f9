import pytest

from analysis.engine import scrub_personal_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call (206) 684-2489 today", "Call [phone] today"),
        ("Call 206-684-2489.", "Call [phone]."),
        ("Call 206.684.2489", "Call [phone]"),
        ("Dial 206-684-CITY for help", "Dial [phone] for help"),
        ("Reach me on +1 206 684 2489", "Reach me on [phone]"),
        ("Reach me on +1-206-684-2489", "Reach me on [phone]"),
        ("London office +44 20 7946 0958", "London office [phone]"),
        ("Mogadishu +252 61 555 1234", "Mogadishu [phone]"),
        ("Email jane.doe+city@example.org please", "Email [email] please"),
        ("write to a_b@mail.co.kr", "write to [email]"),
        ("I live at 1234 5th Ave NE", "I live at [address]"),
        ("City Hall, 600 Fourth Avenue.", "City Hall, [address]."),
        ("at 45 Main Street, Apt 3", "at [address], [address]"),
        ("Unit 4B is leaking", "[address] is leaking"),
        ("P.O. Box 94726 Seattle", "[address] Seattle"),
        ("My account 12345678 is wrong", "My account [number] is wrong"),
        ("case SR-2023-0012345 still open", "case [number] still open"),
        ("ticket CSR12345678", "ticket [number]"),
        ("card 4111 1111 1111 1111", "card [number]"),
    ],
)
def test_personal_data_is_replaced_by_placeholders(text, expected):
    assert scrub_personal_data(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the service got worse",
        "from 2020-2021 nothing changed",
        "I called 311 twice",
        "the office opens at 10:30 and closes at 5pm",
        "the fee went up to $1,250,000 for the project",
        "it costs $1250000 in total",
        "bus 44 and route 7",
        "COVID-19 made it worse",
        "I waited 3 hours on the way home",
        "42 of 310 comments",
        "zip code 98104",
        "on 12/05/2024 I called",
        "2.5 million residents",
        "version 3.11.4 of the app",
        "we live on Main Street",
        "전화번호를 알려 주세요",
    ],
)
def test_ordinary_numbers_and_text_are_left_alone(text):
    result = scrub_personal_data(text)
    assert result.text == text
    assert result.spans == []


def test_spans_point_into_the_original_text():
    text = "Mail bob@example.com or call 206-684-2489"
    result = scrub_personal_data(text)
    kinds = [(s.kind, text[s.start : s.end]) for s in result.spans]
    assert kinds == [("email", "bob@example.com"), ("phone", "206-684-2489")]


def test_text_without_digits_or_at_sign_is_returned_unchanged():
    assert scrub_personal_data("plain words only").text == "plain words only"
    assert scrub_personal_data("").text == ""
