"""The one table mapping Wagtail language codes to NLP library codes, and language detection.

Detection is deliberately conservative: a script that only one of our languages uses decides at
once (Ethiopic = Amharic, Hangul = Korean, Han = Chinese, Cyrillic = Russian); a declared
Latin-script language that its function words confirm is kept without running lingua; other
Latin-script text goes to lingua restricted to our Latin-script languages; and the language the
resident declared wins whenever the text is too short or the detector is unsure.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .types import LanguageGuess

LANGUAGES = ("en", "ko", "es", "zh-hans", "vi", "so", "tl", "am", "ru")


@dataclass(frozen=True)
class LanguageSpec:
    code: str
    lingua: str | None
    stopwordsiso: str | None
    snowball: str | None
    tokenizer: str
    script: str


LANGUAGE_TABLE: dict[str, LanguageSpec] = {
    "en": LanguageSpec("en", "ENGLISH", "en", "english", "nltk", "latin"),
    "ko": LanguageSpec("ko", "KOREAN", "ko", None, "kiwi", "hangul"),
    "es": LanguageSpec("es", "SPANISH", "es", "spanish", "nltk", "latin"),
    "zh-hans": LanguageSpec("zh-hans", "CHINESE", "zh", None, "jieba", "han"),
    "vi": LanguageSpec("vi", "VIETNAMESE", "vi", None, "pyvi", "latin"),
    "so": LanguageSpec("so", "SOMALI", "so", None, "rules", "latin"),
    "tl": LanguageSpec("tl", "TAGALOG", "tl", None, "rules", "latin"),
    "am": LanguageSpec("am", None, None, None, "ethiopic", "ethiopic"),
    "ru": LanguageSpec("ru", "RUSSIAN", "ru", "russian", "nltk", "cyrillic"),
}

_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh_hans": "zh-hans", "fil": "tl", "amh": "am"}

_SCRIPT_LANGUAGE = {"ethiopic": "am", "hangul": "ko", "han": "zh-hans", "cyrillic": "ru"}
_LATIN_LANGUAGES = tuple(c for c, s in LANGUAGE_TABLE.items() if s.script == "latin")

MIN_LETTERS_TO_DETECT = 12
DETECTOR_OVERRIDES_DECLARED = 0.6
DECLARED_IMPLAUSIBLE = 0.1
CONFIRMED_CONFIDENCE = 0.9  # declared language confirmed by its function words


def canonical_language(code: str | None) -> str | None:
    """Map a user- or library-supplied code onto one of LANGUAGES (None if not ours)."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code)
    if code in LANGUAGE_TABLE:
        return code
    base = code.split("-")[0]
    base = _ALIASES.get(base, base)
    return base if base in LANGUAGE_TABLE else None


_ETHIOPIC = re.compile(r"[\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Letters below U+2000 outside the scripts above count as Latin (as ``_script_of`` does).
_OTHER_LETTER = re.compile(r"[^\W\d_\u0400-\u04ff\u1100-\u11ff\u1200-\u139f\u2000-\U0010ffff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _script_of(ch: str) -> str | None:
    o = ord(ch)
    if 0x1200 <= o <= 0x139F or 0x2D80 <= o <= 0x2DDF or 0xAB00 <= o <= 0xAB2F:
        return "ethiopic"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return "han"
    if 0x0400 <= o <= 0x04FF:
        return "cyrillic"
    if ch.isalpha() and o < 0x2000:
        return "latin"
    return None


def script_counts(text: str) -> dict[str, int]:
    """Letters per script (regex counts in C: this runs on every comment)."""
    if text.isascii():
        n = len(_ASCII_LETTER.findall(text))
        return {"latin": n} if n else {}
    counts = {
        "ethiopic": len(_ETHIOPIC.findall(text)),
        "hangul": len(_HANGUL.findall(text)),
        "han": len(_HAN.findall(text)),
        "cyrillic": len(_CYRILLIC.findall(text)),
    }
    counts["latin"] = len(_OTHER_LETTER.findall(text))
    return {k: v for k, v in counts.items() if v > 0}


# Short function-word lists of our Latin-script languages (plus Vietnamese diacritics): enough
# to confirm that a text is in the language its writer declared without running lingua. On
# SIB-200 they confirm 85-100% of texts in their own language and under 1% in another one.
_FUNCTION_WORDS = {
    "en": "the and of to is are was were that this with for it be have has not they we you he "
    "she on at by from or but would should could will can there their which what when who been "
    "do does did an my our your its than these those them his her more about into after also "
    "only other such",
    "es": "el la los las de del que y en un una por para con es son está están fue se lo le les "
    "al como más pero sus su ya muy también sin sobre entre cuando hay desde todo esta este ese "
    "esa porque ni donde",
    "vi": "của và các là có được cho không những với trong một người này đã để khi từ như về đến",
    "so": "waxaa ayaa iyo ayay waxay sidoo kale ahaa ahayd jira kaga ugu kala leh iska kuwa "
    "halkan inay inta oo uu ka ku waa ee soo aan ama laakiin hadii haddii markii wuxuu ayuu "
    "kuma loo lagu",
    "tl": "ang ng mga sa na ay at ito hindi siya kanyang nang para kung rin din lamang noong "
    "kaniyang niya kay ni sila nila mula dahil ngunit pero upang bilang isang iyon mas",
}
_FUNCTION_SETS = {k: frozenset(v.split()) for k, v in _FUNCTION_WORDS.items()}
_VIETNAMESE_MARKS = re.compile(r"[\u1ea0-\u1ef9ơưăđƠƯĂĐ]")
_WORDS = re.compile(r"[^\W\d_]+")


def declared_is_plausible(text: str, declared: str) -> bool:
    """True when ``declared`` clearly leads on function words (so lingua is not needed)."""
    if declared not in _FUNCTION_SETS:
        return False
    words = _WORDS.findall(text.casefold())
    score = {k: sum(w in s for w in words) for k, s in _FUNCTION_SETS.items()}
    score["vi"] += len(_VIETNAMESE_MARKS.findall(text))
    own = score.pop(declared)
    return own >= 2 and own >= 3 * max(score.values())


_detectors: dict[bool, object] = {}
_detector_lock = threading.Lock()
LOW_ACCURACY_FROM_CHARS = 120  # lingua's own advice: its fast mode is reliable from here on


def _get_detector(low_accuracy: bool = False):
    """Build a lingua detector once; it holds large models, so only on first use.

    The low-accuracy mode (trigrams only) is several times faster and, on texts of 120+
    characters, agrees with the full mode on 99% of our benchmark comments.
    """
    detector = _detectors.get(low_accuracy)
    if detector is None:
        with _detector_lock:
            detector = _detectors.get(low_accuracy)
            if detector is None:
                from lingua import Language, LanguageDetectorBuilder

                langs = [getattr(Language, LANGUAGE_TABLE[c].lingua) for c in _LATIN_LANGUAGES]
                builder = LanguageDetectorBuilder.from_languages(*langs)
                if low_accuracy:
                    builder = builder.with_low_accuracy_mode()
                detector = _detectors[low_accuracy] = builder.build()
    return detector


def _lingua_confidences(texts: Sequence[str]) -> list:
    """lingua confidence values per text: fast mode for long texts, full mode for short ones."""
    out: list = [None] * len(texts)
    for low in (False, True):
        rows = [i for i, t in enumerate(texts) if (len(t) >= LOW_ACCURACY_FROM_CHARS) == low]
        if not rows:
            continue
        detector = _get_detector(low)
        batch = [texts[i] for i in rows]
        if len(batch) > 64:
            values = detector.compute_language_confidence_values_in_parallel(batch)
        else:
            values = [detector.compute_language_confidence_values(t) for t in batch]
        for i, v in zip(rows, values, strict=True):
            out[i] = v
    return out


def _lingua_to_code(language) -> str | None:
    for code, spec in LANGUAGE_TABLE.items():
        if spec.lingua == language.name:
            return code
    return None


def _decide(
    counts: dict[str, int], declared: str | None, confidences: dict[str, float] | None
) -> LanguageGuess:
    letters = sum(counts.values())
    if letters == 0:
        return LanguageGuess(declared, 0.0 if declared is None else 0.5, "declared")
    script, n = max(counts.items(), key=lambda kv: kv[1])
    share = n / letters
    if script in _SCRIPT_LANGUAGE and share >= 0.5:
        return LanguageGuess(_SCRIPT_LANGUAGE[script], round(share, 3), "script")
    if declared and letters < MIN_LETTERS_TO_DETECT:
        return LanguageGuess(declared, 0.5, "declared")
    if not confidences:
        return LanguageGuess(declared, 0.5 if declared else 0.0, "declared")
    best, value = max(confidences.items(), key=lambda kv: kv[1])
    declared_value = confidences.get(declared, 0.0) if declared else 0.0
    if (
        declared
        and declared != best
        and (value < DETECTOR_OVERRIDES_DECLARED or declared_value >= DECLARED_IMPLAUSIBLE)
    ):
        return LanguageGuess(declared, round(declared_value, 3), "declared")
    return LanguageGuess(best, round(value, 3), "detected")


def detect_language(text: str, declared: str | None = None) -> LanguageGuess:
    """Guess the language of one text (see module docstring for the rules)."""
    return detect_languages([text], [declared])[0]


def detect_languages(
    texts: Sequence[str], declared: Sequence[str | None] | None = None
) -> list[LanguageGuess]:
    """Batch form of ``detect_language``.

    lingua runs once, in parallel, and only on the texts that need it: Latin-script texts with
    no declared language, or whose declared language is not confirmed by its function words.
    """
    declared = list(declared) if declared is not None else [None] * len(texts)
    decl = [canonical_language(d) for d in declared]
    counts = [script_counts(t) for t in texts]
    need: list[int] = []
    confirmed: set[int] = set()
    for i, c in enumerate(counts):
        letters = sum(c.values())
        if not letters:
            continue
        script, n = max(c.items(), key=lambda kv: kv[1])
        if script in _SCRIPT_LANGUAGE and n / letters >= 0.5:
            continue
        if decl[i] and letters < MIN_LETTERS_TO_DETECT:
            continue
        if decl[i] and declared_is_plausible(texts[i], decl[i]):
            confirmed.add(i)
            continue
        need.append(i)
    confidences: dict[int, dict[str, float]] = {}
    if need:
        values = _lingua_confidences([texts[i] for i in need])
        codes = _lingua_codes()
        for i, vals in zip(need, values, strict=True):
            confidences[i] = {
                codes[v.language.name]: v.value for v in vals if v.language.name in codes
            }
    out = []
    for i in range(len(texts)):
        if i in confirmed:
            out.append(LanguageGuess(decl[i], CONFIRMED_CONFIDENCE, "declared"))
        else:
            out.append(_decide(counts[i], decl[i], confidences.get(i)))
    return out


@cache
def _lingua_codes() -> dict[str, str]:
    return {spec.lingua: code for code, spec in LANGUAGE_TABLE.items() if spec.lingua}
