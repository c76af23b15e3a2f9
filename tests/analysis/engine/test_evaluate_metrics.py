import pytest

from analysis.evaluate.metrics import average_precision, clustering_agreement, kpa_map


def test_average_precision_by_hand():
    # ranked labels 1,0,1,0: precision at the hits 1/1 and 2/3 -> (1 + 2/3) / 2
    assert average_precision([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]) == pytest.approx(5 / 6)


def test_average_precision_perfect_and_empty():
    assert average_precision([1, 1, 0], [3, 2, 1]) == 1.0
    assert average_precision([0, 0], [1, 2]) == 0.0


def test_average_precision_treats_ties_as_one_threshold():
    # both at the same score: precision 1/2 reached at recall 1
    assert average_precision([1, 0], [0.5, 0.5]) == pytest.approx(0.5)


def test_average_precision_matches_sklearn():
    from sklearn.metrics import average_precision_score

    labels = [1, 0, 1, 1, 0, 0, 1, 0]
    scores = [0.9, 0.9, 0.8, 0.3, 0.3, 0.2, 0.1, 0.05]
    assert average_precision(labels, scores) == pytest.approx(
        average_precision_score(labels, scores)
    )


def test_kpa_map_strict_and_relaxed_by_hand():
    groups = {
        # top half of 4 pairs = scores 0.9 (hit) and 0.8 (undecided)
        "g1": [(0.9, 1), (0.8, None), (0.3, 1), (0.1, 0)],
        # top half of 2 pairs = score 0.7 (miss)
        "g2": [(0.7, 0), (0.2, 1)],
    }
    # strict: g1 -> labels [1, 0] -> AP 1; g2 -> [0] -> 0; mean 0.5
    assert kpa_map(groups, relaxed=False) == pytest.approx(0.5)
    # relaxed: g1 -> [1, 1] -> 1; g2 -> 0; mean 0.5
    assert kpa_map(groups, relaxed=True) == pytest.approx(0.5)


def test_kpa_map_top_fraction_one_keeps_every_argument():
    groups = {"g": [(0.9, 1), (0.8, None), (0.3, 1), (0.1, 0)]}
    # strict, every pair: labels 1,0,1,0 -> (1 + 2/3) / 2
    assert kpa_map(groups, relaxed=False, top_fraction=1.0) == pytest.approx(5 / 6)
    # relaxed, every pair: labels 1,1,1,0 -> 1
    assert kpa_map(groups, relaxed=True, top_fraction=1.0) == pytest.approx(1.0)


def test_recall_aware_map_scales_ap_by_share_of_matches_in_the_top_half():
    groups = {
        # top half = 0.9 (hit), 0.8 (undecided), 0.7 (miss)
        "g1": [(0.9, 1), (0.8, None), (0.7, 0), (0.3, 1), (0.2, 1), (0.1, 0)],
        # top half = 0.7 (hit)
        "g2": [(0.7, 1), (0.2, 0)],
    }
    # strict g1: labels 1,0,0 -> AP 1, 1 of 3 positives -> 1/3; g2: AP 1 * 1/1 = 1
    assert kpa_map(groups, relaxed=False, recall_aware=True) == pytest.approx((1 / 3 + 1) / 2)
    # relaxed g1: labels 1,1,0 -> AP 1, 2 of 3 -> 2/3; g2: 1
    assert kpa_map(groups, relaxed=True, recall_aware=True) == pytest.approx((2 / 3 + 1) / 2)
    # plain AP ignores how few matches made the top half
    assert kpa_map(groups, relaxed=False) == pytest.approx(1.0)


def test_clustering_agreement_wrapper():
    same = clustering_agreement(["a", "a", "b", "b"], [1, 1, 2, 2])
    assert same == {"ari": pytest.approx(1.0), "nmi": pytest.approx(1.0)}
    # one class predicted for everything: no information
    flat = clustering_agreement(["a", "a", "b", "b"], [0, 0, 0, 0])
    assert flat["ari"] == pytest.approx(0.0)
    assert flat["nmi"] == pytest.approx(0.0)
