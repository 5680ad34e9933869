"""The ``mtfix/1`` JSON document (docs/json.md; ../shared/design/EVALUATION.md)."""

from __future__ import annotations

import json

SCHEMA = "mtfix/1"


def render(reports) -> str:
    return json.dumps(
        {
            "schema": SCHEMA,
            "files": [
                {
                    "path": r.path,
                    "words": r.words,
                    "score": r.score_dict(),
                    "findings": [f.to_dict() for f in r.findings],
                    **({"min_score": {"required": r.min_score, "passed": not r.below_min_score}}
                       if r.min_score is not None else {}),
                    **({"alignment": r.extra["alignment"]} if "alignment" in r.extra else {}),
                }
                for r in reports
            ],
        },
        ensure_ascii=False,
        indent=2,
    )
