"""Benchmark of opinion groups: ``compute_opinions`` on 10,000 participants x 300 statements,
then ``update_opinions`` with 1% more votes.

Synthetic and seeded: four opinion camps, each agreeing with its own share of statements;
every participant votes on 10-30 statements (uniform), agree/disagree/pass with camp-dependent
odds, and carries one of the nine languages and one of four channels. Each run is its own
subprocess, so peak memory (ru_maxrss) covers building the votes and the computation and
nothing else. Targets: <= 10 s and <= 500 MB.

    .venv/bin/python bench/opinions.py [--participants 10000 --statements 300]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LANGUAGES = ["en", "ko", "es", "zh-hans", "vi", "so", "tl", "am", "ru"]
CHANNELS = ["web", "phone", "paper", "meeting"]


def build(participants: int, statements: int, seed: int = 0):
    from analysis.engine.opinions import ParticipantAttributes, Vote

    rng = random.Random(seed)
    leaning = [[rng.choice((1, 1, -1)) for _ in range(statements)] for _ in range(4)]
    ids = [f"s{j}" for j in range(statements)]
    votes, attrs = [], []
    clock = 0.0
    for i in range(participants):
        camp = rng.randrange(4)
        pid = f"p{i}"
        for j in rng.sample(range(statements), rng.randint(10, 30)):
            roll = rng.random()
            value = leaning[camp][j] if roll < 0.7 else (0 if roll < 0.85 else -leaning[camp][j])
            clock += rng.random()
            votes.append(Vote(pid, ids[j], value, timestamp=clock))
        attrs.append(
            ParticipantAttributes(pid, language=rng.choice(LANGUAGES), channel=rng.choice(CHANNELS))
        )
    rng.shuffle(votes)
    return votes, attrs


def child(participants: int, statements: int) -> dict:
    from analysis.engine.opinions import compute_opinions, update_opinions

    votes, attrs = build(participants, statements)
    cut = len(votes) - len(votes) // 100
    votes.sort(key=lambda v: v.timestamp)
    wall, cpu = time.perf_counter(), time.process_time()
    result = compute_opinions(votes[:cut], attributes=attrs)
    compute = (time.perf_counter() - wall, time.process_time() - cpu)
    wall, cpu = time.perf_counter(), time.process_time()
    updated = update_opinions(result, votes[cut:])
    update = (time.perf_counter() - wall, time.process_time() - cpu)
    return {
        "participants": participants,
        "statements": statements,
        "votes": result.n_votes,
        "update_votes": len(votes) - cut,
        "placed": updated.n_placed,
        "groups": [g.size for g in updated.groups],
        "k_rule": updated.choice.rule,
        "common_ground_by_language": len(updated.attributes["language"].common_ground),
        "compute_wall_s": round(compute[0], 2),
        "compute_cpu_s": round(compute[1], 2),
        "update_wall_s": round(update[0], 2),
        "update_cpu_s": round(update[1], 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--statements", type=int, default=300)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.participants, args.statements)))
        return
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            "--participants",
            str(args.participants),
            "--statements",
            str(args.statements),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["load_average_1m"] = round(os.getloadavg()[0], 2)
    figures["cpus"] = os.cpu_count()
    figures["targets"] = {"compute_wall_s": 10, "peak_rss_mb": 500}
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
