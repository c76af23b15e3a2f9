import random

import pytest

from analysis.engine import TextItem, default_codebook


@pytest.fixture(scope="session")
def codebook():
    return default_codebook()


def make_corpus(codebook, seed=0, repeats=2):
    """Comments built from the codebook's own example phrases plus an off-codebook topic."""
    rng = random.Random(seed)
    items = []
    for theme in codebook:
        for lang, phrases in theme.examples.items():
            for phrase in phrases:
                for _ in range(repeats):
                    items.append(
                        TextItem(
                            id=f"{theme.key}|{lang}|{len(items)}",
                            text=phrase + rng.choice(["", ".", "!", " thanks"]),
                            declared_language=lang,
                            stance=rng.choice(["agree", "disagree", "unsure", None]),
                        )
                    )
    parks = [
        "The park near my house needs more trees and benches",
        "Please plant more trees in the park and add benches",
        "Our neighbourhood park has no shade, we need trees",
        "More benches and trees in the park would help seniors",
        "The park playground is broken and needs new trees",
        "Add trees and benches along the park paths",
        "Park benches are all broken, replace them and plant trees",
        "Trees in the park died, please replant them",
    ]
    for i in range(24):
        items.append(TextItem(id=f"parks|en|{i}", text=f"{parks[i % 8]} ({i})", stance="agree"))
    return items


@pytest.fixture(scope="session")
def corpus(codebook):
    return make_corpus(codebook)
