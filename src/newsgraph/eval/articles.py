"""Score whole-article extraction against hand-written gold files.

A gold file `NAME.gold.json` sits beside `NAME.txt` and lists what a careful reader takes
from the article (the shape of the team's sample gold): `entities` (key, type, every name the
text uses), `relations` (subject and object keys, predicate, certainty), `events` (types that
count, participant keys, place key or null, time value or null, optionally `place_ok`,
`remote` and `optional`) and `must_not` rules (facts the text denies or only plans, which must
not come out as having happened).

Predicted facts come as a `newsgraph/1` export. The scoring:
- a predicted entity *covers* a gold entity when one of its names (name, aliases, mention
  texts, folded) is one of the gold names and the types agree; the same name with another type
  is a *wrong type*. A gold entity covered by no prediction is missed, by more than one is
  split. Predictions of person/organization/place covering nothing are spurious (pronoun-only
  entities aside). Entity R = covered / gold, P = predictions covering something / predictions;
- a gold relation is found when a relation with a compatible type (`RELATION_FAMILIES`)
  links entities covering its subject and object, with a compatible certainty (asserted and
  reported both state a fact; hedged and denied must say so);
- a gold event is found when an event of one of its types has every gold participant among
  its participants and a compatible place; its time is right when a found event carries the
  gold time value. Event P = predicted events that match some gold event / predicted events;
- a violation is a predicted event of a `must_not` rule's types with its participants whose
  certainty or modality is not one the rule allows;
- a gold place with coordinates (`geo`) is geocoded *correctly* when an entity covering it has
  a point within GEO_KM of them (the team scorer's `--geo-km 25`), *wrongly* when the entities
  covering it have points and none is that close, and missed otherwise (no entity, or no
  point). Geo precision = correct / (correct + wrong).
Counts are summed over articles before dividing (micro average).
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.eval.spans import f1, ratio
from newsgraph.model import fold
from newsgraph.text import parse_day

SCORED_ENTITY_TYPES = ("person", "organization", "place")
PRONOUNS = frozenset({"he", "she", "they", "it", "his", "her", "him", "their", "its", "them", "hers"})
# A gold predicate is found by any of these predicted relation types.
RELATION_FAMILIES = {
    "member_of": {"member_of", "leader_of", "commander_of", "head_of", "spokesperson_of", "affiliated_with"},
    "front_of": {"front_of", "wing_of", "part_of", "affiliated_with", "political_front_of"},
}
# A gold certainty is met by any of these predicted certainties.
CERTAINTY_FAMILIES = {"asserted": {"asserted", "reported"}, "reported": {"asserted", "reported"}}

Extractor = Callable[[str, date | None], dict]
# How close a predicted point must be to the gold one: the acceptance bar of issue 10.
GEO_KM = 25.0
EARTH_RADIUS_KM = 6371.0


def name_key(name: str) -> str:
    """Folded name without a leading article: "The Vanguard" and "Vanguard" are one name."""
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


def _type_family(type_: str | None) -> str:
    return (type_ or "").lower()[:3]


@dataclass
class ArticleScore:
    """The counts of one article (or of many, added up) and the findings behind them."""

    name: str = ""
    entities_gold: int = 0
    entities_covered: int = 0
    entities_predicted: int = 0
    entities_correct: int = 0  # predictions that cover some gold entity
    splits: int = 0
    wrong_types: int = 0
    relations_gold: int = 0
    relations_found: int = 0
    relations_predicted: int = 0
    relations_correct: int = 0
    events_gold: int = 0
    events_found: int = 0
    events_predicted: int = 0
    events_correct: int = 0
    times_right: int = 0
    violations: int = 0
    geo_gold: int = 0
    geo_correct: int = 0
    geo_wrong: int = 0
    errors: list[str] = field(default_factory=list)

    def __add__(self, other: ArticleScore) -> ArticleScore:
        summed = {k: getattr(self, k) + getattr(other, k) for k in asdict(self) if k not in ("name", "errors")}
        return ArticleScore(name="overall", errors=self.errors + other.errors, **summed)

    def figures(self) -> dict[str, float | int]:
        er, ep = ratio(self.entities_covered, self.entities_gold), ratio(self.entities_correct,
                                                                          self.entities_predicted)
        rr, rp = ratio(self.relations_found, self.relations_gold), ratio(self.relations_correct,
                                                                          self.relations_predicted)
        vr, vp = ratio(self.events_found, self.events_gold), ratio(self.events_correct, self.events_predicted)
        return {
            "entity_recall": er, "entity_precision": ep, "entity_f1": f1(er, ep),
            "splits": self.splits, "wrong_types": self.wrong_types,
            "relation_recall": rr, "relation_precision": rp,
            "event_recall": vr, "event_precision": vp,
            "time_accuracy": ratio(self.times_right, self.events_found),
            "violations": self.violations,
            "geo_gold": self.geo_gold, "geo_correct": self.geo_correct, "geo_wrong": self.geo_wrong,
            "geo_recall": ratio(self.geo_correct, self.geo_gold),
            "geo_precision": ratio(self.geo_correct, self.geo_correct + self.geo_wrong),
        }


class _Matcher:
    """Which predicted entities stand for which gold entity, by shared names and type."""

    def __init__(self, gold: dict, export: dict):
        self.entities = [e for e in export.get("entities", [])]
        self.names = {e["id"]: self._names(e) for e in self.entities}
        self.covers: dict[str, set[str]] = {}
        self.wrong_type: dict[str, list[str]] = {}
        for ge in gold.get("entities", []):
            keys = {name_key(n) for n in ge["names"]}
            same_name = [e for e in self.entities if self.names[e["id"]] & keys]
            family = _type_family(ge["type"])
            self.covers[ge["key"]] = {e["id"] for e in same_name if _type_family(e.get("type")) == family}
            self.wrong_type[ge["key"]] = [f'{e.get("name")} ({e.get("type")})' for e in same_name
                                          if _type_family(e.get("type")) != family]

    @staticmethod
    def _names(entity: dict) -> set[str]:
        names = {entity.get("name", ""), *entity.get("aliases", [])}
        names |= {m.get("text", "") for m in entity.get("mentions", [])}
        return {k for k in map(name_key, names) if k}

    def is_(self, gold_key: str | None, entity_id: str | None) -> bool:
        return gold_key is not None and entity_id in self.covers.get(gold_key, ())


def score_article(gold: dict, export: dict, name: str = "") -> ArticleScore:
    """Score one article's `newsgraph/1` export against its gold facts."""
    score = ArticleScore(name=name)
    match = _Matcher(gold, export)
    _score_entities(gold, match, score)
    _score_relations(gold, export, match, score)
    _score_events(gold, export, match, score)
    _score_violations(gold, export, match, score)
    _score_geo(gold, match, score)
    return score


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _score_geo(gold: dict, match: _Matcher, score: ArticleScore) -> None:
    by_id = {e["id"]: e for e in match.entities}
    for key, (lat, lon) in gold.get("geo", {}).items():
        score.geo_gold += 1
        points = [g for i in match.covers.get(key, ()) if (g := by_id[i].get("geo")) and g.get("lat") is not None]
        nearest = min((distance_km(lat, lon, g["lat"], g["lon"]) for g in points), default=None)
        if nearest is None:
            score.errors.append(f"place without a point: {key}")
        elif nearest <= GEO_KM:
            score.geo_correct += 1
        else:
            score.geo_wrong += 1
            score.errors.append(f"place too far: {key} at {nearest:.0f} km")


def _score_entities(gold: dict, match: _Matcher, score: ArticleScore) -> None:
    score.entities_gold = len(gold.get("entities", []))
    for ge in gold.get("entities", []):
        hits = match.covers[ge["key"]]
        score.wrong_types += len(match.wrong_type[ge["key"]])
        for wrong in match.wrong_type[ge["key"]]:
            score.errors.append(f"wrong type: {ge['key']} ({ge['type']}) predicted as {wrong}")
        if not hits:
            score.errors.append(f"missed entity: {ge['key']} ({ge['type']}: {', '.join(ge['names'])})")
        elif len(hits) > 1:
            score.splits += 1
            score.errors.append(f"split entity: {ge['key']} in {len(hits)} entities")
        score.entities_covered += bool(hits)
    covered = set().union(*match.covers.values()) if match.covers else set()
    for e in match.entities:
        if _type_family(e.get("type")) not in {t[:3] for t in SCORED_ENTITY_TYPES}:
            continue
        if not match.names[e["id"]] - PRONOUNS:
            continue
        score.entities_predicted += 1
        if e["id"] in covered:
            score.entities_correct += 1
        else:
            score.errors.append(f"spurious entity: {e.get('name')} ({e.get('type')})")


def _relation_matches(gold_relation: dict, relation: dict, match: _Matcher) -> bool:
    types = RELATION_FAMILIES.get(gold_relation["predicate"], {gold_relation["predicate"]})
    certainties = CERTAINTY_FAMILIES.get(gold_relation["certainty"], {gold_relation["certainty"]})
    return (relation.get("type") in types
            and match.is_(gold_relation["subject"], relation.get("subject"))
            and match.is_(gold_relation["object"], relation.get("object"))
            and relation.get("certainty", "asserted") in certainties)


def _score_relations(gold: dict, export: dict, match: _Matcher, score: ArticleScore) -> None:
    gold_relations = gold.get("relations", [])
    predicted = export.get("relations", [])
    score.relations_gold = len(gold_relations)
    score.relations_predicted = len(predicted)
    for gr in gold_relations:
        if any(_relation_matches(gr, r, match) for r in predicted):
            score.relations_found += 1
        else:
            score.errors.append(f"missed relation: {gr['subject']} {gr['predicate']} {gr['object']} "
                                f"({gr['certainty']})")
    for r in predicted:
        if any(_relation_matches(gr, r, match) for gr in gold_relations):
            score.relations_correct += 1
        else:
            score.errors.append(f"spurious relation: {r.get('type')} ({r.get('certainty')}): "
                                f"{_evidence_text(r)}")


def _event_matches(gold_event: dict, event: dict, match: _Matcher) -> bool:
    if event.get("type") not in gold_event["types"]:
        return False
    participants = [p.get("entity") for p in event.get("participants", [])]
    if not all(any(match.is_(gp, x) for x in participants) for gp in gold_event["participants"]):
        return False
    places = gold_event.get("place_ok") or [gold_event.get("place")]
    return any((g is None and not event.get("place")) or match.is_(g, event.get("place")) for g in places)


def _score_events(gold: dict, export: dict, match: _Matcher, score: ArticleScore) -> None:
    predicted = export.get("events", [])
    score.events_predicted = len(predicted)
    for ge in gold.get("events", []):
        found = [v for v in predicted if _event_matches(ge, v, match)]
        if ge.get("optional") and not found:
            continue
        score.events_gold += 1
        if not found:
            score.errors.append(f"missed event: {ge['key']} ({'/'.join(ge['types'])})")
            continue
        score.events_found += 1
        values = [(v.get("time") or {}).get("value") for v in found]
        if ge.get("time") in values:
            score.times_right += 1
        else:
            score.errors.append(f"wrong time: {ge['key']} wants {ge.get('time')}, got {values}")
        for remote_key in ge.get("remote", []):
            if not any(p.get("remote") and match.is_(remote_key, p.get("entity"))
                       for v in found for p in v.get("participants", [])):
                score.errors.append(f"not marked remote: {remote_key} in {ge['key']}")
    for v in predicted:
        if any(_event_matches(ge, v, match) for ge in gold.get("events", [])):
            score.events_correct += 1
        else:
            score.errors.append(f"spurious event: {v.get('type')}: {_evidence_text(v)}")


def _score_violations(gold: dict, export: dict, match: _Matcher, score: ArticleScore) -> None:
    for rule in gold.get("must_not", []):
        for v in export.get("events", []):
            participants = [p.get("entity") for p in v.get("participants", [])]
            if v.get("type") not in rule["types"]:
                continue
            if not all(any(match.is_(gp, x) for x in participants) for gp in rule["participants"]):
                continue
            if v.get("certainty") in rule.get("unless_certainty", ()):
                continue
            if v.get("modality") in rule.get("unless_modality", ()):
                continue
            score.violations += 1
            score.errors.append(f"violation: {rule.get('why', rule['types'])}")
            break


def _evidence_text(fact: dict) -> str:
    evidence = fact.get("evidence") or [{}]
    return (evidence[0].get("sentence") or "").strip()[:160]


@dataclass
class GoldArticle:
    name: str
    text_path: Path
    gold: dict

    @property
    def published(self) -> date | None:
        value = self.gold.get("published")
        return parse_day(value) if value else None


def gold_articles(paths: Iterable[Path]) -> Iterator[GoldArticle]:
    """Every `NAME.txt` with a `NAME.gold.json` beside it, under the given files or folders."""
    for path in paths:
        golds = sorted(path.rglob("*.gold.json")) if path.is_dir() else [path]
        for gold_path in golds:
            name = gold_path.name.removesuffix(".gold.json")
            text_path = gold_path.with_name(name + ".txt")
            if not text_path.exists():
                raise InputError("gold file without its article text " + text_path.name, source=str(gold_path))
            try:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                raise InputError(f"unreadable gold file: {error}", source=str(gold_path)) from error
            yield GoldArticle(name=name, text_path=text_path, gold=gold)


@dataclass(frozen=True)
class Finding:
    """One thing an article's extraction got wrong: "missed entity: …", "wrong time: …"."""

    article: str
    text: str

    @property
    def kind(self) -> str:
        return self.text.split(":", 1)[0]

    def describe(self) -> str:
        return f"{self.article}: {self.text}"


@dataclass
class ArticlesReport:
    articles: list[ArticleScore]

    @property
    def errors(self) -> list[Finding]:
        return [Finding(a.name, text) for a in self.articles for text in a.errors]

    def error_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.errors:
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
        return dict(sorted(counts.items()))

    @property
    def overall(self) -> ArticleScore:
        total = ArticleScore(name="overall")
        for article in self.articles:
            total = total + article
        return total

    def to_dict(self) -> dict:
        return {
            "overall": self.overall.figures(),
            "articles": {a.name: a.figures() for a in self.articles},
            "errors": {a.name: a.errors for a in self.articles},
        }

    def format_table(self) -> str:
        header = (f"{'article':<28} {'ent R':>6} {'ent P':>6} {'ent F':>6} {'split':>5} {'wtype':>5} "
                  f"{'rel R':>6} {'rel P':>6} {'ev R':>6} {'ev P':>6} {'time':>6} {'viol':>4} {'geo':>7} {'gwrong':>6}")
        lines = [header, "-" * len(header)]
        for score in [*self.articles, self.overall]:
            f = score.figures()
            lines.append(
                f"{score.name[:28]:<28} {f['entity_recall']:6.2f} {f['entity_precision']:6.2f} "
                f"{f['entity_f1']:6.2f} {f['splits']:5d} {f['wrong_types']:5d} {f['relation_recall']:6.2f} "
                f"{f['relation_precision']:6.2f} {f['event_recall']:6.2f} {f['event_precision']:6.2f} "
                f"{f['time_accuracy']:6.2f} {f['violations']:4d} "
                f"{str(f['geo_correct']) + '/' + str(f['geo_gold']):>7} {f['geo_wrong']:6d}")
        return "\n".join(lines)


def pipeline_extractor(pipeline) -> Extractor:
    """An extractor running `pipeline` (a `newsgraph.pipeline.Pipeline`) on one text."""
    from newsgraph.export.json import analyses_export
    from newsgraph.model import Document

    def extract(text: str, published: date | None) -> dict:
        return analyses_export([pipeline.analyze(Document(text=text, published=published))])

    return extract


def evaluate_articles(paths: Iterable[Path], extractor: Extractor,
                      progress: Callable[[int], object] | None = None) -> ArticlesReport:
    """Run `extractor(text, published)` on every gold article and score its export."""
    scores = []
    for article in gold_articles(paths):
        text = article.text_path.read_text(encoding="utf-8")
        export = extractor(text, article.published)
        scores.append(score_article(article.gold, export, name=article.name))
        if progress:
            progress(1)
    return ArticlesReport(scores)
