"""Tests that the event-pairs benchmark gives the same component figures on every run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.eventpairs import cross_validated

REPO_ROOT = Path(__file__).resolve().parents[1]

# A pair as `benchmarks.eventpairs.evidence` reads it: two reports of one takeover, with names,
# sums and a weekday, so every half of the vector and every conflict test has something to sum.
_EVIDENCE = """
from datetime import UTC, datetime
from summarizer.events.cluster import EventDoc, pair_evidence
when = datetime(2020, 5, 6, 12, 0, tzinfo=UTC)
first = EventDoc(
    0,
    "Verizon 'seals takeover of MCI'",
    "Verizon Communications has agreed to buy MCI for $6.8bn (£3.6bn), beating a rival bid "
    "from Qwest, the New York Times reported on Monday. MCI's board met on Sunday to weigh "
    "the two offers; Verizon's chief executive Ivan Seidenberg declined to comment. The deal "
    "would end the independence of the second largest long-distance carrier in the US.",
    "outlet-0",
    when,
)
second = EventDoc(
    1,
    "MCI shares climb on takeover bid",
    "Shares in MCI rose 4% on Monday after Verizon Communications agreed to buy the company "
    "for $6.8bn, ending weeks of talks. Qwest, whose $6.3bn offer was turned down, said it "
    "was considering its options. Ivan Seidenberg said the deal made Verizon stronger.",
    "outlet-1",
    when,
)
evidence = pair_evidence(first, second)
print(repr(evidence), repr(evidence.score))
"""


def test_pair_evidence_is_the_same_whatever_the_hash_seed() -> None:
    # The component rows (similarity, names half) choose thresholds between pairs' values, so a
    # value moved in its last bits by the order of a sum would move a cross-validated cell.
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _EVIDENCE],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(3)
    }
    assert len(outputs) == 1
    assert "Evidence(" in outputs.pop()


def test_cross_validated_accuracy_does_not_depend_on_earlier_random_draws() -> None:
    import random

    values = [0.12, 0.31, 0.27, 0.55, 0.61, 0.18, 0.49, 0.72, 0.05, 0.38, 0.66, 0.22]
    gold = [False, True, False, True, True, False, True, True, False, False, True, False]
    first = cross_validated(values, gold)
    random.seed(12345)
    random.random()  # the module's shared generator moved: the folds must not follow it
    assert cross_validated(values, gold) == first
    assert 0.0 <= first <= 1.0
