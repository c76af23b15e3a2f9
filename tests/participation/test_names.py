"""Reports, exports and admin screens show names, not the codes stored with a comment."""

from django.utils import translation

from participation.names import channel_name, district_name, group_name, language_name, right_name


def test_codes_read_as_names_in_the_readers_language():
    assert channel_name("in_person") == "In person"
    assert language_name("ko") == "Korean"
    assert district_name("district_4", names={"district_4": "District 4"}) == "District 4"
    assert right_name("abc", titles={"abc": "3. A reply within two business days"}).startswith("3.")
    with translation.override("ko"):
        assert channel_name("phone") != "Phone"
        assert language_name("am") != "Amharic"


def test_missing_or_unknown_codes_say_so_or_stay_as_stored():
    assert district_name("unknown") == "Not given"
    assert district_name("Rainier Valley") == "Rainier Valley"
    assert channel_name("kiosk") == "kiosk"
    assert right_name("") == "Whole draft or survey"
    assert group_name("language", "und") == "Not detected"
