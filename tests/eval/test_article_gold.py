"""The hand-written article sets stay sound: every gold file passes eval/articles/check_gold.py."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHECKER = REPO / "eval" / "articles" / "check_gold.py"
# ../shared beside the main checkout, or two levels up from a worktree under wt/
SCORER = next((base / "shared" / "score_article.py" for base in (REPO.parent, REPO.parents[1])
               if (base / "shared" / "score_article.py").is_file()), REPO.parent / "shared" / "score_article.py")


def run_checker(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECKER), *args], capture_output=True, text=True)


def test_every_article_set_passes_the_checker():
    run = run_checker()
    assert run.returncode == 0, run.stdout
    sizes = dict(re.findall(r"^(dev|heldout): (\d+) gold files, 0 with problems$", run.stdout, re.MULTILINE))
    # issue 8 asks for at least 16 development articles and a smaller set kept aside; issue 9 a second one
    assert int(sizes["dev"]) >= 16 and int(sizes["heldout"]) >= 6


@pytest.mark.skipif(not SCORER.is_file(), reason="the team scorer lives outside the repository")
def test_a_perfect_extraction_of_each_gold_scores_full_marks():
    run = run_checker("--self-score", str(SCORER))
    assert run.returncode == 0, run.stdout


def test_a_name_missing_from_the_text_and_an_unknown_key_are_reported(tmp_path):
    for part in ("balkan.txt", "balkan.gold.json"):
        shutil.copy(REPO / "eval" / "articles" / "dev" / part, tmp_path / part)
    gold = json.loads((tmp_path / "balkan.gold.json").read_text(encoding="utf-8"))
    gold["entities"][0]["names"].append("Hadzi")
    gold["relations"][0]["object"] = "nosuch"
    (tmp_path / "balkan.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    run = run_checker(str(tmp_path))
    assert run.returncode == 1
    assert "name 'Hadzi' does not occur in the text" in run.stdout
    assert "unknown object" in run.stdout
