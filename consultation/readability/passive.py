"""Passive voice, where a language has a rule we can apply to spelling alone.

Each function takes one sentence's words and returns the phrases it read as passive. These are
suggestions: every rule below misses some passives and catches a few phrases that are not, and
the docs say which.

- English: a form of "be" or "get", up to two adverbs ("is not always"), then a past participle
  (a word in -ed, or an irregular one: "given", "sent", "made").
- Spanish: the periphrastic passive, a form of "ser" then a participle (-ado, -ido, and the
  irregular ones: "escrito", "hecho", "resuelto"). The reflexive passive ("se atienden las
  quejas") is left alone: it is the usual plain Spanish form.
- Russian: a short passive participle ("рассмотрено", "принят"), as pymorphy3 tags it, with the
  "быть" form before it if there is one. Verbs in -ся are left alone: without a parser the
  passive reading ("заявления рассматриваются") cannot be told from the reflexive one.
- Korean: a noun turned passive with 되다 ("처리됩니다", "접수되어"), including the double
  passive 되어지다 that Korean plain-language guides single out. -어지다 is left alone: on an
  adjective it only means "become" ("길어지다").
- Chinese: the 被 construction, as a word of its own in jieba's segmentation (so 被告,
  "defendant", does not count).
"""

from __future__ import annotations

import re
from functools import cache

_ADVERB_GAP = 2

# English ------------------------------------------------------------------------------------

_EN_BE = {
    "am", "is", "are", "was", "were", "be", "been", "being",
    "isn't", "aren't", "wasn't", "weren't",
    "get", "gets", "got", "gotten", "getting",
}  # fmt: skip
_EN_ADVERBS = {
    "not", "never", "also", "always", "often", "usually", "still", "already", "then", "only",
    "just", "now", "all", "both", "each", "being", "quickly", "fully", "directly",
}  # fmt: skip
_EN_IRREGULAR = {
    "arisen", "awoken", "beaten", "become", "begun", "bent", "bound", "bitten", "blown",
    "broken", "brought", "built", "bought", "caught", "chosen", "come", "cut", "dealt", "done",
    "drawn", "driven", "eaten", "fallen", "fed", "felt", "fought", "found", "forbidden",
    "forgotten", "forgiven", "frozen", "given", "gone", "grown", "heard", "held", "hidden",
    "hit", "hung", "hurt", "kept", "known", "laid", "led", "left", "lent", "lost", "made",
    "meant", "met", "overseen", "paid", "put", "read", "rebuilt", "ridden", "run", "said",
    "seen", "sent", "set", "shaken", "shown", "shut", "sold", "sought", "spent", "spoken",
    "spread", "stolen", "struck", "sworn", "taken", "taught", "thought", "thrown", "told",
    "torn", "understood", "undertaken", "upheld", "withdrawn", "won", "worn", "written",
}  # fmt: skip
_EN_NOT_PARTICIPLE = {
    "bed", "red", "shed", "hundred", "sacred", "naked", "wicked", "interested", "tired",
    "worried", "excited", "pleased", "concerned", "married", "scared", "bored", "surprised",
    "confused", "ashamed", "supposed", "used", "based", "aged", "beloved",
}  # fmt: skip
_EN_EED_PARTICIPLES = {"agreed", "guaranteed", "freed", "decreed", "refereed"}


def _en_participle(word: str) -> bool:
    if word in _EN_IRREGULAR:
        return True
    if word in _EN_NOT_PARTICIPLE or len(word) < 4 or not word.endswith("ed"):
        return False
    return not word.endswith("eed") or word in _EN_EED_PARTICIPLES


def _auxiliary_then_participle(words, auxiliaries, adverbs, is_participle) -> list[str]:
    found = []
    lowered = [w.lower().replace("’", "'") for w in words]
    for i, word in enumerate(lowered):
        if word not in auxiliaries:
            continue
        j = i + 1
        while j < len(lowered) and j - i <= _ADVERB_GAP and _is_adverb(lowered[j], adverbs):
            j += 1
        if j < len(lowered) and lowered[j] not in auxiliaries and is_participle(lowered[j]):
            found.append(" ".join(words[i : j + 1]))
    return found


def _is_adverb(word: str, adverbs) -> bool:
    return word in adverbs or (len(word) > 4 and word.endswith(("ly", "mente")))


def english(words: list[str]) -> list[str]:
    return _auxiliary_then_participle(words, _EN_BE, _EN_ADVERBS, _en_participle)


# Spanish ------------------------------------------------------------------------------------

_ES_SER = {
    "ser", "es", "son", "era", "eran", "fue", "fueron", "será", "serán", "sería", "serían",
    "sea", "sean", "fuera", "fueran", "fuese", "fuesen", "sido", "siendo", "soy", "eres",
    "somos", "fui", "fuimos", "seré", "seremos", "éramos",
}  # fmt: skip
_ES_ADVERBS = {"no", "ya", "también", "siempre", "nunca", "pronto", "luego", "después"}
_ES_IRREGULAR = re.compile(
    r"^(?:escrit|hech|dich|puest|vist|abiert|vuelt|rot|cubiert|resuelt|devuelt|impres|muert"
    r"|satisfech|previst|dispuest|propuest|descrit|inscrit|suscrit|provist|compuest|expuest"
    r"|repuest|envuelt|revuelt)(?:o|a|os|as)$"
)
_ES_REGULAR = re.compile(r"^\w{2,}(?:ad|id|íd)(?:o|a|os|as)$")
_ES_NOT_PARTICIPLE = {
    "abogado", "abogada", "empleado", "empleada", "empleados", "empleadas", "resultado",
    "resultados", "mercado", "estado", "lado", "grado", "pasado", "cuidado", "partido",
    "sentido", "contenido", "apellido", "ruido", "sonido", "vida", "comida", "salida",
    "medida", "medidas", "bebida", "llegada", "entrada", "jornada", "cada", "nada", "ciudad",
    "soldado", "prado", "mitad", "unidad", "unidos", "todo", "nido", "marido", "vestido",
}  # fmt: skip


def _es_participle(word: str) -> bool:
    if word in _ES_NOT_PARTICIPLE:
        return False
    return bool(_ES_IRREGULAR.match(word) or _ES_REGULAR.match(word))


def spanish(words: list[str]) -> list[str]:
    return _auxiliary_then_participle(words, _ES_SER, _ES_ADVERBS, _es_participle)


# Russian ------------------------------------------------------------------------------------

_RU_BE = {"был", "была", "было", "были", "будет", "будут", "будем", "будешь", "буду", "быть"}
# Short forms used as "must" or "ready", which pymorphy3 may tag as participles.
_RU_NOT_PASSIVE = {"обязан", "обязана", "обязано", "обязаны", "уверен", "уверена", "уверены"}


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _ru_short_passive(word: str) -> bool:
    if word in _RU_NOT_PASSIVE:
        return False
    tag = _morph().parse(word)[0].tag
    return "PRTS" in tag and "pssv" in tag


def russian(words: list[str]) -> list[str]:
    found = []
    lowered = [w.lower() for w in words]
    for i, word in enumerate(lowered):
        if not _RU_VOWEL.search(word) or not _ru_short_passive(word):
            continue
        start = i - 1 if i > 0 and lowered[i - 1] in _RU_BE else i
        found.append(" ".join(words[start : i + 1]))
    return found


_RU_VOWEL = re.compile(r"[аеёиоуыэюя]")

# Korean -------------------------------------------------------------------------------------

_KO_DOE = re.compile(r"^(?P<stem>[\uac00-\ud7a3]+?)(?:되|돼|됐|됩|된|될|됨)")
_KO_NOT_PASSIVE_STEMS = {"안", "못", "잘", "참", "덜", "다", "또", "꼭", "아니"}
_KO_HANGUL = re.compile(r"[^\uac00-\ud7a3]")


def korean(words: list[str]) -> list[str]:
    found = []
    for word in words:
        hangul = _KO_HANGUL.sub("", word)
        match = _KO_DOE.match(hangul)
        if match and match.group("stem") not in _KO_NOT_PASSIVE_STEMS:
            found.append(word.strip(".,!?…\"'”’)"))
    return found


# Chinese ------------------------------------------------------------------------------------


def chinese(words: list[str]) -> list[str]:
    found = []
    for i, word in enumerate(words):
        if word == "被":
            found.append("".join(words[i : i + 3]))
    return found
