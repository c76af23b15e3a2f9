import random

from analysis.engine.opinions import Vote


def camp_votes(*, participants=240, statements=30, camps=3, per_person=15, seed=0):
    """Votes from ``camps`` opinion camps: each camp agrees with its own third of the
    statements and disagrees with the rest, 85% of the time; the last statement everyone
    likes. Votes carry increasing timestamps in a shuffled order of arrival."""
    rng = random.Random(seed)
    ids = [f"s{j}" for j in range(statements)]
    votes = []
    for i in range(participants):
        camp = i % camps
        for sid in rng.sample(ids, per_person):
            j = int(sid[1:])
            leaning = 1 if j == statements - 1 or j % camps == camp else -1
            roll = rng.random()
            value = leaning if roll < 0.85 else (0 if roll < 0.93 else -leaning)
            votes.append((rng.random(), f"p{i}", sid, value))
    votes.sort()
    return [Vote(pid, sid, value, timestamp=t) for t, pid, sid, value in votes]
