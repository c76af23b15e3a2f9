"""Per-language word tokens: segmenters where a language needs one, stemming where Snowball has it.

Heavy objects (Kiwi, jieba's dictionary, pyvi's CRF) load on first use and are kept, so a web
process that never analyses Korean never pays for Kiwi.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from functools import cache, lru_cache
from sys import intern

from .languages import LANGUAGE_TABLE, canonical_language

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_ETHIOPIC_WORD = re.compile(r"[\u1200-\u135f\u1380-\u139f\u2d80-\u2ddf\uab00-\uab2f]+|[A-Za-z0-9]+")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7af]+")

# English words that stopwordsiso lists but that carry meaning in service feedback.
_EN_KEEP_WORDS = (
    "call calls called help need needs want line problem problems long way work works worked "
    "results result show use used make give number numbers fast quick slow late wait home "
    "online website office staff person people money pay free fair open closed access "
    "information issue issues old young know says find found"
)
_EN_KEEP = frozenset(_EN_KEEP_WORDS.split())

_AMHARIC_STOPWORDS_TEXT = (
    "እና ነው ናቸው ነበር ነኝ ነህ ነሽ ነን ላይ ውስጥ ወደ ከ ለ በ የ ይህ ያ ይህን ይህም እነዚህ እነዚያ እኔ እኛ "
    "እሱ እሷ እነሱ አንተ አንቺ እርስዎ ግን ወይም ሁሉ ሁሉም በጣም አለ አሉ የለም ምን ለምን እንዴት መቼ የት ማን "
    "እንደ ስለ ጋር ብቻ ደግሞ እንጂ እዚህ እዚያ ሲሆን እስከ ከዚያ አንድ ነገር ሆኖ ሆነ ይሆናል እንዲሁም "
    "ማለት ወይ"
)
AMHARIC_STOPWORDS = frozenset(_AMHARIC_STOPWORDS_TEXT.split())

_kiwi = None
_kiwi_lock = threading.Lock()
_KIWI_TAGS = ("NNG", "NNP", "VV", "VA", "XR", "SL", "SH", "MAG")


@cache
def stopwords(lang: str) -> frozenset[str]:
    lang = canonical_language(lang) or lang
    if lang == "am":
        return AMHARIC_STOPWORDS
    spec = LANGUAGE_TABLE.get(lang)
    if spec is None or spec.stopwordsiso is None:
        return frozenset()
    import stopwordsiso

    words = {w.casefold() for w in stopwordsiso.stopwords(spec.stopwordsiso)}
    if lang == "en":
        words -= _EN_KEEP
    if lang == "vi":
        words |= {w.replace(" ", "_") for w in words}
    return frozenset(words)


@cache
def _stemmer(lang: str):
    spec = LANGUAGE_TABLE.get(lang)
    if spec is None or spec.snowball is None:
        return None
    from nltk.stem import SnowballStemmer

    return SnowballStemmer(spec.snowball)


@lru_cache(maxsize=200_000)
def _stem_word(lang: str, word: str) -> str:
    stemmer = _stemmer(lang)
    return stemmer.stem(word) if stemmer else word


def _get_kiwi():
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                # Without the typo and multi-word dictionaries: 185 MB less, same tokens here.
                _kiwi = Kiwi(num_workers=2, load_typo_dict=False, load_multi_dict=False)
    return _kiwi


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _korean_from_kiwi(tokens) -> list[str]:
    out = []
    for tok in tokens:
        if tok.tag.startswith(_KIWI_TAGS):
            form = tok.form + "다" if tok.tag in ("VV", "VA") else tok.form
            out.append(form.casefold())
    return out


def _korean_fallback(text: str) -> list[str]:
    """Character bigrams of Hangul runs: crude, but never fails."""
    out: list[str] = []
    for run in _HANGUL_RUN.findall(text):
        out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    out.extend(w.casefold() for w in re.findall(r"[A-Za-z0-9]+", text))
    return out


def _surface(text: str, lang: str | None) -> list[str]:
    tokenizer = LANGUAGE_TABLE[lang].tokenizer if lang in LANGUAGE_TABLE else "nltk"
    if tokenizer == "kiwi":
        try:
            return _korean_from_kiwi(_get_kiwi().tokenize(text))
        except Exception:  # noqa: BLE001 - Kiwi raises varied errors on odd input; fall back.
            return _korean_fallback(text)
    if tokenizer == "jieba":
        return [w.casefold() for w in _jieba().lcut(text) if _WORD.search(w)]
    if tokenizer == "pyvi":
        from pyvi import ViTokenizer

        return [w.casefold() for w in ViTokenizer.tokenize(text).split() if _WORD.search(w)]
    if tokenizer == "ethiopic":
        return [w.casefold() for w in _ETHIOPIC_WORD.findall(text)]
    return [w.casefold() for w in _WORD.findall(text)]


def _finish(words: list[str], lang: str | None, stem: bool) -> list[str]:
    stops = stopwords(lang) if lang else frozenset()
    # Interned: 100k comments repeat the same few thousand words; one copy of each is enough.
    words = [intern(w) for w in words if w not in stops and not w.isdigit()]
    if stem and lang and LANGUAGE_TABLE.get(lang) and LANGUAGE_TABLE[lang].snowball:
        words = [_stem_word(lang, w) for w in words]
    return words


def tokenize(text: str, lang: str | None, *, stem: bool = True) -> list[str]:
    """Content-word tokens of ``text``: case-folded, stop words removed, stemmed if ``stem``."""
    lang = canonical_language(lang)
    return _finish(_surface(text, lang), lang, stem)


def tokenize_many(
    texts: Sequence[str], langs: Sequence[str | None], *, stem: bool = True
) -> list[list[str]]:
    """Tokenize a batch; Korean goes through Kiwi in one multi-threaded call."""
    langs = [canonical_language(x) for x in langs]
    out: list[list[str] | None] = [None] * len(texts)
    korean = [i for i, lang in enumerate(langs) if lang == "ko"]
    if korean:
        try:
            kiwi = _get_kiwi()
            for i, toks in zip(korean, kiwi.tokenize([texts[i] for i in korean]), strict=True):
                out[i] = _finish(_korean_from_kiwi(toks), "ko", stem)
        except Exception:  # noqa: BLE001 - any Kiwi failure falls back to per-text handling.
            for i in korean:
                out[i] = None
    for i, text in enumerate(texts):
        if out[i] is None:
            out[i] = _finish(_surface(text, langs[i]), langs[i], stem)
    return out  # type: ignore[return-value]


def stem_tokens(tokens: Sequence[str], lang: str | None) -> list[str]:
    """Stem already-surface tokens (for languages with a Snowball stemmer; others unchanged)."""
    lang = canonical_language(lang)
    if lang and LANGUAGE_TABLE.get(lang) and LANGUAGE_TABLE[lang].snowball:
        return [_stem_word(lang, w) for w in tokens]
    return tokens if isinstance(tokens, list) else list(tokens)
