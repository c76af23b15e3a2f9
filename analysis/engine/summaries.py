"""Per-theme summaries: counts, stance splits, templated sentences and representative quotes.

Sentences are plain English built from fixed templates (so the web app can translate the
templates) and every sentence lists the comment ids behind it, so staff can check any claim.
Quotes stay in their original language and are scrubbed of personal data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .emergent import key_phrases
from .pii import scrub_personal_data
from .types import Quote, StanceResult, SummarySentence, TextItem, ThemeSummary

QUOTE_MAX_CHARS = 400
STANCE_WORDS = {
    "agree": "agreed with the draft",
    "disagree": "disagreed with the draft",
    "unsure": "were unsure",
}


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _stance_sentences(members: list[int], ids: list[str], stances) -> list[SummarySentence]:
    out = []
    form = [(i, stances[i].stance) for i in members if stances[i].source == "form"]
    if form:
        by = Counter(s for _, s in form)
        ranked = by.most_common()
        top, top_n = ranked[0]
        who = [ids[i] for i, s in form if s == top]
        lead = "Most" if top_n * 2 > len(form) else "The largest group"
        out.append(
            SummarySentence(
                f"{lead} of the {len(form)} comments with a stance ({top_n}, "
                f"{_pct(top_n, len(form))}) {STANCE_WORDS[top]}.",
                tuple(who),
            )
        )
        for stance, n in ranked[1:]:
            out.append(
                SummarySentence(
                    f"A minority ({n}, {_pct(n, len(form))}) {STANCE_WORDS[stance]}.",
                    tuple(ids[i] for i, s in form if s == stance),
                )
            )
    senti = [(i, stances[i].stance) for i in members if stances[i].source == "text"]
    senti = [(i, s) for i, s in senti if s]
    negative = [ids[i] for i, s in senti if s == "negative"]
    if senti:
        out.append(
            SummarySentence(
                f"{len(negative)} of {len(senti)} English comments without a stance read as "
                "negative in tone (automatic English-only sentiment, not stance).",
                tuple(negative),
            )
        )
    return out


def _quotes(
    members: list[int],
    items: Sequence[TextItem],
    languages: Sequence[str | None],
    stances: Sequence[StanceResult],
    centrality: dict[int, float],
    dup_of: dict[str, str],
    n_quotes: int,
) -> list[Quote]:
    """Central comments first, then preferring new languages, stances and duplicate groups."""
    ranked = sorted(members, key=lambda i: -centrality.get(i, 0.0))
    chosen: list[int] = []
    seen_lang: Counter = Counter()
    seen_stance: Counter = Counter()
    seen_groups: set[str] = set()
    pool = [i for i in ranked if len(items[i].text.strip()) >= 15][: max(50, n_quotes * 10)]
    while pool and len(chosen) < n_quotes:
        best, best_score = None, None
        for rank, i in enumerate(pool):
            group = dup_of.get(items[i].id, items[i].id)
            if group in seen_groups:
                continue
            score = -rank / len(pool)
            score -= 0.5 * seen_lang[languages[i]] + 0.3 * seen_stance[stances[i].stance]
            if best_score is None or score > best_score:
                best, best_score = i, score
        if best is None:
            break
        pool.remove(best)
        chosen.append(best)
        seen_lang[languages[best]] += 1
        seen_stance[stances[best].stance] += 1
        seen_groups.add(dup_of.get(items[best].id, items[best].id))
    out = []
    for i in chosen:
        text = scrub_personal_data(items[i].text).text
        if len(text) > QUOTE_MAX_CHARS:
            text = text[: QUOTE_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
        out.append(Quote(items[i].id, text, languages[i]))
    return out


def summarise_theme(
    theme_key: str,
    theme_name: str,
    members: list[int],
    items: Sequence[TextItem],
    languages: Sequence[str | None],
    stances: Sequence[StanceResult],
    tokens: Sequence[Sequence[str]],
    background: Counter,
    centrality: dict[int, float],
    dup_of: dict[str, str],
    n_quotes: int = 5,
    ids: Sequence[str] | None = None,
) -> ThemeSummary:
    """Counts, templated sentences with their item ids, key phrases and quotes for one theme.

    ``ids`` (the items' ids, in order) can be passed when summarising many themes of one run.
    """
    total = len(items)
    ids = [it.id for it in items] if ids is None else ids
    member_ids = tuple(ids[i] for i in members)
    stance_counts = Counter(stances[i].stance or "none" for i in members)
    language_counts = Counter(languages[i] or "und" for i in members)
    phrases = key_phrases([tokens[i] for i in members], background, total, top=8)
    sentences = [
        SummarySentence(
            f"{len(members)} of {total} comments ({_pct(len(members), total)}) were about "
            f'"{theme_name}".',
            member_ids,
        )
    ]
    sentences += _stance_sentences(members, ids, stances)
    sentences += _language_sentences(members, ids, languages, language_counts)
    sentences += _campaign_sentences(members, ids, dup_of)
    sentences += _phrase_sentences(members, ids, tokens, phrases)
    return ThemeSummary(
        theme_key=theme_key,
        count=len(members),
        total=total,
        stance_counts=dict(stance_counts),
        sentences=sentences,
        quotes=_quotes(members, items, languages, stances, centrality, dup_of, n_quotes),
        key_phrases=phrases,
        language_counts=dict(language_counts),
    )


def _language_sentences(members, ids, languages, language_counts) -> list[SummarySentence]:
    if len(language_counts) <= 1:
        return []
    lang, n = language_counts.most_common(1)[0]
    return [
        SummarySentence(
            f"These comments came in {len(language_counts)} languages; the most common "
            f"was {lang} ({n}).",
            tuple(ids[i] for i in members if (languages[i] or "und") == lang),
        )
    ]


def _campaign_sentences(members, ids, dup_of) -> list[SummarySentence]:
    campaign = [ids[i] for i in members if ids[i] in dup_of]
    if not campaign:
        return []
    groups = {dup_of[i] for i in campaign}
    return [
        SummarySentence(
            f"{len(campaign)} of these comments share text with others "
            f"({len(groups)} copy-paste groups).",
            tuple(campaign),
        )
    ]


def _phrase_sentences(members, ids, tokens, phrases) -> list[SummarySentence]:
    if not phrases:
        return []
    top = phrases[:3]
    raw = {p.replace(" ", "_") for p in top} | set(top)
    return [
        SummarySentence(
            "Words that stand out: " + ", ".join(top) + ".",
            tuple(ids[i] for i in members if raw & set(tokens[i])),
        )
    ]
