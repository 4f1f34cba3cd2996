#!/usr/bin/env python3
"""Check the hand-written gold files of the article sets before anyone scores against them.

Usage: python eval/articles/check_gold.py [--self-score SCORER] [DIR ...]
       (default: dev and heldout beside this file)

Why: a gold name that does not occur in its text, a relation pointing at a key that does not
exist or a misspelt event type silently lowers every score measured against the file. Each
problem is printed as FILE: message; the exit status is 1 when there is any.
With --self-score, each gold file is also turned into the export a perfect extraction would
give and scored with the team scorer (../shared/score_article.py): anything short of full
marks, or a must_not rule that fires on the gold's own events, means the gold contradicts itself.
"""
import argparse
import datetime
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ENTITY_TYPES = {"person", "organization", "place"}
PREDICATES = {"member_of", "leader_of", "front_of", "wing_of", "ally_of", "designated_by",
              "located_in", "alias_of", "family"}
ROLES = {"leader", "commander", "spokesman", "chief", "official", "financier", "member", "founder"}
CERTAINTIES = {"asserted", "hedged", "reported", "denied"}
MODALITIES = {"planned"}
# The sample gold also uses the synonyms honor, forum and convention; they stay accepted.
EVENT_TYPES = {"meeting", "visit", "travel", "speech", "press_conference", "rally", "gathering",
               "conference", "award", "attack", "arrest", "trial", "designation", "statement",
               "funding", "training", "recruitment", "killing", "honor", "forum", "convention"}
TOP_KEYS = {"document", "published", "note", "entities", "geo", "relations", "events"}
OPTIONAL_TOP_KEYS = {"must_not"}
EVENT_KEYS = {"key", "types", "participants", "place", "time"}
OPTIONAL_EVENT_KEYS = {"place_ok", "remote", "optional", "certainty", "modality"}
TIME_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PRONOUNS = {"he", "she", "they", "it", "his", "her", "him", "their", "them", "its"}
WORDS = (250, 500)


def check_file(gold_path: Path) -> list[str]:
    """Return the problems of one gold file (an empty list when it is sound)."""
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        return [f"does not parse: {err}"]
    problems = []
    keys = set(gold)
    if not TOP_KEYS <= keys or keys - TOP_KEYS - OPTIONAL_TOP_KEYS:
        problems.append(f"top-level keys {sorted(keys)}; want {sorted(TOP_KEYS)} (+ must_not)")
    text_path = gold_path.with_name(gold.get("document", ""))
    if gold.get("document") != gold_path.name.replace(".gold.json", ".txt") or not text_path.is_file():
        return problems + [f"document {gold.get('document')!r} is not the .txt beside the gold file"]
    text = text_path.read_text(encoding="utf-8")
    words = len(text.split())
    if not WORDS[0] <= words <= WORDS[1]:
        problems.append(f"{words} words, outside {WORDS}")
    try:
        published = datetime.date.fromisoformat(gold.get("published", ""))
    except ValueError:
        return problems + [f"published {gold.get('published')!r} is not YYYY-MM-DD"]

    entities, owner_of_name = {}, {}
    for ent in gold.get("entities", []):
        key = ent.get("key")
        if set(ent) != {"key", "type", "names"}:
            problems.append(f"entity {key}: keys {sorted(ent)}")
        if key in entities:
            problems.append(f"entity {key}: duplicate key")
        entities[key] = ent.get("type")
        if ent.get("type") not in ENTITY_TYPES:
            problems.append(f"entity {key}: type {ent.get('type')!r}")
        if not ent.get("names"):
            problems.append(f"entity {key}: no names")
        for name in ent.get("names", []):
            if not re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                problems.append(f"entity {key}: name {name!r} does not occur in the text as whole words")
            # folded as the scorer folds names: accents dropped, so Hùng and Hương stay apart
            ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            folded = re.sub(r"[^a-z0-9]+", " ", ascii_name.lower()).strip()
            if folded in PRONOUNS:
                problems.append(f"entity {key}: pronoun {name!r} listed as a name")
            # the scorer matches names within one type, so a person may share a name with a place
            owner = owner_of_name.setdefault((ent.get("type"), folded), key)
            if owner != key:
                problems.append(f"entity {key}: name {name!r} also belongs to {owner}")

    for key, point in gold.get("geo", {}).items():
        if entities.get(key) != "place":
            problems.append(f"geo {key}: not a place entity")
        if not (isinstance(point, list) and len(point) == 2
                and -90 <= point[0] <= 90 and -180 <= point[1] <= 180):
            problems.append(f"geo {key}: {point!r} is not [lat, lon]")

    for rel in gold.get("relations", []):
        label = f"relation {rel.get('subject')} {rel.get('predicate')} {rel.get('object')}"
        if not {"subject", "predicate", "object", "certainty"} <= set(rel) \
                or set(rel) - {"subject", "predicate", "object", "certainty", "role"}:
            problems.append(f"{label}: keys {sorted(rel)}")
        for end in ("subject", "object"):
            if rel.get(end) not in entities:
                problems.append(f"{label}: unknown {end}")
        if rel.get("predicate") not in PREDICATES:
            problems.append(f"{label}: unknown predicate")
        if rel.get("certainty") not in CERTAINTIES:
            problems.append(f"{label}: certainty {rel.get('certainty')!r}")
        if "role" in rel and (rel["predicate"] != "member_of" or rel["role"] not in ROLES):
            problems.append(f"{label}: role {rel['role']!r}")
        ends = {entities.get(rel.get("subject")), entities.get(rel.get("object"))}
        if rel.get("predicate") == "located_in" and ends != {"place"}:
            problems.append(f"{label}: located_in joins two places")

    # the scorer divides by the number of gold relations and events
    if not gold.get("relations") or not gold.get("events"):
        problems.append("needs at least one relation and one event")

    event_keys = set()
    for ev in gold.get("events", []):
        key = ev.get("key")
        if key in event_keys:
            problems.append(f"event {key}: duplicate key")
        event_keys.add(key)
        if not EVENT_KEYS <= set(ev) or set(ev) - EVENT_KEYS - OPTIONAL_EVENT_KEYS:
            problems.append(f"event {key}: keys {sorted(ev)}")
        if not ev.get("types") or set(ev.get("types", [])) - EVENT_TYPES:
            problems.append(f"event {key}: types {ev.get('types')}")
        for part in ev.get("participants", []) + ev.get("remote", []):
            if part not in entities:
                problems.append(f"event {key}: unknown participant {part}")
        for place in [ev.get("place")] + ev.get("place_ok", []):
            if place is not None and entities.get(place) != "place":
                problems.append(f"event {key}: place {place} is not a place entity")
        if "place_ok" in ev and ev.get("place") not in ev["place_ok"]:
            problems.append(f"event {key}: place_ok leaves out the place itself")
        if ev.get("certainty", "asserted") not in CERTAINTIES:
            problems.append(f"event {key}: certainty {ev.get('certainty')!r}")
        if ev.get("modality", "planned") not in MODALITIES:
            problems.append(f"event {key}: modality {ev.get('modality')!r}")
        time = ev.get("time")
        if time is not None:
            if not TIME_VALUE.match(time):
                problems.append(f"event {key}: time {time!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
            elif (time > published.isoformat()[:len(time)]) != (ev.get("modality") == "planned"):
                problems.append(f"event {key}: time {time} after publication only if planned")

    for rule in gold.get("must_not", []):
        if set(rule) - {"types", "participants", "why", "unless_certainty", "unless_modality"} \
                or not rule.get("why") or not rule.get("types"):
            problems.append(f"must_not {rule}: needs types, participants, why (+ unless_*)")
        if set(rule.get("types", [])) - EVENT_TYPES:
            problems.append(f"must_not {rule.get('why')}: types {rule.get('types')}")
        for part in rule.get("participants", []):
            if part not in entities:
                problems.append(f"must_not {rule.get('why')}: unknown participant {part}")
        if set(rule.get("unless_certainty", [])) - CERTAINTIES \
                or set(rule.get("unless_modality", [])) - MODALITIES:
            problems.append(f"must_not {rule.get('why')}: unknown unless_* value")
    return problems


def perfect_export(gold: dict) -> dict:
    """The export a flawless extraction of the article would produce, in the scorer's shape."""
    geo = gold.get("geo", {})
    entities = [{"id": e["key"], "name": e["names"][0], "aliases": e["names"], "type": e["type"],
                 "mentions": [], **({"geo": {"lat": geo[e["key"]][0], "lon": geo[e["key"]][1]}}
                                    if e["key"] in geo else {})}
                for e in gold["entities"]]
    relations = [{"subject": r["subject"], "object": r["object"], "type": r["predicate"],
                  "certainty": r["certainty"]} for r in gold["relations"]]
    events = [{"type": ev["types"][0], "place": ev["place"], "time": {"value": ev["time"]},
               "certainty": ev.get("certainty", "asserted"), "modality": ev.get("modality", "actual"),
               "participants": [{"entity": p} for p in ev["participants"]]
               + [{"entity": r, "remote": True} for r in ev.get("remote", [])]}
              for ev in gold["events"]]
    return {"entities": entities, "relations": relations, "events": events}


def self_score(gold_path: Path, scorer: Path) -> list[str]:
    """Score the perfect export with the team scorer; return its summary if it is not perfect."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        json.dump(perfect_export(gold), out)
    run = subprocess.run([sys.executable, str(scorer), str(gold_path),
                          str(gold_path.with_name(gold["document"])), "--json", out.name,
                          "--min-entity-f", "1", "--min-relation-r", "1", "--min-event-r", "1",
                          "--min-time-acc", "1", "--max-split", "0", "--max-violations", "0",
                          "--geo-km", "1"], capture_output=True, text=True)
    Path(out.name).unlink()
    summary = (run.stdout.strip().splitlines() or [run.stderr.strip()])[-1]
    return [] if run.returncode == 0 else [f"self-score: {summary}"]


def describe(gold_path: Path) -> str:
    """Words of the text and sizes of the gold, for the report line; '?' where unreadable."""
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        words = len(gold_path.with_name(gold["document"]).read_text(encoding="utf-8").split())
    except (json.JSONDecodeError, KeyError, OSError):
        return "?"
    sizes = ", ".join(f"{len(gold.get(part, []))} {part}"
                      for part in ("entities", "relations", "events", "must_not"))
    return f"{words} words, {sizes}"


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=[here / "dev", here / "heldout"])
    parser.add_argument("--self-score", type=Path, metavar="SCORER",
                        help="also score each gold's perfect export with this scorer")
    args = parser.parse_args(argv)
    failed_total = 0
    for directory in args.dirs:
        golds = sorted(directory.glob("*.gold.json"))
        documents = {g.name[:-len(".gold.json")] for g in golds}
        orphans = sorted({p.stem for p in directory.glob("*.txt")} - documents)
        for orphan in orphans:
            print(f"{directory.name}/{orphan}.txt: no gold file")
        failed = len(orphans)
        for gold_path in golds:
            problems = check_file(gold_path)
            if args.self_score and not problems:
                problems = self_score(gold_path, args.self_score)
            status = f"{len(problems)} problem(s)" if problems else "ok"
            print(f"{directory.name}/{gold_path.name}: {describe(gold_path)}: {status}")
            for problem in problems:
                print(f"  - {problem}")
            failed += bool(problems)
        print(f"{directory.name}: {len(golds)} gold files, {failed} with problems")
        failed_total += failed
    return 1 if failed_total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
