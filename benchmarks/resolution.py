"""Time and memory of cross-document resolution on 100,000 synthetic entity records (issue #10:
minutes on one core, well under 2 GB).

    python benchmarks/resolution.py [--records 100000] [--seed 7] [--screen 1000]

Actors are made up from given names of several traditions (Arabic, Somali, Urdu and Pashto,
Persian, Russian, Hausa, Spanish, Chinese and Korean) and surnames built from syllables in the
shape of each tradition (al-..., ...zai, ...ov), each written as a few records with the
variants news spelling produces (vowels, doubled letters, joined or hyphenated particles, a
title, a dropped middle name, family name first), and organisations named after a made-up
place, with their acronyms. The resolver's stages (`NameResolver.clusters` is exactly
`connect(records, scored_pairs(...))` over the blocking) run over all records on one core; the
benchmark prints the time of each, the candidate pairs, the largest block, the peak resident
memory, and pairwise precision and recall against the actors the records were made from.
With `--screen N`, it also screens N of the records against all of them read as a watchlist
(`newsgraph screen`'s matcher: the list blocked once, each entity probing it).
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from itertools import combinations

from newsgraph.model import Entity
from newsgraph.resolve.name_resolver import block_entities, connect, scored_pairs
from newsgraph.resolve.names import thresholds
from newsgraph.resolve.screening import Subject, match_names
from newsgraph.resolve.watchlist import ListedEntity

TRADITIONS = {
    "arabic": (["Ahmed", "Khalid", "Salem", "Yusuf", "Hassan", "Omar", "Saeed", "Nabil", "Tariq", "Jamal", "Karim",
                "Faisal", "Mahmoud", "Walid", "Samir", "Rashid", "Hamza", "Bilal", "Ziyad", "Munir"],
               ["al-Amiri", "al-Harthi", "al-Tamimi", "al-Masri", "al-Kaabi", "al-Saadi", "al-Khatib", "Haddad",
                "al-Shami", "al-Zubaidi", "al-Najjar", "al-Qahtani", "al-Dosari", "al-Otaibi", "Mansour"]),
    "somali": (["Abdirahman", "Mahad", "Faduma", "Cali", "Xasan", "Maxamed", "Ayaan", "Hodan", "Warsame",
                "Abdullahi", "Ismaciil", "Sahra", "Guuleed", "Deeqa", "Nuur"],
               ["Gurey", "Warsame", "Abtidoon", "Farah", "Jama", "Hirsi", "Samatar", "Dualeh", "Egal", "Yusuf",
                "Shire", "Omar", "Aden", "Elmi"]),
    "urdu": (["Fazl-ur-Rehman", "Ehsan-ul-Haq", "Ikram-ud-Din", "Naeem", "Imran", "Tariq", "Zaheer", "Naji",
              "Ghulam Sarwar", "Ata-ur-Rehman", "Shahid", "Asif", "Junaid", "Bilal", "Kamran"],
             ["Khattak", "Baloch", "Shah", "Qureshi", "Afridi", "Siddiqui", "Memon", "Bhatti", "Awan", "Niazi",
              "Yousafzai", "Durrani", "Qasmi", "Rahimzai", "Chaudhry"]),
    "persian": (["Hossein", "Mohammad-Reza", "Ali-Akbar", "Mehdi", "Reza", "Farhad", "Dariush", "Kourosh",
                 "Parviz", "Saeed", "Hamid", "Majid"],
                ["Karimi-Nejad", "Tavakoli", "Nouri", "Rahimi", "Hosseini", "Moradi", "Jafari", "Ahmadi",
                 "Rezaei", "Sadeghi", "Ghorbani", "Kazemi"]),
    "russian": (["Dmitriy", "Yuriy", "Aleksandr", "Sergei", "Ruslan", "Andrei", "Nikolai", "Mikhail", "Oleg",
                 "Pavel", "Viktor", "Igor"],
                ["Sokolovskiy", "Zolotaryov", "Gorelik", "Vasilyev", "Gerikhanov", "Kuznetsov", "Popov",
                 "Lebedev", "Morozov", "Volkov", "Fedorov", "Orlov"]),
    "hausa": (["Abubakar", "Aisha", "Musa", "Ibrahim", "Danladi", "Hauwa", "Usman", "Zainab", "Garba", "Sani"],
              ["Bello", "Musa", "Danjuma", "Yakubu", "Abdullahi", "Lawal", "Shehu", "Garba", "Aliyu", "Bala"]),
    "spanish": (["José Luis", "Joaquín", "Ramón", "María", "Carlos", "Javier", "Alejandro", "Rafael", "Miguel"],
                ["Ramírez Ochoa", "Salas", "Guzmán", "Fernández", "Herrera", "Castillo", "Mendoza", "Rojas"]),
    "east_asian": (["Weimin", "Xiaoming", "Sung-ho", "Ji-yeon", "Jianguo", "Min-jun", "Hyun-woo", "Lihua"],
                   ["Zhang", "Liu", "Kim", "Park", "Chen", "Lee", "Wang", "Choi"]),
}
ORG_WORDS = ["Eastern", "Northern", "Islamic", "National", "Popular", "Revolutionary", "Democratic", "Coastal",
             "Liberation", "Resistance", "Shield", "Martyrs", "Unity", "Renewal", "Council", "Front", "Brigades",
             "Movement", "Army", "Alliance", "Trust", "Union", "Party", "Forces", "Committee"]
SYLLABLES = ["ba", "ka", "ra", "mi", "do", "su", "le", "ha", "za", "fi", "nu", "to", "ga", "wa", "ya", "sha",
             "khe", "di", "mo", "ri", "ta", "ne", "lu", "ja", "qa", "bi", "so", "ve", "ro", "dze"]
SURNAME_FORMS = {"arabic": "al-{}", "somali": "{}", "urdu": "{}zai", "persian": "{}i", "russian": "{}ov",
                 "hausa": "{}", "spanish": "{}ez", "east_asian": "{}"}
VOWEL_SWAPS = [("i", "ee"), ("u", "ou"), ("e", "i"), ("o", "u"), ("a", "e"), ("y", "i")]
TITLES = ["Sheikh", "General", "Dr.", "Maulana", "Commander", "Hafiz"]


def person_variant(rng: random.Random, given: list[str], surname: str, tradition: str) -> str:
    """One news spelling of a person: a vowel written another way, a letter doubled or
    undoubled, a hyphen joined, a title, a dropped middle name, family name first."""
    parts = [*given, surname]
    i = rng.randrange(len(parts))
    word = parts[i]
    change = rng.random()
    if change < 0.35:
        written, other = rng.choice(VOWEL_SWAPS)
        if written in word[1:]:
            word = word[0] + word[1:].replace(written, other, 1)
    elif change < 0.5:
        word = word.replace("-", "")
    elif change < 0.6 and len(word) > 4:
        k = rng.randrange(2, len(word) - 1)
        word = word[:k] + word[k] + word[k:] if word[k].isalpha() else word
    parts[i] = word
    if len(parts) > 2 and rng.random() < 0.2:
        del parts[1]
    if tradition == "east_asian" and rng.random() < 0.5:
        parts = [parts[-1], *parts[:-1]]
    name = " ".join(parts)
    return f"{rng.choice(TITLES)} {name}" if rng.random() < 0.15 else name


def make_records(n: int, seed: int) -> tuple[list[Entity], dict[str, int]]:
    """`n` records and, for each record id, the actor it was made from."""
    rng = random.Random(seed)
    records: list[Entity] = []
    actor_of: dict[str, int] = {}
    actor = 0
    while len(records) < n:
        actor += 1
        if rng.random() < 0.8:
            tradition = rng.choice(list(TRADITIONS))
            givens, surnames = TRADITIONS[tradition]
            given = rng.sample(givens, rng.choice([1, 1, 2]))
            if tradition == "east_asian":  # two syllables, as most Chinese and Korean given names
                given = ["-".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()]
            surname = rng.choice(surnames) if tradition == "east_asian" else SURNAME_FORMS[tradition].format(
                "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 3]))).capitalize())
            names = {person_variant(rng, given, surname, tradition) for _ in range(rng.choice([1, 2, 2, 3, 4]))}
            type_ = "person"
        else:
            place = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
            words = [place, *rng.sample(ORG_WORDS, rng.choice([1, 2, 3]))]
            full = " ".join(words)
            names = {full}
            if rng.random() < 0.5:
                names.add("".join(w[0] for w in words).upper())
            type_ = "organization"
        for name in names:
            entity = Entity(Entity.make_id(type_, f"{name}#{actor}"), type_, name)
            records.append(entity)
            actor_of[entity.id] = actor
    return records[:n], actor_of


def pairwise(clusters: dict[str, str], actor_of: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the clusters against the actors; records made from
    different actors with identical names (the generator reuses name parts) count as errors."""
    def pairs(groups: dict) -> set[frozenset]:
        members: dict = {}
        for record, group in groups.items():
            members.setdefault(group, []).append(record)
        return {frozenset(p) for ids in members.values() if len(ids) < 2000 for p in combinations(ids, 2)}

    found, gold = pairs(clusters), pairs({r: a for r, a in actor_of.items() if r in clusters})
    correct = len(found & gold)
    return correct / len(found) if found else 0.0, correct / len(gold) if gold else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--screen", type=int, default=0, metavar="N",
                        help="also screen N records against all records read as a watchlist")
    args = parser.parse_args()

    records, actor_of = make_records(args.records, args.seed)
    types = Counter(r.type for r in records)
    print(f"{len(records)} records ({types['person']} people, {types['organization']} organisations) "
          f"from {len(set(actor_of.values()))} actors", file=sys.stderr)
    candidates = 0

    def counted(pairs):
        nonlocal candidates
        for pair in pairs:
            candidates += 1
            yield pair

    started, cpu = time.perf_counter(), time.process_time()
    blocking = block_entities(records)
    blocked = time.perf_counter()
    merges = list(scored_pairs(records, thresholds()["merge"], counted(blocking.pairs())))
    scored = time.perf_counter()
    clusters = connect(records, merges)
    finished = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision, recall = pairwise(clusters, actor_of)
    print(f"blocking: {blocked - started:.1f} s; {len(blocking.blocks)} blocks, the largest {blocking.largest}, "
          f"{len(blocking.skipped)} over max_block skipped")
    print(f"candidate pairs: {candidates}, scored in {scored - blocked:.1f} s; {len(merges)} at or above merge")
    print(f"union-find: {finished - scored:.1f} s; {len(set(clusters.values()))} clusters")
    print(f"resolution in all: {finished - started:.1f} s (CPU {time.process_time() - cpu:.1f} s)")
    print(f"peak resident memory: {peak_mb:.0f} MB")
    print(f"pairwise precision {precision:.3f}, recall {recall:.3f} against the generated actors")
    if args.screen:
        screen(records, args.screen)


def screen(records: list[Entity], count: int) -> None:
    """Time `match_names` for `count` records against every record as a list entry."""
    listed = [ListedEntity(r.id, r.type, (r.type,), (r.name,)) for r in records]
    subjects = [Subject(r.id, r.type, (r.name,)) for r in records[:count]]
    started = time.perf_counter()
    matches = match_names(subjects, listed, thresholds()["review"])
    print(f"screening: {len(subjects)} entities against a list of {len(listed)} entries in "
          f"{time.perf_counter() - started:.1f} s; {len(matches)} matches")


if __name__ == "__main__":
    main()
