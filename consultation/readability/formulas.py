"""Published reading-level formulas, each from its source. ``words``, ``sentences`` and
``syllables`` are totals for the text; every formula uses words per sentence and syllables per
word. Scores are only as good as the syllable counts (see ``syllables``) and are rough on a
text of one or two sentences, which is why the editor shows them as suggestions.
"""

from __future__ import annotations


def _rates(words: int, sentences: int, syllables: int) -> tuple[float, float]:
    return words / sentences, syllables / words


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology 32(3),
    221-233. 206.835 - 1.015 x words/sentence - 84.6 x syllables/word; higher is easier,
    60-70 is "plain English"."""
    per_sentence, per_word = _rates(words, sentences, syllables)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). Derivation of
    new readability formulas for Navy enlisted personnel. Research Branch Report 8-75.
    0.39 x words/sentence + 11.8 x syllables/word - 15.59: a US school grade."""
    per_sentence, per_word = _rates(words, sentences, syllables)
    return 0.39 * per_sentence + 11.8 * per_word - 15.59


def fernandez_huerta(words: int, sentences: int, syllables: int) -> float:
    """Fernández Huerta, J. (1959). Medidas sencillas de lecturabilidad. Consigna 214, 29-32;
    as corrected by Law, G. (2011), "Error in the Fernandez Huerta readability formula",
    LINGUIST List 22.2332: 206.84 - 0.60 x syllables per 100 words - 1.02 x words/sentence.
    (The formula usually quoted subtracts sentences per 100 words, which makes short sentences
    score harder.) Higher is easier; 60-70 is "normal" for adults."""
    per_sentence, per_word = _rates(words, sentences, syllables)
    return 206.84 - 0.60 * (100 * per_word) - 1.02 * per_sentence


def szigriszt_pazos(words: int, sentences: int, syllables: int) -> float:
    """Szigriszt Pazos, F. (1993). Sistemas predictivos de legibilidad del mensaje escrito:
    fórmula de perspicuidad. Tesis doctoral, Universidad Complutense de Madrid.
    206.835 - 62.3 x syllables/word - words/sentence. Read on the INFLESZ scale
    (Barrio-Cantalejo, I. M. et al. (2008). Validación de la Escala INFLESZ para evaluar la
    legibilidad de los textos dirigidos a pacientes. Anales Sis San Navarra 31(2), 135-152):
    below 40 very hard, 40-55 somewhat hard, 55-65 normal, 65-80 fairly easy, above 80 very
    easy."""
    per_sentence, per_word = _rates(words, sentences, syllables)
    return 206.835 - 62.3 * per_word - per_sentence


def oborneva(words: int, sentences: int, syllables: int) -> float:
    """Oborneva, I. V. (2006). Автоматизированная оценка сложности учебных текстов на основе
    статистических параметров (Automated assessment of the difficulty of educational texts
    from statistical parameters). Candidate's dissertation, Moscow. Flesch's reading ease
    refitted to Russian, whose words are longer and sentences shorter:
    206.835 - 1.3 x words/sentence - 60.1 x syllables/word."""
    per_sentence, per_word = _rates(words, sentences, syllables)
    return 206.835 - 1.3 * per_sentence - 60.1 * per_word


FORMULAS = {
    "flesch_reading_ease": flesch_reading_ease,
    "flesch_kincaid_grade": flesch_kincaid_grade,
    "fernandez_huerta": fernandez_huerta,
    "szigriszt_pazos": szigriszt_pazos,
    "oborneva": oborneva,
}
