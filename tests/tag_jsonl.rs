//! `lede tag --jsonl` end to end: the protocol of DESIGN.md section 4, run
//! through the real binary.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run_jsonl(input: &[u8]) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    let mut child = common::lede_in(home.path())
        .args(["tag", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lede");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("wait for lede")
}

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn tag_jsonl_empty_input_gives_empty_output() {
    let output = run_jsonl(b"");
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    assert!(output.stderr.is_empty());
}

#[test]
fn tag_jsonl_echoes_ids_of_any_json_type() {
    let ids = [
        r#""a""#,
        "7",
        "1.50",
        "null",
        "true",
        r#"{"k":[1,2]}"#,
        "[1,\"x\"]",
        "-0",
    ];
    let input: String = ids
        .iter()
        .map(|id| format!("{{\"id\":{id},\"text\":\"Hello.\",\"extra\":1}}\n"))
        .collect();
    let output = run_jsonl(input.as_bytes());
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let got: Vec<&str> = stdout.lines().collect();
    assert_eq!(got.len(), ids.len());
    for (line, id) in got.iter().zip(ids) {
        assert!(
            line.starts_with(&format!("{{\"id\":{id},")),
            "id {id} not echoed byte for byte: {line}"
        );
    }
}

#[test]
fn tag_jsonl_missing_id_is_null() {
    let output = run_jsonl(b"{\"text\":\"Hello.\"}\n");
    assert!(output.status.success());
    assert_eq!(lines(&output)[0]["id"], Value::Null);
}

#[test]
fn tag_jsonl_bad_lines_get_an_error_line_and_exit_1() {
    let input = b"{\"id\":1,\"text\":\"Fine.\"}\nnot json\n{\"id\":3}\n{\"id\":4,\"text\":5}\n\xff\xfe\n{\"id\":6,\"text\":\"Also fine.\"}\n";
    let output = run_jsonl(input);
    assert_eq!(output.status.code(), Some(1));
    let out = lines(&output);
    assert_eq!(out.len(), 6, "one output line per input line");
    let ids: Vec<Value> = out.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            Value::from(1),
            Value::Null,
            Value::from(3),
            Value::from(4),
            Value::Null,
            Value::from(6)
        ]
    );
    for (i, line) in out.iter().enumerate() {
        let bad = matches!(i, 1..=4);
        assert_eq!(line.get("error").is_some(), bad, "line {}: {line}", i + 1);
        if bad {
            assert_eq!(line["entities"], serde_json::json!([]));
        }
        assert!(line["quotes"].is_array());
    }
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    let err_lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(err_lines.len(), 4, "{stderr}");
    for (line, n) in err_lines.iter().zip([2, 3, 4, 5]) {
        assert!(
            line.starts_with(&format!("lede: stdin line {n}: ")),
            "{line}"
        );
    }
}

#[test]
fn tag_jsonl_offsets_index_non_ascii_text() {
    let texts = [
        "🎉🎉 Angela Merkel met Emmanuel Macron in Paris on Tuesday.",
        "東京で会談。 President Joe Biden spoke with Olaf Scholz in Berlin.",
        "Ça va: François Hollande and José Manuel Barroso visited Zürich and São Paulo.",
        "Control\u{1}chars\u{7}count as\u{1b}whitespace: Boris Johnson in London.",
    ];
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({"id": i, "text": t})))
        .collect();
    let output = run_jsonl(input.as_bytes());
    assert!(output.status.success());
    let out = lines(&output);
    let mut total = 0;
    for (line, text) in out.iter().zip(texts) {
        for entity in line["entities"].as_array().expect("entities") {
            let start = usize::try_from(entity["start"].as_u64().expect("start")).expect("fits");
            let end = usize::try_from(entity["end"].as_u64().expect("end")).expect("fits");
            assert_eq!(
                slice_chars(text, start, end),
                entity["text"].as_str().expect("text"),
                "in {text}"
            );
            assert!(matches!(
                entity["label"].as_str(),
                Some("PERSON" | "PLACE" | "ORG")
            ));
            total += 1;
        }
    }
    assert!(
        total >= 8,
        "expected the tagger to find the names, found {total}: {out:?}"
    );
}

#[test]
fn tag_jsonl_answers_each_line_before_input_ends() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["tag", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn lede");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        let _ = BufReader::new(stdout).read_line(&mut first);
        let _ = sender.send(first);
    });
    stdin
        .write_all(b"{\"id\":\"first\",\"text\":\"Hello.\"}\n")
        .expect("write");
    stdin.flush().expect("flush");
    let first = receiver.recv_timeout(Duration::from_secs(20));
    drop(stdin);
    let _ = child.wait();
    let first = first.expect("no answer while stdin stayed open: output is not streamed");
    assert!(first.starts_with("{\"id\":\"first\""), "{first}");
}

#[test]
fn tag_jsonl_closed_output_pipe_is_success() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["tag", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lede");
    // Close the reading end at once, as `| head` does once it has enough.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    let line = b"{\"id\":1,\"text\":\"Angela Merkel met Emmanuel Macron in Paris.\"}\n";
    for _ in 0..2000 {
        if stdin.write_all(line).is_err() {
            break;
        }
    }
    drop(stdin);
    let output = child.wait_with_output().expect("wait");
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
