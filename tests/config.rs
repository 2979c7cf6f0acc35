//! config.toml end to end: every file under `tests/data/config/valid` loads;
//! every file under `tests/data/config/invalid` makes the binary fail with
//! one stderr line naming the file and the key (the file's first line says
//! `# expect: ...`), before anything else and without a terminal.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use lede::config;
use lede::tui::action::Action;
use lede::tui::app::{Analysed, App, Start};
use lede::tui::keymap::Keymap;
use lede::tui::theme::Theme;

fn data(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/config")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

/// Runs `lede ARGS` with LEDE_CONFIG set and stdin/stdout/stderr piped.
fn lede(config: &Path, args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .env("LEDE_CONFIG", config)
        .env("LEDE_LIBRARY", home.path().join("library"))
        .env("XDG_CONFIG_HOME", home.path().join("xdg-config"))
        .env("XDG_DATA_HOME", home.path().join("xdg-data"))
        .env("HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn article(dir: &Path) -> PathBuf {
    let path = dir.join("a.txt");
    std::fs::write(&path, "Title\n\nAnna Berg spoke in Oslo.").unwrap();
    path
}

#[test]
fn valid_files_load() {
    for file in data("valid") {
        let text = std::fs::read_to_string(&file).unwrap();
        let parsed = config::parse(&text, &file);
        assert!(parsed.is_ok(), "{}: {parsed:?}", file.display());
        let dir = tempfile::tempdir().unwrap();
        let out = lede(&file, &[article(dir.path()).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", file.display());
        assert!(String::from_utf8_lossy(&out.stdout).contains("Anna Berg spoke"));
    }
}

#[test]
fn full_file_sets_every_key() {
    let file = data("valid")
        .into_iter()
        .find(|f| f.ends_with("full.toml"))
        .unwrap();
    let c = config::parse(&std::fs::read_to_string(&file).unwrap(), &file).unwrap();
    assert!(!c.mouse);
    assert!(c.sidebar.left);
    assert_eq!(c.sidebar.width, 30);
    assert_eq!(
        c.palette.organization,
        ratatui::style::Color::Rgb(0xaa, 0x55, 0xff)
    );
    assert_eq!(c.keys.len(), 4);
}

#[test]
fn invalid_files_fail_with_one_line_naming_file_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let article = article(dir.path());
    for file in data("invalid") {
        let text = std::fs::read_to_string(&file).unwrap();
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{}: no '# expect:' line", file.display()));
        // With a file and with none (the sample list): the config comes first.
        for args in [vec![article.to_str().unwrap()], vec![]] {
            let out = lede(&file, &args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{}: {stderr}", file.display());
            assert!(out.stdout.is_empty(), "{}", file.display());
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            let prefix = format!("lede: {}: ", file.display());
            assert!(stderr.starts_with(&prefix), "{stderr}");
            assert!(stderr.contains(expect), "{stderr} lacks {expect}");
        }
    }
}

#[test]
fn config_path_honours_lede_config_and_xdg() {
    let home = tempfile::tempdir().unwrap();
    let run = |lede_config: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_lede"));
        cmd.args(["config", "path"])
            .env("XDG_CONFIG_HOME", home.path().join("xdg"))
            .env("HOME", home.path());
        match lede_config {
            Some(p) => cmd.env("LEDE_CONFIG", p),
            None => cmd.env_remove("LEDE_CONFIG"),
        };
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(run(Some("/x/my.toml")), "/x/my.toml\n");
    let xdg = home.path().join("xdg/lede/config.toml");
    assert_eq!(run(None), format!("{}\n", xdg.display()));
    // Looking never creates it.
    assert!(!xdg.exists() && !home.path().join("xdg").exists());
}

#[test]
fn help_shows_rebound_keys() {
    let c = config::parse(
        "[keys]\nscroll_down = ['n', 'ctrl-e']\n",
        Path::new("c.toml"),
    )
    .unwrap();
    let mut keymap = Keymap::with_overrides(&c.keys);
    let article = lede::article::load_bytes("a.txt", b"T\n\nText.").unwrap();
    let app = App::new(
        vec![Analysed {
            article,
            analysis: lede::nlp::Analysis::default(),
        }],
        Start::Reader,
        &keymap,
        Theme::default(),
    );
    let rows = app.help_rows();
    assert!(rows.contains(&("n Ctrl-E".to_owned(), Action::ScrollDown.describe())));
    // n left next_mention; N stays on prev_mention.
    assert!(
        !rows
            .iter()
            .any(|(_, d)| *d == Action::NextMention.describe())
    );
    assert!(rows.contains(&("N".to_owned(), Action::PrevMention.describe())));
    use lede::tui::keymap::Key;
    assert_eq!(keymap.press(Key::char('n')), Some(Action::ScrollDown));
    assert_eq!(keymap.press(Key::char('j')), None);
}
