//! The library through the real binary: add, list, rm, reindex, and the
//! "never lose anything" guarantees (kill -9, two processes, damaged,
//! newer, read-only and full libraries). Every test uses temp folders only.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use lede::article::Field;
use lede::library::Library;

const BIN: &str = env!("CARGO_BIN_EXE_lede");

/// A temp home: the library folder and XDG dirs all point inside it.
struct Home {
    tmp: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            tmp: tempfile::tempdir().unwrap(),
        }
    }
    fn lib(&self) -> PathBuf {
        self.tmp.path().join("lib")
    }
    fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = common::lede_in(self.tmp.path());
        cmd.args(args)
            .env("LEDE_LIBRARY", self.lib())
            .stdin(Stdio::null());
        cmd
    }
    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes `n` distinct articles made from the bundled samples into `dir`.
fn generate(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let samples = lede::samples::SAMPLES;
    for i in 0..n {
        let sample = &samples[i % samples.len()];
        let ext = Path::new(sample.name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("txt");
        let mut bytes = sample.bytes.to_vec();
        if ext == "json" {
            // Keep JSON valid; vary every array element's own bytes too.
            let pad = format!("{{{}", " ".repeat(i + 1));
            bytes = String::from_utf8_lossy(&bytes)
                .replace('{', &pad)
                .into_bytes();
        } else {
            bytes.extend(format!("\n\nEdition {i} of this story.\n").as_bytes());
        }
        std::fs::write(dir.join(format!("a{i:05}.{ext}")), bytes).unwrap();
    }
}

/// Writes `n` short distinct text articles (fast to analyse in a debug build).
fn generate_small(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let names = ["Jane Doe", "Bob Smith", "Ann Lee", "Omar Haddad"];
    let places = ["Paris", "Berlin", "Lagos", "Lima"];
    for i in 0..n {
        let text = format!(
            "Report {i}\n\n{} met Acme Corp in {} on day {i}. \"We agreed,\" {} said.\n",
            names[i % 4],
            places[i % 4],
            names[i % 4]
        );
        std::fs::write(dir.join(format!("s{i:05}.txt")), text).unwrap();
    }
}

/// How many articles the files of `dir` hold.
fn article_count(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| lede::article::load_path(&e.path()).unwrap().articles.len())
        .sum()
}

fn ids(home: &Home) -> Vec<String> {
    let out = home.run(&["list", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_owned()
        })
        .collect()
}

/// Every row has its copy and loads; no file lacks a row; no temp file.
fn assert_consistent(lib: &Path) -> usize {
    let library = Library::open(lib).unwrap(); // collects strays
    let entries = library.list(lede::library::Sort::Added).unwrap();
    for entry in &entries {
        library.load(&entry.id).unwrap();
    }
    let conn = rusqlite::Connection::open(lib.join("lede.db")).unwrap();
    let copies: std::collections::HashSet<String> = conn
        .prepare("SELECT copy FROM articles")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for file in std::fs::read_dir(lib.join("articles")).unwrap().flatten() {
        let name = file.file_name().to_string_lossy().into_owned();
        assert!(copies.contains(&name), "stray file {name}");
    }
    entries.len()
}

#[test]
fn add_list_duplicate_replace_and_rm() {
    let home = Home::new();
    assert!(!home.lib().exists());
    let out = home.run(&["list"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "");
    assert!(!home.lib().exists(), "list must not create the library");

    let one = home.path("one.txt");
    std::fs::write(
        &one,
        "Talks in Paris\n\nJane Doe met Acme Corp in Paris on Monday.\n",
    )
    .unwrap();
    let many = home.path("many.jsonl");
    std::fs::write(
        &many,
        "{\"title\": \"A\", \"body\": \"Bob Smith went to Berlin.\", \"date\": \"2024-05-01\", \"source\": \"Zeta\"}\n\
         {\"title\": \"B\", \"body\": \"Ann Lee spoke in Rome.\", \"date\": \"2025-01-02\", \"source\": \"Alpha\"}\n",
    )
    .unwrap();
    let out = home.run(&["add", one.to_str().unwrap(), many.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).matches("added ").count(),
        3,
        "{}",
        stdout(&out)
    );
    let first_id = lede::article::article_id(&std::fs::read(&one).unwrap());
    assert!(stdout(&out).contains(&first_id));

    let out = home.run(&["add", one.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("already in the library: {first_id} Talks in Paris")
    );
    assert_eq!(ids(&home).len(), 3);

    // --sort and JSON Lines fields.
    let out = home.run(&["list", "--sort", "source", "--format", "json"]);
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["source"], "Alpha");
    assert_eq!(lines[1]["source"], "Zeta");
    assert_eq!(lines[0]["top_entities"][0], "Ann Lee");
    let keys: Vec<&String> = lines[0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5);
    let out = home.run(&["list", "--sort", "date", "--format", "json"]);
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["date"], "2025-01-02");

    // A position and a highlight survive the file changing (re-keyed).
    let library = Library::open(&home.lib()).unwrap();
    library.set_position(&first_id, Field::Body, 7).unwrap();
    add_highlight(&home.lib(), &first_id);
    std::fs::write(
        &one,
        "Talks in Paris\n\nJane Doe met Acme Corp in Paris on Tuesday.\n",
    )
    .unwrap();
    let out = home.run(&["add", one.to_str().unwrap()]);
    let new_id = lede::article::article_id(&std::fs::read(&one).unwrap());
    assert!(
        stdout(&out).contains(&format!("replaced {first_id} by {new_id}")),
        "{}",
        stdout(&out)
    );
    assert_eq!(library.position(&new_id).unwrap().unwrap().offset, 7);
    assert!(library.position(&first_id).unwrap().is_none());
    assert_eq!(ids(&home).len(), 3);

    // rm refuses while highlights exist, then purges; prefixes work.
    let out = home.run(&["rm", new_id.get(..5).unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--purge"), "{}", stderr(&out));
    let out = home.run(&["rm", "--purge", new_id.get(..5).unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ids(&home).len(), 2);
    let out = home.run(&["rm", "ffffffffffff"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1);
    assert_eq!(assert_consistent(&home.lib()), 2);
}

fn add_highlight(lib: &Path, id: &str) {
    let conn = rusqlite::Connection::open(lib.join("lede.db")).unwrap();
    conn.execute(
        "INSERT INTO highlights (article_id, field, start, end, text, created, updated)
         VALUES (?1, 'body', 0, 4, 'Jane', 0, 0)",
        [id],
    )
    .unwrap();
}

#[test]
fn folders_recurse_stdin_works_and_reindex_keeps_positions() {
    let home = Home::new();
    let dir = home.path("in");
    generate(&dir.join("sub"), 5);
    generate(&dir, 3);
    let out = home.run(&["add", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let n = ids(&home).len();
    // The top-level files repeat the first ones of `sub`: duplicates.
    assert_eq!(n, article_count(&dir.join("sub")));
    assert!(stdout(&out).contains("already in the library: "));
    let mut child = home
        .cmd(&["add", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"From stdin\n\nMaria Lopez spoke in Madrid.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(ids(&home).len(), n + 1);

    let some = ids(&home)[0].clone();
    Library::open(&home.lib())
        .unwrap()
        .set_position(&some, Field::Body, 3)
        .unwrap();
    add_highlight(&home.lib(), &some);
    let conn = rusqlite::Connection::open(home.lib().join("lede.db")).unwrap();
    conn.execute("UPDATE articles SET analyser = 'old', title = 'stale'", [])
        .unwrap();
    conn.execute("DELETE FROM entities", []).unwrap();
    let out = home.run(&["reindex"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let library = Library::open(&home.lib()).unwrap();
    assert_eq!(library.position(&some).unwrap().unwrap().offset, 3);
    assert_eq!(library.highlight_count(&some).unwrap(), 1);
    let entries = library.list(lede::library::Sort::Title).unwrap();
    assert!(entries.iter().all(|e| e.title.as_deref() != Some("stale")));
    assert!(entries.iter().any(|e| !e.top_entities.is_empty()));
    let fts: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Madrid'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fts, 1);
}

#[test]
fn stale_cache_is_redone_lazily() {
    let home = Home::new();
    let file = home.path("a.txt");
    std::fs::write(&file, "Title\n\nJane Doe met Acme Corp in Paris.\n").unwrap();
    assert!(home.run(&["add", file.to_str().unwrap()]).status.success());
    let conn = rusqlite::Connection::open(home.lib().join("lede.db")).unwrap();
    conn.execute(
        "UPDATE articles SET analyser = 'lede 0.0.0', analysis = '{}'",
        [],
    )
    .unwrap();
    let library = Library::open_existing(&home.lib()).unwrap().unwrap();
    let id = ids(&home)[0].clone();
    let stored = library.load(id.get(..4).unwrap()).unwrap();
    assert!(
        stored
            .analysis
            .entities
            .iter()
            .any(|e| e.name == "Jane Doe")
    );
    let analyser: String = conn
        .query_row("SELECT analyser FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(analyser, lede::library::analyser_identity());
}

#[test]
fn damaged_and_newer_databases_give_one_line() {
    let home = Home::new();
    let file = home.path("a.txt");
    std::fs::write(&file, "Title\n\nJane Doe met Acme Corp in Paris.\n").unwrap();
    assert!(home.run(&["add", file.to_str().unwrap()]).status.success());
    let db = home.lib().join("lede.db");
    std::fs::write(&db, vec![0x5a; 8192]).unwrap();
    let _ = std::fs::remove_file(home.lib().join("lede.db-wal"));
    let _ = std::fs::remove_file(home.lib().join("lede.db-shm"));
    for args in [&["list"][..], &["add", file.to_str().unwrap()]] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("lede.db") && err.contains("lede reindex"),
            "{err}"
        );
        assert!(!err.contains("panicked"));
    }
    let out = home.run(&["reindex"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ids(&home).len(), 1);

    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let out = home.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("upgrade lede") && err.contains("lede.db"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn kill_during_add_leaves_whole_articles() {
    let home = Home::new();
    let dir = home.path("many");
    generate_small(&dir, 2000);
    let total = 2000;
    let mut child = home
        .cmd(&["add", dir.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some articles are committed, then kill -9.
    let start = Instant::now();
    let db = home.lib().join("lede.db");
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let committed =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|c| {
                    c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
                })
                .unwrap_or(0);
        if committed > 0 || start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    std::thread::sleep(Duration::from_millis(100));
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let count = assert_consistent(&home.lib());
    println!("killed mid-add (running: {still_running}) with {count} articles stored");
    assert!(
        still_running,
        "add finished before the kill; test proves nothing"
    );
    assert!(count > 0 && count < total, "{count}");
    // Adding again completes the library.
    let out = home.run(&["add", dir.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(assert_consistent(&home.lib()), total);
}

#[test]
fn a_reader_and_an_adder_share_the_library() {
    let home = Home::new();
    let first = home.path("first.txt");
    std::fs::write(&first, "First\n\nJane Doe met Acme Corp in Paris.\n").unwrap();
    assert!(home.run(&["add", first.to_str().unwrap()]).status.success());
    let id = ids(&home)[0].clone();
    let dir = home.path("many");
    generate(&dir, 300);
    let total = article_count(&dir) + 1;
    let mut child = home
        .cmd(&["add", dir.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut rounds = 0;
    while child.try_wait().unwrap().is_none() {
        let library = Library::open_existing(&home.lib()).unwrap().unwrap();
        library.list(lede::library::Sort::Date).unwrap();
        library.load(&id).unwrap();
        library.set_position(&id, Field::Body, rounds).unwrap();
        rounds += 1;
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(rounds > 0);
    assert_eq!(assert_consistent(&home.lib()), total);
}

/// Runs `script` in a private mount namespace; `None` when mounting is refused.
fn unshared(home: &Home, script: &str) -> Option<Output> {
    let probe = Command::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs tmpfs \"$1\"", "sh"])
        .arg(home.tmp.path())
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        println!("skipped: unshare -m / mount refused here");
        return None;
    }
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", script, "sh", BIN])
        .arg(home.tmp.path())
        .env("XDG_DATA_HOME", home.path("xdg-data"))
        .env("XDG_CONFIG_HOME", home.path("xdg-config"))
        .output()
        .unwrap();
    Some(out)
}

#[test]
fn read_only_library_folder_is_a_clear_error() {
    let home = Home::new();
    let file = home.path("a.txt");
    std::fs::write(&file, "Title\n\nJane Doe met Acme Corp in Paris.\n").unwrap();
    std::fs::create_dir(home.path("ro")).unwrap();
    let script = "mount -t tmpfs -o ro tmpfs \"$2/ro\" && LEDE_LIBRARY=\"$2/ro/lib\" \"$1\" add \"$2/a.txt\"";
    let Some(out) = unshared(&home, script) else {
        return;
    };
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("read-only") && err.contains("ro/lib"), "{err}");
}

#[test]
fn full_disk_is_a_clear_error_and_keeps_the_library_whole() {
    let home = Home::new();
    let big = home.path("big.txt");
    let mut text = String::from("A long story\n\n");
    for i in 0..6000 {
        text.push_str(&format!("The wind blew on day {i} and more. "));
        if i % 20 == 0 {
            text.push_str("\n\n");
        }
    }
    std::fs::write(&big, text).unwrap();
    std::fs::write(
        home.path("small.txt"),
        "Small\n\nBob Smith went to Berlin.\n",
    )
    .unwrap();
    std::fs::create_dir(home.path("full")).unwrap();
    let script = "mount -t tmpfs -o size=512k tmpfs \"$2/full\" || exit 77; \
        export LEDE_LIBRARY=\"$2/full/lib\"; \
        \"$1\" add \"$2/small.txt\" >/dev/null || exit 78; \
        \"$1\" add \"$2/big.txt\"; echo \"status $?\" >&2; \
        \"$1\" list --format json";
    let Some(out) = unshared(&home, script) else {
        return;
    };
    if out.status.code() == Some(77) {
        println!("skipped: tmpfs mount refused");
        return;
    }
    let err = stderr(&out);
    assert!(err.contains("status 1"), "{err}");
    assert!(err.contains("no space"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // The library still lists the small article, and only it.
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
}

#[test]
fn tag_never_creates_the_library() {
    let home = Home::new();
    let out = home.run(&["tag"]);
    assert!(out.status.success());
    assert!(!home.lib().exists());
    assert!(!home.path("xdg-data").exists());
}
