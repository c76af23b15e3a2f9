"""Opinion groups measured against Polis's own, on the public Polis conversations.

For every conversation with ``votes.csv`` and ``participants-votes.csv`` the engine computes
groups from the raw votes (latest vote per participant and statement; statements the
moderators rejected or marked meta are withdrawn, as Polis does) and is compared with the
``group-id`` Polis exported:

* ARI over participants both placed (the headline), and over every participant Polis placed,
  counting the ones we left unplaced as one extra group (strict);
* group-informed consensus: the same Polis formula computed from our groups and from Polis's
  groups on the same votes; Jaccard overlap of the top 5 and top 10 statements and Spearman
  correlation over all statements. Where Polis's export lists its own figure
  (``group-informed-consensus`` in comments.csv) it is compared too.

``python -m analysis.evaluate polis`` computes from scratch on the final votes;
``python -m analysis.evaluate.polis --replay-hours 24`` replays each conversation through
``update_opinions`` the way Polis itself reached its groups, one update per day of votes.

Data: CC BY 4.0, gathered with Polis (compdemocracy.org/polis), attribution to The
Computational Democracy Project.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from analysis.engine.opinions import OpinionOptions, Vote, compute_opinions, update_opinions

from .data import read_rows, shared_data_dir
from .metrics import clustering_agreement

TARGET_ARI = 0.70
TOP_N = (5, 10)


def conversations(root: Path) -> list[Path]:
    return sorted(
        p
        for p in (root / "polis").iterdir()
        if (p / "votes.csv").is_file() and (p / "participants-votes.csv").is_file()
    )


def load(folder: Path) -> dict:
    votes = [
        Vote(r["voter-id"], r["comment-id"], int(r["vote"]), float(r["timestamp"]))
        for r in read_rows(folder / "votes.csv")
    ]
    comments = read_rows(folder / "comments.csv")
    withdrawn = {
        c["comment-id"]
        for c in comments
        if c["moderated"].strip() == "-1" or c.get("is-meta", "").strip().lower() == "true"
    }
    exported = {
        c["comment-id"]: float(c["group-informed-consensus"])
        for c in comments
        if c.get("group-informed-consensus", "").strip()
    }
    polis_groups = {
        r["participant"]: r["group-id"]
        for r in read_rows(folder / "participants-votes.csv")
        if r["group-id"].strip() != ""
    }
    return {"votes": votes, "withdrawn": withdrawn, "groups": polis_groups, "exported": exported}


def latest_votes(votes: list[Vote]) -> dict[tuple[str, str], int]:
    latest: dict[tuple[str, str], tuple[float, int]] = {}
    for vote in votes:
        key = (vote.participant_id, vote.statement_id)
        if key not in latest or vote.timestamp >= latest[key][0]:
            latest[key] = (vote.timestamp, vote.value)
    return {k: v for k, (_, v) in latest.items()}


def group_informed_consensus(latest, membership: dict[str, str], statements) -> dict[str, float]:
    """Polis's formula, product over groups of (agrees + 1) / (votes + 2), written out here
    independently of the engine so the two can check each other."""
    agree: dict = defaultdict(int)
    seen: dict = defaultdict(int)
    for (pid, sid), value in latest.items():
        group = membership.get(pid)
        if group is not None:
            seen[(group, sid)] += 1
            agree[(group, sid)] += value == 1
    groups = sorted(set(membership.values()))
    return {
        s: float(np.prod([(agree[(g, s)] + 1) / (seen[(g, s)] + 2) for g in groups]))
        for s in statements
    }


def _top(scores: dict[str, float], n: int) -> set[str]:
    return set(sorted(scores, key=lambda s: (-scores[s], s))[:n])


def consensus_overlap(ours: dict[str, float], theirs: dict[str, float]) -> dict:
    from scipy.stats import spearmanr

    out = {}
    for n in TOP_N:
        a, b = _top(ours, n), _top(theirs, n)
        out[f"jaccard_top{n}"] = len(a & b) / len(a | b)
    keys = sorted(ours)
    out["spearman"] = float(spearmanr([ours[k] for k in keys], [theirs[k] for k in keys])[0])
    return out


def replay(votes: list[Vote], withdrawn, hours: float, options=None):
    """The conversation as it happened: a first result on the first ``hours`` of votes, then
    one ``update_opinions`` per further window of ``hours`` (empty windows skipped)."""
    ordered = sorted(votes, key=lambda v: v.timestamp)
    window = hours * 3600 * 1000  # Polis timestamps are milliseconds
    result, batch, updates = None, [], 0
    edge = ordered[0].timestamp + window
    for vote in ordered:
        if vote.timestamp > edge and batch:
            result = _step(result, batch, withdrawn, options)
            batch, updates = [], updates + 1
            edge = vote.timestamp + window
        batch.append(vote)
    return _step(result, batch, withdrawn, options), updates + 1


def _step(result, batch, withdrawn, options):
    if result is None:
        return compute_opinions(batch, withdrawn_statements=withdrawn, options=options)
    return update_opinions(result, batch)


def evaluate(
    folder: Path, options: OpinionOptions | None = None, replay_hours: float | None = None
) -> dict:
    data = load(folder)
    started = time.perf_counter()
    updates = 0
    if replay_hours:
        result, updates = replay(data["votes"], data["withdrawn"], replay_hours, options)
    else:
        result = compute_opinions(
            data["votes"], withdrawn_statements=data["withdrawn"], options=options
        )
    seconds = time.perf_counter() - started
    ours = {p.participant_id: p.group for p in result.participants if p.group is not None}
    polis = data["groups"]
    both = sorted(set(ours) & set(polis))
    strict = sorted(polis)
    agreement = clustering_agreement([polis[p] for p in both], [ours[p] for p in both])
    strict_ari = clustering_agreement(
        [polis[p] for p in strict], [ours.get(p, "unplaced") for p in strict]
    )["ari"]
    latest = latest_votes(data["votes"])
    statements = list(result.statement_ids)
    gic_ours = group_informed_consensus(latest, ours, statements)
    gic_polis = group_informed_consensus(latest, polis, statements)
    engine_gic = {c.statement_id: c.score for c in result.opinion.consensus}
    out = {
        "conversation": folder.name,
        "participants": len({v.participant_id for v in data["votes"]}),
        "statements": len(statements),
        "votes": len(latest),
        "polis_placed": len(polis),
        "ours_placed": len(ours),
        "both_placed": len(both),
        "polis_k": len(set(polis.values())),
        "ours_k": result.choice.k,
        "silhouettes": dict(result.choice.silhouettes),
        "ari": agreement["ari"],
        "nmi": agreement["nmi"],
        "ari_strict": strict_ari,
        "consensus": consensus_overlap(gic_ours, gic_polis),
        "engine_formula_gap": max(abs(engine_gic[s] - gic_ours[s]) for s in statements),
        "seconds": seconds,
        "updates": updates,
    }
    exported = {s: v for s, v in data["exported"].items() if s in gic_polis}
    if exported:
        out["exported_formula_gap"] = max(abs(exported[s] - gic_polis[s]) for s in exported)
        out["consensus_vs_export"] = consensus_overlap({s: gic_ours[s] for s in exported}, exported)
    return out


def run(backend=None, one_level: bool = False, replay_hours: float | None = None) -> dict:
    """``backend`` is accepted for the shared command line and ignored (no text here)."""
    options = OpinionOptions(base_clusters=10**9) if one_level else None
    root = shared_data_dir()
    rows = [evaluate(folder, options, replay_hours) for folder in conversations(root)]
    return {
        "conversations": rows,
        "one_level": one_level,
        "replay_hours": replay_hours,
        "target_ari": TARGET_ARI,
    }


def report(out: dict) -> str:
    title = "one-level (every position its own base cluster)" if out["one_level"] else "Polis"
    how = "from scratch on the final votes"
    if out["replay_hours"]:
        how = f"replayed: one update per {out['replay_hours']:g} h of votes"
    lines = [
        f"Opinion groups against Polis's own ({title} clustering, {how}); "
        f"target ARI >= {TARGET_ARI}",
        "conversation | placed P/ours/both | k P/ours | ARI both | ARI strict | NMI | "
        "GIC J@5 | J@10 | rho | s",
    ]
    for r in out["conversations"]:
        c = r["consensus"]
        flag = "" if r["ari"] >= TARGET_ARI else "  (below target)"
        lines.append(
            f"{r['conversation']} | {r['polis_placed']}/{r['ours_placed']}/{r['both_placed']} | "
            f"{r['polis_k']}/{r['ours_k']} | {r['ari']:.3f} | {r['ari_strict']:.3f} | "
            f"{r['nmi']:.3f} | {c['jaccard_top5']:.2f} | {c['jaccard_top10']:.2f} | "
            f"{c['spearman']:.3f} | {r['seconds']:.2f}{flag}"
            + (f"  ({r['updates']} updates)" if r["updates"] else "")
        )
        if "consensus_vs_export" in r:
            e = r["consensus_vs_export"]
            lines.append(
                f"  vs Polis's exported group-informed-consensus: formula gap "
                f"{r['exported_formula_gap']:.2e} (Polis groups); ours J@5 "
                f"{e['jaccard_top5']:.2f}, J@10 {e['jaccard_top10']:.2f}, rho {e['spearman']:.3f}"
            )
    lines.append(
        "Data: Polis (compdemocracy.org/polis), CC BY 4.0, The Computational Democracy Project."
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    """``python -m analysis.evaluate.polis [--replay-hours H] [--one-level] [--json]``."""
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate.polis")
    parser.add_argument(
        "--replay-hours",
        type=float,
        default=None,
        help="replay each conversation with one update per H hours of votes",
    )
    parser.add_argument(
        "--one-level",
        action="store_true",
        help="k-means on participants directly instead of on base clusters",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    out = run(one_level=args.one_level, replay_hours=args.replay_hours)
    print(report(out))
    if args.json:
        print(json.dumps(out, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
