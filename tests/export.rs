//! `lede export` through the real binary, on temporary libraries whose
//! highlights are written through the library's highlights API: every format
//! read back with a parser (CSV, YAML front matter, JSON, Markdown events),
//! hostile article text, orphaned highlights, scope and filters, overwrite
//! and append rules, and read-only / full destinations.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use lede::article::Field;
use lede::library::{Library, NewHighlight};

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
    fn run(&self, args: &[&str]) -> Output {
        common::lede_in(self.tmp.path())
            .args(args)
            .env("LEDE_LIBRARY", self.lib())
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }
    /// Writes `text` to `name`, adds it to the library, returns its id.
    fn add(&self, name: &str, text: &str) -> String {
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        let out = self.run(&["add", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        lede::article::article_id(text.as_bytes())
    }
    /// Highlights the first occurrence of `needle` in the body of `id`.
    fn highlight(&self, id: &str, needle: &str, note: Option<&str>) {
        let library = Library::open(&self.lib()).unwrap();
        let body = library.load(id).map(|s| s.article.body).unwrap_or_default();
        let byte = body.find(needle).expect("needle in body");
        let start = body.get(..byte).unwrap().chars().count();
        let mut new = NewHighlight::from_text(
            id,
            Field::Body,
            &body,
            start,
            start + needle.chars().count(),
        );
        new.note = note.map(str::to_owned);
        library.add_highlight(&new).unwrap();
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const BRIDGE: &str = "Bridge reopens in Riverside\n\n\
    Mayor Jane Roe opened the Riverside bridge on Monday after two years of repairs.\n\n\
    \"Nobody will wait at the river again,\" Roe said at the ceremony.\n\n\
    The Riverside Transit Authority will run buses across it from May.\n";

const HOSTILE: &str = "Title with \"quotes\": <script>alert(1)</script> # not: a comment\n\n\
    Jane Roe wrote <script>alert('x')</script> and <img src=x onerror=\"alert(1)\"> here.\n\n\
    - not a list *not emphasis* [not a link](javascript:alert(1)) `code` ==mark== & &amp;\n\n\
    # not a heading | a | table | 1. not ordered\n";

/// The front matter of a Markdown export, parsed as YAML.
fn front_matter(markdown: &str) -> serde_norway::Value {
    let rest = markdown.strip_prefix("---\n").expect("front matter opens");
    let end = rest.find("\n---\n").expect("front matter closes");
    serde_norway::from_str(rest.get(..end).unwrap()).expect("front matter is YAML")
}

#[test]
fn csv_reads_back_with_a_csv_parser() {
    let home = Home::new();
    let id = home.add("bridge.txt", BRIDGE);
    home.highlight(
        &id,
        "Nobody will wait at the river again,",
        Some("=cmd|' /C calc'!A0"),
    );
    home.highlight(&id, "Mayor Jane Roe opened", None);
    let out = home.run(&["export", "--format", "csv", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "Highlight",
            "Title",
            "Author",
            "URL",
            "Note",
            "Location",
            "Date"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "highlights only, in reading order");
    assert_eq!(&rows[0][0], "Mayor Jane Roe opened");
    assert_eq!(&rows[1][0], "Nobody will wait at the river again,");
    assert_eq!(&rows[1][4], "'=cmd|' /C calc'!A0", "formula neutralised");
    assert_eq!(&rows[0][1], "Bridge reopens in Riverside");
    assert_eq!(&rows[0][5], "0");
    let date = &rows[0][6];
    assert_eq!(date.len(), 19, "{date}");
    assert!(
        date.starts_with("20") && date.get(10..11) == Some(" "),
        "{date}"
    );
    // --all adds the quote as a row with its speaker; entities never are rows.
    let out = home.run(&["export", "--format", "csv", "--all", &id]);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 3, "{}", stdout(&out));
    assert_eq!(&rows[2][4], "speaker: Jane Roe");
}

/// Every extension a note app might enable, but not smart punctuation
/// (it rewrites quotes, which the text comparison would then miss).
fn markdown_options() -> pulldown_cmark::Options {
    let mut options = pulldown_cmark::Options::all();
    options.remove(pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION);
    options
}

#[test]
fn markdown_front_matter_and_text_survive_hostile_articles() {
    let home = Home::new();
    let id = home.add("hostile.txt", HOSTILE);
    home.highlight(
        &id,
        "Jane Roe wrote <script>",
        Some("[x](javascript:y) <b>"),
    );
    home.highlight(&id, "- not a list *not emphasis*", None);
    home.highlight(&id, "# not a heading | a | table | 1. not ordered", None);
    let out = home.run(&["export", "--wikilinks", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let markdown = stdout(&out);
    let yaml = front_matter(&markdown);
    assert_eq!(
        yaml["title"].as_str(),
        Some("Title with \"quotes\": <script>alert(1)</script> # not: a comment")
    );
    assert!(yaml["people"].is_sequence(), "{markdown}");
    assert!(yaml["url"].is_null());
    // Parse the body: no HTML, links, emphasis, lists, code or extra headings.
    let body = markdown.splitn(3, "---\n").nth(2).unwrap();
    let mut texts = String::new();
    let mut headings = 0;
    for event in pulldown_cmark::Parser::new_ext(body, markdown_options()) {
        use pulldown_cmark::{Event, LinkType, Tag};
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML got through: {h}\n{markdown}"),
            Event::Code(c) => panic!("code span: {c}\n{markdown}"),
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { .. },
                ..
            }) => {}
            Event::Start(Tag::Link { dest_url, .. }) => panic!("link {dest_url}\n{markdown}"),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Table(_)) => {
                panic!("markup got through\n{markdown}")
            }
            Event::Start(Tag::List(_)) => panic!("list got through\n{markdown}"),
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Text(t) => texts.push_str(&t),
            _ => {}
        }
    }
    assert_eq!(headings, 2, "the title and ## Highlights only:\n{markdown}");
    for piece in [
        "Title with \"quotes\": <script>alert(1)</script> # not: a comment",
        "Jane Roe wrote <script>",
        "- not a list *not emphasis*",
        "# not a heading | a | table | 1. not ordered",
        "[x](javascript:y) <b>",
    ] {
        assert!(texts.contains(piece), "{piece}\n{texts}");
    }
}

#[test]
fn html_escapes_hostile_text_and_is_self_contained() {
    let home = Home::new();
    let id = home.add("hostile.txt", HOSTILE);
    home.highlight(&id, "Jane Roe wrote", Some("\"><script>alert(2)</script>"));
    let page_path = home.path("page.html");
    let out = home.run(&[
        "export",
        "--format",
        "html",
        "-o",
        page_path.to_str().unwrap(),
        &id,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(&page_path).unwrap();
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script"), "{page}");
    assert!(!lower.contains("<img"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(!lower.contains("src=\"") && !lower.contains("href=\"http") && !lower.contains("url("));
    assert!(page.contains("<style>") && page.contains("Content-Security-Policy"));
    assert!(
        page.contains("class=\"ent person\""),
        "entities marked: {page}"
    );
    assert!(page.contains("<mark class=\"hl\">"), "highlight marked");
}

#[test]
fn orphaned_highlights_are_exported() {
    let home = Home::new();
    let id = home.add("bridge.txt", BRIDGE);
    home.highlight(&id, "Mayor Jane Roe opened", None);
    let library = Library::open(&home.lib()).unwrap();
    let mut gone = NewHighlight::from_text(&id, Field::Body, "Tolls end in May.", 0, 17);
    gone.note = Some("from the first version".into());
    library.add_highlight(&gone).unwrap();
    drop(library);
    let out = home.run(&["export", "--format", "json", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["format"], "lede-article");
    let highlights = doc["highlights"].as_array().unwrap();
    assert_eq!(highlights.len(), 2);
    assert_eq!(highlights[0]["orphaned"], false);
    assert_eq!(highlights[1]["orphaned"], true, "{highlights:?}");
    assert_eq!(highlights[1]["text"], "Tolls end in May.");
    assert_eq!(highlights[1]["note"], "from the first version");
    let markdown = stdout(&home.run(&["export", &id]));
    assert!(
        markdown.contains("> Tolls end in May.\n\n*(orphaned"),
        "{markdown}"
    );
}

#[test]
fn library_scope_filters_and_envelope() {
    let home = Home::new();
    let bridge = home.add("bridge.txt", BRIDGE);
    let other = home.add(
        "other.txt",
        "Budget vote\n\nSenator Bob Smith voted against the budget in Berlin.\n",
    );
    home.highlight(&bridge, "Mayor Jane Roe opened", None);
    home.highlight(&other, "voted against the budget", None);
    let all = home.run(&["export", "--format", "json"]);
    assert!(all.status.success(), "{}", stderr(&all));
    let value: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    assert_eq!(value["format"], "lede-export");
    assert_eq!(value["version"], 1);
    assert_eq!(value["articles"].as_array().unwrap().len(), 2);
    let ids = |args: &[&str]| -> Vec<String> {
        let out = home.run(args);
        assert!(out.status.success(), "{}", stderr(&out));
        if out.stdout.is_empty() {
            return Vec::new();
        }
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        value["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&["export", "--format", "json", "--entity", "roe"]),
        [bridge.as_str()]
    );
    assert_eq!(
        ids(&[
            "export",
            "--format",
            "json",
            "--entity",
            "Bob Smith",
            "--kind",
            "person"
        ]),
        [other.as_str()]
    );
    assert!(
        ids(&[
            "export",
            "--format",
            "json",
            "--entity",
            "Bob Smith",
            "--kind",
            "place"
        ])
        .is_empty()
    );
    assert_eq!(
        ids(&["export", "--format", "json", "--since", "2000-01-01"]).len(),
        2
    );
    let future = home.run(&["export", "--format", "json", "--since", "2999-01-01"]);
    assert!(future.status.success());
    assert!(stderr(&future).contains("nothing to export"));
    let bad = home.run(&["export", "--since", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    // Several markdown articles: one file each in -o DIR.
    let dir = home.path("notes");
    let out = home.run(&["export", "-o", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    // displaCy: a list, offsets into each text.
    let out = home.run(&["export", "--format", "displacy"]);
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for doc in docs.as_array().unwrap() {
        let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
        for ent in doc["ents"].as_array().unwrap() {
            let (s, e) = (
                ent["start"].as_u64().unwrap() as usize,
                ent["end"].as_u64().unwrap() as usize,
            );
            assert!(e <= text.len() && s < e, "{ent}");
        }
    }
}

#[test]
fn export_file_uses_the_highlights_stored_for_it() {
    let home = Home::new();
    // A library exists, but the file is not stored in it.
    home.add("other.txt", "Other\n\nSomething else entirely.\n");
    let file = home.path("loose.txt");
    std::fs::write(&file, BRIDGE).unwrap();
    let id = lede::article::article_id(BRIDGE.as_bytes());
    let article = lede::article::load_bytes("loose.txt", BRIDGE.as_bytes()).unwrap();
    let library = Library::open(&home.lib()).unwrap();
    let needle = "after two years of repairs";
    let byte = article.body.find(needle).unwrap();
    let start = article.body.get(..byte).unwrap().chars().count();
    library
        .add_highlight(&NewHighlight::from_text(
            &id,
            Field::Body,
            &article.body,
            start,
            start + needle.chars().count(),
        ))
        .unwrap();
    drop(library);
    let out = home.run(&["export", "--format", "csv", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("after two years of repairs,"),
        "{}",
        stdout(&out)
    );
    // No highlights: entities and quotes by default.
    let plain = home.path("plain.txt");
    std::fs::write(
        &plain,
        "Plain\n\n\"We will be back next year,\" Jane Roe said in Paris.\n",
    )
    .unwrap();
    let out = home.run(&["export", plain.to_str().unwrap()]);
    let markdown = stdout(&out);
    assert!(
        markdown.contains("## Quotes") && markdown.contains("## Entities"),
        "{markdown}"
    );
}

#[test]
fn existing_files_need_force_and_clippings_append_once() {
    let home = Home::new();
    let id = home.add("bridge.txt", BRIDGE);
    home.highlight(&id, "Mayor Jane Roe opened", Some("first"));
    let target = home.path("out.json");
    std::fs::write(&target, "old").unwrap();
    let out = home.run(&[
        "export",
        "--format",
        "json",
        "-o",
        target.to_str().unwrap(),
        &id,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    let out = home.run(&[
        "export",
        "--format",
        "json",
        "--force",
        "-o",
        target.to_str().unwrap(),
        &id,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("lede-article")
    );

    let clippings = home.path("My Clippings.txt");
    let c = clippings.to_str().unwrap();
    let first = home.run(&["export", "--format", "clippings", "-o", c, &id]);
    assert!(first.status.success(), "{}", stderr(&first));
    let once = std::fs::read(&clippings).unwrap();
    assert!(once.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(once.clone()).unwrap();
    assert_eq!(
        text.matches("==========\r\n").count(),
        2,
        "highlight + note:\n{text}"
    );
    let again = home.run(&["export", "--format", "clippings", "-o", c, &id]);
    assert!(again.status.success());
    assert_eq!(std::fs::read(&clippings).unwrap(), once, "no duplicates");
    home.highlight(&id, "Nobody will wait", None);
    home.run(&["export", "--format", "clippings", "-o", c, &id]);
    let text = std::fs::read_to_string(&clippings).unwrap();
    assert_eq!(text.matches("==========\r\n").count(), 3, "{text}");
    assert_eq!(text.matches('\u{feff}').count(), 1);
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
        .env("LEDE_LIBRARY", home.lib())
        .env("LEDE_CONFIG", home.path("config.toml"))
        .env("XDG_DATA_HOME", home.path("xdg-data"))
        .env("XDG_CONFIG_HOME", home.path("xdg-config"))
        .output()
        .unwrap();
    Some(out)
}

#[test]
fn read_only_destination_keeps_the_old_file() {
    let home = Home::new();
    let id = home.add("bridge.txt", BRIDGE);
    std::fs::create_dir(home.path("ro")).unwrap();
    std::fs::write(home.path("ro/out.md"), "old notes").unwrap();
    // Bind the folder read-only over itself: the old file stays readable.
    let script = format!(
        "mount --bind \"$2/ro\" \"$2/ro\" && mount -o remount,bind,ro \"$2/ro\" || exit 77; \
         \"$1\" export --force -o \"$2/ro/out.md\" {id}; echo \"status $?\" >&2; cat \"$2/ro/out.md\""
    );
    let Some(out) = unshared(&home, &script) else {
        return;
    };
    if out.status.code() == Some(77) {
        println!("skipped: read-only bind mount refused");
        return;
    }
    let err = stderr(&out);
    assert!(err.contains("status 1"), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("lede:")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("read-only") && lines[0].contains("old file is unchanged"),
        "{err}"
    );
    assert_eq!(stdout(&out), "old notes");
}

#[test]
fn full_disk_keeps_the_old_file() {
    let home = Home::new();
    let mut text = String::from("A long story\n\n");
    for i in 0..1000 {
        text.push_str(&format!("Jane Roe walked to Paris on day {i} and more. "));
        if i % 20 == 0 {
            text.push_str("\n\n");
        }
    }
    let id = home.add("long.txt", &text);
    std::fs::create_dir(home.path("full")).unwrap();
    let script = format!(
        "mount -t tmpfs -o size=64k tmpfs \"$2/full\" || exit 77; \
         printf 'old page' > \"$2/full/page.html\"; \
         \"$1\" export --format html --force -o \"$2/full/page.html\" {id}; echo \"status $?\" >&2; \
         cat \"$2/full/page.html\"; ls -a \"$2/full\" >&2"
    );
    let Some(out) = unshared(&home, &script) else {
        return;
    };
    if out.status.code() == Some(77) {
        println!("skipped: tmpfs mount refused");
        return;
    }
    let err = stderr(&out);
    assert!(err.contains("status 1"), "{err}");
    assert!(
        err.contains("no space left") && err.contains("old file is unchanged"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        !err.contains(".lede-export-"),
        "temp file cleaned up: {err}"
    );
    assert_eq!(stdout(&out), "old page");
}

#[test]
fn export_never_panics_without_a_library() {
    let home = Home::new();
    let out = home.run(&["export"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no library"), "{}", stderr(&out));
    let out = home.run(&["export", "abc123"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
}
