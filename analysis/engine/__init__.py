"""Consultation analysis engine: plain dataclasses in, plain dataclasses out, no Django.

The web app gathers comments into ``TextItem``s, calls ``run_analysis`` in a background task
and stores the ``AnalysisResult``. ``build_theme_model`` gives a picklable model for theming one
new comment at submit time. See docs/analysis-method.md.
"""

from .active import suggest_next_to_code
from .backends import TextBackend, load_backend
from .codebook import default_codebook
from .duplicates import near_duplicate_groups
from .languages import LANGUAGE_TABLE, LANGUAGES, detect_language, detect_languages
from .pii import scrub_personal_data
from .pipeline import run_analysis
from .text import fingerprint, normalise
from .themes import Calibrator, ThemeModel, build_theme_model
from .tokenize import tokenize
from .types import (
    ENGINE_VERSION,
    AnalysisOptions,
    AnalysisResult,
    Assignment,
    CodebookTheme,
    CodedExample,
    DuplicateGroup,
    EmergentTheme,
    LanguageGuess,
    PiiSpan,
    Quote,
    ScrubResult,
    StanceResult,
    SummarySentence,
    TextItem,
    ThemeSummary,
)

__all__ = [
    "ENGINE_VERSION",
    "LANGUAGES",
    "LANGUAGE_TABLE",
    "AnalysisOptions",
    "AnalysisResult",
    "Assignment",
    "Calibrator",
    "CodebookTheme",
    "CodedExample",
    "DuplicateGroup",
    "EmergentTheme",
    "LanguageGuess",
    "PiiSpan",
    "Quote",
    "ScrubResult",
    "StanceResult",
    "SummarySentence",
    "TextBackend",
    "TextItem",
    "ThemeModel",
    "ThemeSummary",
    "build_theme_model",
    "default_codebook",
    "detect_language",
    "detect_languages",
    "fingerprint",
    "load_backend",
    "near_duplicate_groups",
    "normalise",
    "run_analysis",
    "scrub_personal_data",
    "suggest_next_to_code",
    "tokenize",
]
