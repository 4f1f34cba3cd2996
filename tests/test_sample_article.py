"""The team's sample article, scored by the team's own scorer (reads ../shared; skips without it)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "score_article.py"
EXAMPLES = SHARED / "examples"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/score_article.py is not beside the checkout")
def test_sample_article_meets_the_floors():
    bin_dir = str(Path(sys.executable).parent)
    p = subprocess.run(
        [sys.executable, str(SCORER), str(EXAMPLES / "sample_article.gold.json"),
         str(EXAMPLES / "sample_article.txt"), "--min-entity-f", "0.9", "--max-split", "0",
         "--min-relation-r", "0.8", "--min-event-r", "0.8", "--min-time-acc", "0.9", "--max-violations", "0"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")},
    )
    assert p.returncode == 0, p.stdout + p.stderr
    assert "bad mention offsets: 0" in p.stdout
