//! `lede find` and `lede search` at scale: a generated library of 10,000
//! articles of about 800 words naming over 20,000 distinct people, places and
//! organizations at Zipf frequencies (fixed seed), added through the release
//! binary; then warm timings of exact and misspelt `find` queries and of
//! `search`, and the database size.
//!
//! `cargo bench --bench find`. The library is kept in
//! `target/tmp/find-bench-N` and reused by later runs (delete it to rebuild).
//! `LEDE_BENCH_ARTICLES` changes N (default 10,000).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_lede");
const SEED: u64 = 0x1ede_f1d0;

/// splitmix64: a small, fixed, dependency-free generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

/// Ranks drawn with probability proportional to 1 / rank.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=n)
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        Zipf { cumulative }
    }
    fn draw(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        self.cumulative.partition_point(|&c| c < x)
    }
}

const GIVEN: &[&str] = &[
    "Andriy", "Olena", "Maria", "James", "Aisha", "Chen", "Fatima", "Lars", "Sofia", "Mateo",
    "Ingrid", "Kwame", "Priya", "Tomasz", "Yuki", "Hannah", "Diego", "Amara", "Pavel", "Leila",
    "Oskar", "Nadia", "Rafael", "Esther", "Jonas", "Ngozi", "Emil", "Zainab", "Marek", "Clara",
    "Hugo", "Irina", "Samuel", "Mei", "Tariq", "Agnes", "Felix", "Rosa", "Bogdan", "Elif", "Karim",
    "Astrid", "Luca", "Wanjiru", "Mikael", "Ana", "Dmitri", "Grace", "Henrik", "Noor", "Joaquín",
    "Zoë", "Søren", "Łucja", "Renée", "Björn", "Ayşe", "Dağhan", "Chloé", "Jiří",
];

const ONSETS: &[&str] = &[
    "Ko", "Va", "Mar", "Bel", "Ost", "Hal", "Dun", "Fer", "Gri", "Kas", "Lom", "Nor", "Pet", "Ros",
    "Sta", "Tor", "Vel", "Wen", "Zar", "Bra", "Che", "Dro", "Esk", "Fal", "Gor", "Har", "Ivan",
    "Jar", "Kel", "Lis",
];
const MIDDLES: &[&str] = &[
    "va", "len", "ro", "ta", "mi", "ne", "sa", "ri", "do", "ka", "lo", "be", "ch", "dr", "ga",
];
const CODAS: &[&str] = &[
    "nko", "son", "ski", "ova", "ez", "elli", "berg", "mann", "sen", "ić", "oglu", "ides", "ard",
    "ton", "ley", "vic", "ström", "ak", "ur", "etti",
];

const PLACE_ROOTS: &[&str] = &[
    "Brook", "Ash", "Marsh", "Stone", "Oak", "River", "Elm", "Frost", "Glen", "High", "Kings",
    "Lake", "Mill", "North", "Pine", "Red", "Salt", "Thorn", "West", "Wolf",
];
const PLACE_ENDS: &[&str] = &[
    "ford", "field", "haven", "bury", "ton", "mouth", "wick", "dale", "port", "stead",
];
const REAL_PLACES: &[&str] = &[
    "Kyiv",
    "Paris",
    "Berlin",
    "Lagos",
    "Lima",
    "Oslo",
    "Nairobi",
    "Warsaw",
    "Toronto",
    "Jakarta",
    "Bergen",
    "Rotterdam",
    "Kyoto",
    "Lisbon",
    "Bristol",
    "Gdańsk",
    "Zürich",
    "Reykjavík",
];
const ORG_KINDS: &[&str] = &[
    "Holdings",
    "Bank",
    "Institute",
    "Agency",
    "Group",
    "Foundation",
    "Council",
    "Partners",
    "Energy",
    "Shipping",
    "Labs",
    "Union",
];
const ROLES: &[&str] = &[
    "chief executive",
    "spokesperson",
    "finance minister",
    "mayor",
    "lead researcher",
    "union leader",
    "analyst",
    "director",
    "chair",
    "senior economist",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "argued",
    "warned",
    "noted",
];
const TOPICS: &[&str] = &[
    "the budget",
    "the new rail line",
    "rising energy prices",
    "the harbour expansion",
    "water quality",
    "the housing plan",
    "the trade deal",
    "the school reforms",
    "the strike",
    "the election results",
    "the flood defences",
    "the merger",
];
const FILLER: &[&str] = &[
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
];

/// The generated world: people, places and organizations, most frequent first.
struct World {
    people: Vec<String>,
    places: Vec<String>,
    orgs: Vec<String>,
}

fn surname(rng: &mut Rng) -> String {
    let mut s = rng.pick(ONSETS).to_owned();
    if rng.below(3) > 0 {
        s.push_str(rng.pick(MIDDLES));
    }
    s.push_str(rng.pick(CODAS));
    s
}

fn world(rng: &mut Rng) -> World {
    let mut seen = std::collections::HashSet::new();
    let mut people = vec!["Andriy Kovalenko".to_owned()];
    seen.insert(people[0].clone());
    while people.len() < 60_000 {
        let name = format!("{} {}", rng.pick(GIVEN), surname(rng));
        if seen.insert(name.clone()) {
            people.push(name);
        }
    }
    // Kovalenko is famous, but not the most famous.
    people.swap(0, 40);
    let mut places: Vec<String> = REAL_PLACES.iter().map(|p| (*p).to_owned()).collect();
    for root in PLACE_ROOTS {
        for end in PLACE_ENDS {
            places.push(format!("{root}{end}"));
        }
    }
    let mut orgs = Vec::new();
    while orgs.len() < 8_000 {
        let name = format!("{} {}", surname(rng), rng.pick(ORG_KINDS));
        if seen.insert(name.clone()) {
            orgs.push(name);
        }
    }
    World {
        people,
        places,
        orgs,
    }
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// One article of about 800 words as a JSON object.
fn article(rng: &mut Rng, w: &World, z: &(Zipf, Zipf, Zipf), i: usize) -> String {
    let draw = |rng: &mut Rng, list: &[String], zipf: &Zipf| {
        list.get(zipf.draw(rng)).cloned().unwrap_or_default()
    };
    let people: Vec<String> = (0..8).map(|_| draw(rng, &w.people, &z.0)).collect();
    let places: Vec<String> = (0..3).map(|_| draw(rng, &w.places, &z.1)).collect();
    let orgs: Vec<String> = (0..4).map(|_| draw(rng, &w.orgs, &z.2)).collect();
    let mut body = String::new();
    let mut words = 0;
    let mut paragraph = 0;
    let mut mentioned = vec![false; people.len()];
    while words < 800 {
        let mut para = String::new();
        for _ in 0..4 {
            let p = rng.below(people.len());
            let person = &people[p];
            let who = if mentioned[p] {
                last_word(person).to_owned()
            } else {
                mentioned[p] = true;
                person.clone()
            };
            let place = &places[rng.below(places.len())];
            let org = &orgs[rng.below(orgs.len())];
            let sentence = match rng.below(6) {
                0 => format!(
                    "{who}, the {} of {org}, {} in {place} that {} would be reviewed.",
                    rng.pick(ROLES),
                    rng.pick(VERBS),
                    rng.pick(TOPICS)
                ),
                1 => format!(
                    "\"We cannot wait any longer,\" {who} {} at a meeting in {place} on Tuesday.",
                    rng.pick(VERBS)
                ),
                2 => format!(
                    "According to {org}, {} has cost {place} more than expected this year.",
                    rng.pick(TOPICS)
                ),
                3 => format!(
                    "In {place}, {who} met representatives of {org} to discuss {}.",
                    rng.pick(TOPICS)
                ),
                _ => rng.pick(FILLER).to_owned(),
            };
            words += sentence.split_whitespace().count();
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&sentence);
        }
        if paragraph > 0 {
            body.push_str("\n\n");
        }
        body.push_str(&para);
        paragraph += 1;
    }
    let title = format!(
        "{} and {} at odds over {} in {}",
        last_word(&people[0]),
        orgs[0],
        rng.pick(TOPICS),
        places[0]
    );
    let date = format!(
        "20{:02}-{:02}-{:02}",
        20 + i % 6,
        1 + rng.below(12),
        1 + rng.below(28)
    );
    serde_json::json!({
        "title": title,
        "author": format!("{} {}", rng.pick(GIVEN), surname(rng)),
        "date": date,
        "source": "The Generated Gazette",
        "body": body,
    })
    .to_string()
}

/// Writes `n` articles, one JSON file each, into `dir`.
fn generate(dir: &Path, n: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(SEED);
    let w = world(&mut rng);
    let z = (
        Zipf::new(w.people.len()),
        Zipf::new(w.places.len()),
        Zipf::new(w.orgs.len()),
    );
    for i in 0..n {
        std::fs::write(
            dir.join(format!("g{i:05}.json")),
            article(&mut rng, &w, &z, i),
        )?;
    }
    Ok(())
}

fn db_rows(lib: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(lib.join("lede.db"))
        .and_then(|c| c.query_row(sql, [], |r| r.get(0)))
        .unwrap_or(-1)
}

/// The library, generated and added on the first run.
fn library(n: usize) -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("find-bench-{n}"));
    let lib = root.join("lib");
    if db_rows(&lib, "SELECT count(*) FROM articles") >= n as i64 {
        return Some(lib);
    }
    let input = root.join("in");
    let _ = std::fs::remove_dir_all(&root);
    if let Err(e) = generate(&input, n) {
        eprintln!("cannot generate: {e}");
        return None;
    }
    let clock = Instant::now();
    let status = Command::new(BIN)
        .arg("add")
        .arg(&input)
        .env("LEDE_LIBRARY", &lib)
        .stdout(Stdio::null())
        .status();
    let secs = clock.elapsed().as_secs_f64();
    println!(
        "add: {n} articles in {secs:.1} s = {:.0} articles/s ({status:?})",
        n as f64 / secs
    );
    Some(lib)
}

/// Median and max wall time of `runs` runs of the binary, after 3 warm-up runs.
fn time(lib: &Path, args: &[&str], runs: usize) -> (Duration, Duration, usize) {
    let run = || {
        let clock = Instant::now();
        let out = Command::new(BIN)
            .args(args)
            .env("LEDE_LIBRARY", lib)
            .stderr(Stdio::null())
            .output();
        let lines = out.map(|o| o.stdout.iter().filter(|&&b| b == b'\n').count());
        (clock.elapsed(), lines.unwrap_or(0))
    };
    for _ in 0..3 {
        run();
    }
    let mut times = Vec::new();
    let mut lines = 0;
    for _ in 0..runs {
        let (t, l) = run();
        times.push(t);
        lines = l;
    }
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    (median, times.last().copied().unwrap_or_default(), lines)
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("find bench: skipped (run `cargo bench --bench find`)");
        return;
    }
    if std::env::args().any(|a| a == "--list") {
        println!("find: bench");
        return;
    }
    let n: usize = std::env::var("LEDE_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let Some(lib) = library(n) else { return };
    let mut report = String::new();
    let _ = writeln!(
        report,
        "library: {} articles, {} distinct entity names, {} folded names, db {:.1} MB",
        db_rows(&lib, "SELECT count(*) FROM articles"),
        db_rows(&lib, "SELECT count(DISTINCT name) FROM entities"),
        db_rows(&lib, "SELECT count(*) FROM name_keys"),
        std::fs::metadata(lib.join("lede.db")).map_or(0.0, |m| m.len() as f64 / 1e6),
    );
    let queries: &[&[&str]] = &[
        &["find", "Kovalenko"],
        &["find", "kovalenkko"],
        &["find", "Andriy", "Kovalneko"],
        &["find", "--kind", "place", "Kyiv"],
        &["find", "Kiyv"],
        &["find", "--format", "json", "Bergen"],
        &["find", "Nobodyatall"],
        &["search", "harbour", "expansion"],
        &["search", "budget"],
        &["search", "--format", "json", "flood", "defences", "Kyiv"],
    ];
    for args in queries {
        let (median, max, lines) = time(&lib, args, 20);
        let _ = writeln!(
            report,
            "{:<45} median {:>6.1} ms  max {:>6.1} ms  ({lines} lines)",
            format!("lede {}", args.join(" ")),
            median.as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3
        );
    }
    print!("{report}");
}
