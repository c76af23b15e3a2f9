"""Polis's test statistics on numbers small enough to check by hand."""

import math

import pytest

from analysis.engine.opinions.stats import prop_test, pseudo_probability, significant, two_prop_test


def test_pseudo_probability_adds_one_vote_each_way():
    assert pseudo_probability(0, 0) == pytest.approx(0.5)
    assert pseudo_probability(3, 4) == pytest.approx(4 / 6)


def test_prop_test_of_three_agrees_in_four():
    # (3 + 1) / (4 + 1) = 0.8; 2 x sqrt(5) x (0.8 - 0.5)
    assert prop_test(3, 4) == pytest.approx(2 * math.sqrt(5) * 0.3)


def test_two_prop_test_of_four_in_four_against_none_in_four():
    assert two_prop_test(4, 0, 4, 4) == pytest.approx(0.8 / math.sqrt(0.096))


def test_two_prop_test_is_zero_when_everyone_agrees_on_both_sides():
    assert two_prop_test(4, 4, 4, 4) == 0.0


def test_significance_is_polis_one_sided_ninety_percent():
    assert significant(1.29) and not significant(1.28)
