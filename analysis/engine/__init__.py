"""Consultation analysis engine: plain dataclasses in, plain dataclasses out, no Django.

The web app gathers comments into ``TextItem``s, calls ``run_analysis`` in a background task
and stores the ``AnalysisResult``. ``build_theme_model`` gives a picklable model for theming one
new comment at submit time. See docs/analysis-method.md.
"""

from importlib import import_module

# The function shares its name with its module: bound eagerly so that importing the submodule
# (which sets the package attribute to the module) can never shadow it. The module is light.
from .tokenize import tokenize

# Public names and the module each lives in. They load on first use (PEP 562), so the web app
# can scrub personal data or read a dataclass without importing NumPy, SciPy and scikit-learn,
# which only the analysis worker needs.
_EXPORTS = {
    "suggest_next_to_code": "active",
    "TextBackend": "backends",
    "load_backend": "backends",
    "default_codebook": "codebook",
    "near_duplicate_groups": "duplicates",
    "LANGUAGE_TABLE": "languages",
    "LANGUAGES": "languages",
    "detect_language": "languages",
    "detect_languages": "languages",
    "PairMatcher": "matching",
    "scrub_personal_data": "pii",
    "run_analysis": "pipeline",
    "fingerprint": "text",
    "normalise": "text",
    "Calibrator": "themes",
    "ThemeModel": "themes",
    "build_theme_model": "themes",
    **dict.fromkeys(
        (
            "ENGINE_VERSION",
            "AnalysisOptions",
            "AnalysisResult",
            "Assignment",
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
            "TextItem",
            "ThemeSummary",
        ),
        "types",
    ),
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
    "PairMatcher",
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
