#!/usr/bin/env python3
"""Writes the `lede find` / `lede search` scale corpus: N articles (default
10,000) of about 800 words, one JSON file each, naming tens of thousands of
distinct people and organizations (and a few hundred places) drawn at Zipf
frequencies (probability ~ 1/rank). Fixed seed: the same files every run.

    scripts/gen_find_corpus.py OUT_DIR [N]

Used by scripts/bench_find.sh. Standard library only.
"""

import bisect
import json
import os
import random
import sys

SEED = 0x1EDEF1D0

GIVEN = """Andriy Olena Maria James Aisha Chen Fatima Lars Sofia Mateo Ingrid Kwame
Priya Tomasz Yuki Hannah Diego Amara Pavel Leila Oskar Nadia Rafael Esther Jonas Ngozi
Emil Zainab Marek Clara Hugo Irina Samuel Mei Tariq Agnes Felix Rosa Bogdan Elif Karim
Astrid Luca Wanjiru Mikael Ana Dmitri Grace Henrik Noor Joaquín Zoë Søren Łucja Renée
Björn Ayşe Dağhan Chloé Jiří""".split()
ONSETS = """Ko Va Mar Bel Ost Hal Dun Fer Gri Kas Lom Nor Pet Ros Sta Tor Vel Wen Zar Bra
Che Dro Esk Fal Gor Har Ivan Jar Kel Lis""".split()
MIDDLES = "va len ro ta mi ne sa ri do ka lo be ch dr ga".split()
CODAS = """nko son ski ova ez elli berg mann sen ić oglu ides ard ton ley vic ström ak ur
etti""".split()
PLACE_ROOTS = """Brook Ash Marsh Stone Oak River Elm Frost Glen High Kings Lake Mill North
Pine Red Salt Thorn West Wolf""".split()
PLACE_ENDS = "ford field haven bury ton mouth wick dale port stead".split()
REAL_PLACES = """Kyiv Paris Berlin Lagos Lima Oslo Nairobi Warsaw Toronto Jakarta Bergen
Rotterdam Kyoto Lisbon Bristol Gdańsk Zürich Reykjavík""".split()
ORG_KINDS = """Holdings Bank Institute Agency Group Foundation Council Partners Energy
Shipping Labs Union""".split()
ROLES = [
    "chief executive", "spokesperson", "finance minister", "mayor", "lead researcher",
    "union leader", "analyst", "director", "chair", "senior economist",
]
VERBS = ["said", "told reporters", "added", "argued", "warned", "noted"]
TOPICS = [
    "the budget", "the new rail line", "rising energy prices", "the harbour expansion",
    "water quality", "the housing plan", "the trade deal", "the school reforms",
    "the strike", "the election results", "the flood defences", "the merger",
]
FILLER = [
    "The proposal has been debated for months, and few expect a quick decision.",
    "Officials declined to give a timetable, saying more consultation was needed.",
    "Figures published last week showed a modest rise compared with the previous year.",
    "Critics say the plan does too little, too late, while supporters call it a start.",
    "Local residents gathered outside the building on a cold and windy morning.",
    "The committee is expected to publish its findings before the end of the month.",
    "Several questions remain unanswered, including who will pay for the work.",
    "Analysts cautioned that the numbers could be revised once more data arrives.",
    "It was the third such meeting this year, and the most heated so far.",
    "A final vote is scheduled for the spring, after a period of public comment.",
]


def surname(rng):
    s = rng.choice(ONSETS)
    if rng.randrange(3):
        s += rng.choice(MIDDLES)
    return s + rng.choice(CODAS)


def world(rng):
    """People, places and organizations, most frequent first."""
    seen = {"Andriy Kovalenko"}
    people = ["Andriy Kovalenko"]
    while len(people) < 60_000:
        name = f"{rng.choice(GIVEN)} {surname(rng)}"
        if name not in seen:
            seen.add(name)
            people.append(name)
    # Kovalenko is well known, not the best known: rank 41.
    people[0], people[40] = people[40], people[0]
    places = REAL_PLACES + [r + e for r in PLACE_ROOTS for e in PLACE_ENDS]
    orgs = []
    while len(orgs) < 8_000:
        name = f"{surname(rng)} {rng.choice(ORG_KINDS)}"
        if name not in seen:
            seen.add(name)
            orgs.append(name)
    return people, places, orgs


class Zipf:
    def __init__(self, n):
        self.cumulative = []
        total = 0.0
        for rank in range(1, n + 1):
            total += 1.0 / rank
            self.cumulative.append(total)

    def draw(self, rng):
        x = rng.random() * self.cumulative[-1]
        return min(bisect.bisect_left(self.cumulative, x), len(self.cumulative) - 1)


def last(name):
    return name.split(" ")[-1]


def article(rng, lists, zipfs, i):
    people, places, orgs = (
        [lst[z.draw(rng)] for _ in range(k)] for lst, z, k in zip(lists, zipfs, (8, 3, 4))
    )
    mentioned = set()
    paragraphs, words = [], 0
    while words < 800:
        sentences = []
        for _ in range(4):
            person = rng.choice(people)
            who = last(person) if person in mentioned else person
            place, org = rng.choice(places), rng.choice(orgs)
            form = rng.randrange(6)
            if form in (0, 1, 3):
                mentioned.add(person)
            if form == 0:
                s = (f"{who}, the {rng.choice(ROLES)} of {org}, {rng.choice(VERBS)} in "
                     f"{place} that {rng.choice(TOPICS)} would be reviewed.")
            elif form == 1:
                s = (f"\"We cannot wait any longer,\" {who} {rng.choice(VERBS)} at a meeting "
                     f"in {place} on Tuesday.")
            elif form == 2:
                s = (f"According to {org}, {rng.choice(TOPICS)} has cost {place} more than "
                     f"expected this year.")
            elif form == 3:
                s = f"In {place}, {who} met representatives of {org} to discuss {rng.choice(TOPICS)}."
            else:
                s = rng.choice(FILLER)
            words += len(s.split())
            sentences.append(s)
        paragraphs.append(" ".join(sentences))
    return {
        "title": f"{last(people[0])} and {orgs[0]} at odds over {rng.choice(TOPICS)} in {places[0]}",
        "author": f"{rng.choice(GIVEN)} {surname(rng)}",
        "date": f"20{20 + i % 6:02d}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}",
        "source": "The Generated Gazette",
        "body": "\n\n".join(paragraphs),
    }


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: gen_find_corpus.py OUT_DIR [N]")
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(SEED)
    lists = world(rng)
    zipfs = [Zipf(len(lst)) for lst in lists]
    for i in range(n):
        with open(os.path.join(out, f"g{i:05d}.json"), "w", encoding="utf-8") as f:
            json.dump(article(rng, lists, zipfs, i), f, ensure_ascii=False)


if __name__ == "__main__":
    main()
