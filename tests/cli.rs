//! Runs the real `lede` binary with every folder it might touch pointed at a
//! temporary directory.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

struct Env {
    home: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            home: tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
        }
    }

    fn dir(&self) -> &Path {
        self.home.path()
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir().join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        path
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = common::lede_in(self.dir());
        cmd.args(args).current_dir(self.dir()).env("NO_COLOR", "1");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_with(self.command(args), None)
    }

    fn run_with(&self, mut cmd: Command, stdin: Option<&[u8]>) -> Output {
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("spawn lede: {e}"));
        if let Some(mut pipe) = child.stdin.take() {
            pipe.write_all(stdin.unwrap_or_default())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Articles in the bundled samples (a JSON array sample holds several); each
/// sample must load.
fn sample_article_count() -> usize {
    lede::samples::SAMPLES
        .iter()
        .map(|s| {
            let format = lede::article::detect_format(Some(std::path::Path::new(s.name)), s.bytes);
            lede::article::parse(s.name, format, s.bytes)
                .unwrap_or_else(|e| panic!("sample {} does not load: {e}", s.name))
                .articles
                .len()
        })
        .sum()
}

const ARTICLE: &str = "Harbour reopens after storm\n\nThe harbour reopened on Monday. Boats left at dawn.\n\nAdvertisement\n\nFishermen said the week was lost.\n";

#[test]
fn tag_without_files_tags_every_sample() {
    let env = Env::new();
    let out = env.run(&["tag"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let summaries = text(&out.stdout).matches("paragraphs:").count();
    assert_eq!(summaries, sample_article_count());
}

#[test]
fn tag_json_without_files_is_one_document_per_sample() {
    let env = Env::new();
    let out = env.run(&["tag", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let docs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(docs.len(), sample_article_count());
    for doc in &docs {
        assert_eq!(doc["format"], "lede-article");
        assert!(doc["body"].as_str().is_some_and(|b| !b.is_empty()));
    }
    assert!(
        !env.dir().join("library").exists(),
        "lede tag created the data dir"
    );
    println!("{} sample documents", docs.len());
}

#[test]
fn tag_json_of_files_parses() {
    let env = Env::new();
    let a = env.write("a.txt", ARTICLE.as_bytes());
    let b = env.write(
        "b.jsonl",
        b"{\"title\": \"One\", \"body\": \"First.\"}\n{\"title\": \"Two\", \"body\": \"Second.\"}\n",
    );
    let out = env.run(&[
        "tag",
        "--format",
        "json",
        &a.display().to_string(),
        &b.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let docs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["title"], "Harbour reopens after storm");
    assert_eq!(docs[0]["source_format"], "text");
    assert!(
        !docs[0]["body"]
            .as_str()
            .unwrap_or("")
            .contains("Advertisement")
    );
    assert_eq!(docs[2]["title"], "Two");
}

/// Runs `lede tag PATH` and checks: exit 1, one stderr line `lede: ...PATH...`.
fn assert_one_line_error(env: &Env, cmd: Command, path: &Path, what: &str) {
    let out = env.run_with(cmd, None);
    let stderr = text(&out.stderr);
    let name = path.display().to_string();
    assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{name}: {stderr:?}");
    assert!(stderr.starts_with("lede: "), "{stderr}");
    assert!(stderr.contains(&name), "{stderr} lacks {name}");
    assert!(stderr.contains(what), "{stderr} lacks {what}");
    assert!(out.stdout.is_empty(), "{name}: {}", text(&out.stdout));
}

#[test]
fn every_bad_input_is_one_stderr_line_and_exit_1() {
    let env = Env::new();
    let dir = env.dir().join("folder");
    std::fs::create_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let cases: Vec<(PathBuf, &str)> = vec![
        (env.dir().join("missing.txt"), "no such file"),
        (dir, "is a directory"),
        (env.write("empty.txt", b""), "empty"),
        (env.write("nul.bin", b"\0\x01\x02binary\0"), "binary"),
        (env.write("archive.txt", b"\x1f\x8b\x08\0\0\0\0\0"), "gzip"),
        (env.write("paper.pdf", b"%PDF-1.7\n1 0 obj\n"), "PDF"),
        (env.write("a.zip", b"PK\x03\x04\x14\0"), "zip"),
        (env.write("prog", b"\x7fELF\x02\x01\x01\0"), "ELF"),
        (env.write("pic.png", b"\x89PNG\r\n\x1a\n\0\0"), "PNG"),
        (env.write("pic.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF"), "JPEG"),
        (
            env.write("broken.json", b"{\n  \"title\": \"x\",\n}\n"),
            "line 3, column 1",
        ),
        (env.write("number.json", b"42\n"), "not an article"),
        (env.write("nobody.json", b"{\"title\": \"x\"}"), "no body"),
        (env.write("bad.jsonl", b"{oops\n[1]\n"), "line 1"),
    ];
    for (path, what) in cases {
        let cmd = env.command(&["tag", &path.display().to_string()]);
        assert_one_line_error(&env, cmd, &path, what);
    }
}

#[test]
fn every_fixture_in_tests_data_bad_is_refused() {
    let env = Env::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "{} fixtures", paths.len());
    for path in &paths {
        let cmd = env.command(&["tag", &path.display().to_string()]);
        assert_one_line_error(&env, cmd, path, "");
    }
}

#[test]
fn a_file_over_the_size_cap_is_refused() {
    let env = Env::new();
    let path = env.write("big.txt", ARTICLE.as_bytes());
    let mut cmd = env.command(&["tag", &path.display().to_string()]);
    cmd.env("LEDE_MAX_SIZE", "64");
    assert_one_line_error(&env, cmd, &path, "LEDE_MAX_SIZE");
    let mut ok = env.command(&["tag", &path.display().to_string()]);
    ok.env("LEDE_MAX_SIZE", "100000");
    assert_eq!(env.run_with(ok, None).status.code(), Some(0));
}

#[test]
fn the_reader_reports_bad_input_the_same_way() {
    let env = Env::new();
    let path = env.dir().join("gone.md");
    let cmd = env.command(&[&path.display().to_string()]);
    assert_one_line_error(&env, cmd, &path, "no such file");
}

#[test]
fn missing_file_among_good_ones_still_prints_the_good_one() {
    let env = Env::new();
    let a = env.write("a.txt", ARTICLE.as_bytes());
    let missing = env.dir().join("missing.txt");
    let out = env.run(&[
        "tag",
        &a.display().to_string(),
        &missing.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("lede: ") && stderr.contains(&missing.display().to_string()));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(&a.display().to_string()), "{stdout}");
    assert!(
        stdout.contains("title:      Harbour reopens after storm"),
        "{stdout}"
    );
}

#[test]
fn tag_dash_reads_stdin() {
    let env = Env::new();
    let cmd = env.command(&["tag", "-"]);
    let out = env.run_with(cmd, Some(ARTICLE.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("- ("), "{stdout}");
    assert!(
        stdout.contains("title:      Harbour reopens after storm"),
        "{stdout}"
    );
    assert!(stdout.contains("paragraphs: 2"), "{stdout}");

    let cmd = env.command(&["tag", "-"]);
    let out = env.run_with(cmd, Some(b""));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr).trim_end(), "lede: -: empty file");
}

#[test]
fn warnings_do_not_fail_the_run() {
    let env = Env::new();
    // A UTF-8 BOM followed by bytes that are not UTF-8: decoding loses them.
    let latin1 = env.write(
        "latin1.txt",
        b"\xef\xbb\xbfCaf\xe9 opens\n\nThe caf\xe9 opened today.\n",
    );
    let jsonl = env.write("mixed.jsonl", b"{\"body\": \"One.\"}\nnot json\n");
    let out = env.run(&[
        "tag",
        &latin1.display().to_string(),
        &jsonl.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with("lede: warning: ") && lines[0].contains("latin1.txt"));
    assert!(
        lines[1].contains(&format!("{}: line 2: ", jsonl.display())),
        "{stderr}"
    );
    assert_eq!(text(&out.stdout).matches("paragraphs:").count(), 2);
}

#[test]
fn tag_of_the_seed_shows_the_derived_title() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_913f011d24c4eda7.txt");
    if !path.exists() {
        println!("skipped: {} not found", path.display());
        return;
    }
    let article = lede::article::load_path(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .articles
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no article"));
    assert!(article.title_derived);
    let title = article.title.clone().unwrap_or_default();
    assert!(article.body.starts_with(title.trim_end_matches('…')));
    let env = Env::new();
    let out = env.run(&["tag", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(&format!("title:      {title}")), "{stdout}");
    assert!(
        stdout.contains(&format!("paragraphs: {}", article.paragraphs.len())),
        "{stdout}"
    );
}

#[test]
fn library_option_is_global_before_or_after_a_subcommand() {
    let env = Env::new();
    let file = env.write(
        "story.txt",
        b"Harbour talks\n\nAnna Berg met Jon Lie in Oslo.\n",
    );
    let lib = env.dir().join("elsewhere");
    let lib_arg = lib.display().to_string();
    let file_arg = file.display().to_string();
    // After the subcommand.
    let out = env.run(&["add", &file_arg, "--library", &lib_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(lib.join("lede.db").is_file());
    assert!(!env.dir().join("library").exists(), "LEDE_LIBRARY was used");
    // Before the subcommand: `list` is the subcommand, not a FILE.
    for args in [
        vec!["--library", lib_arg.as_str(), "list"],
        vec!["list", "--library", lib_arg.as_str()],
        vec!["--library", lib_arg.as_str(), "list", "--format", "json"],
    ] {
        let out = env.run(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(text(&out.stdout).contains("Harbour talks"), "{args:?}");
    }
    // LEDE_LIBRARY still picks the library; the empty default lists nothing.
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
    let mut cmd = env.command(&["list"]);
    cmd.env("LEDE_LIBRARY", &lib);
    let out = env.run_with(cmd, None);
    assert!(text(&out.stdout).contains("Harbour talks"));
}

#[test]
fn a_file_named_like_a_subcommand_opens_with_a_path() {
    let env = Env::new();
    env.write("list", b"Not a command\n\nJust a file called list.\n");
    let out = env.run(&["./list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Just a file called list."));
    let out = env.run(&["--library", "lib2", "./list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Just a file called list."));
    assert!(
        !env.dir().join("lib2").exists(),
        "reading created the library"
    );
}
