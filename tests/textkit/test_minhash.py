"""One near-duplicate rule for the moderation queue and the report: the same shingles, hashes,
bands and threshold, so a campaign flagged when it arrives is grouped in the analysis too."""

from analysis.engine import TextItem, near_duplicate_groups
from textkit.minhash import (
    BANDS,
    NEAR_DUPLICATE_THRESHOLD,
    band_keys,
    similarity,
)

CAMPAIGN = (
    "I support the Customer Bill of Rights because every resident deserves a quick answer "
    "from the City in their own language, and I ask the Council to adopt it this year."
)
EDITED = CAMPAIGN.replace("this year", "this year, please").replace("I ", "We ")


def test_a_form_letter_with_a_few_words_changed_is_over_the_threshold():
    assert similarity(CAMPAIGN, EDITED) >= NEAR_DUPLICATE_THRESHOLD
    assert similarity(CAMPAIGN, "The phone line closes too early on Saturdays.") < 0.1


def test_near_copies_share_a_stored_band_key_and_unrelated_texts_do_not():
    keys = band_keys(CAMPAIGN)
    assert len(keys) == BANDS
    assert set(keys) & set(band_keys(EDITED))
    other = "Please keep the libraries open later on weekday evenings for students and workers."
    assert not set(keys) & set(band_keys(other))


def test_band_keys_fit_a_signed_64_bit_column_and_are_stable():
    keys = band_keys(CAMPAIGN)
    assert all(0 <= key < 2**63 for key in keys)
    assert keys == band_keys(CAMPAIGN)


def test_texts_too_short_to_compare_have_no_band_keys():
    assert band_keys("Fix it") == []


def test_the_engine_groups_what_the_web_app_would_flag():
    items = [TextItem("a", CAMPAIGN), TextItem("b", EDITED), TextItem("c", "Parks need lights.")]
    groups = near_duplicate_groups(items)
    assert [set(group.item_ids) for group in groups] == [{"a", "b"}]
