"""MQM-style quality: weighted error penalties per word, mapped to 0–100."""

from __future__ import annotations

from dataclasses import dataclass, field

from mtfix.finding import Finding

DEFAULT_WEIGHTS = {"minor": 1.0, "major": 5.0, "critical": 25.0}  # MQM 2.0


@dataclass(frozen=True)
class Quality:
    words: int
    penalty: float
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def per_1000_words(self) -> float:
        return 1000 * self.penalty / max(1, self.words)

    @property
    def score(self) -> float:
        """100 × (1 − penalty per word), floored at 0: one major error in 500 words costs 1 point."""
        return max(0.0, 100 * (1 - self.penalty / max(1, self.words)))

    def to_dict(self) -> dict:
        return {
            "quality": round(self.score, 1),
            "penalty_per_1000_words": round(self.per_1000_words, 1),
            "weights": {k: (int(v) if float(v).is_integer() else v) for k, v in self.weights.items()},
            "counts": self.counts,
        }


def quality(findings: list[Finding], words: int, weights: dict[str, float] | None = None) -> Quality:
    w = dict(DEFAULT_WEIGHTS if weights is None else weights)
    counts = {k: 0 for k in w}
    for f in findings:
        counts[f.severity.value] += 1
    return Quality(words, sum(w[k] * n for k, n in counts.items()), w, counts)
