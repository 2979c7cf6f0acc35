//! `lede tag --jsonl`: the pipeline protocol (DESIGN.md section 4), the
//! interface `../shared/eval/` scores and batch engines call.
//!
//! # Protocol
//!
//! **Input** (stdin): one JSON object per line, `{"id": any, "text": string}`.
//! Unknown fields are ignored. The `id` may be any JSON value and is echoed
//! byte for byte.
//!
//! **Output** (stdout): exactly one line per input line, in input order:
//!
//! ```json
//! {"id": 7, "entities": [{"label": "PERSON", "start": 0, "end": 5, "text": "Putin"}],
//!  "quotes": [{"start": 12, "end": 30, "text": "...", "speaker": "Vladimir Putin"}]}
//! ```
//!
//! - `label` is `PERSON`, `PLACE` or `ORG`; `speaker` is the canonical name of
//!   the linked entity, or `null`.
//! - `start`/`end` are Unicode scalar-value offsets (Python `str` indices), end
//!   exclusive, into `text` exactly as given: nothing is stripped or added, and
//!   control characters count as whitespace.
//! - Empty input gives empty output.
//! - A bad line (not JSON, not an object, no string `text`, invalid UTF-8)
//!   still gets one line, `{"id": <id or null>, "error": "...", "entities": [],
//!   "quotes": []}`, plus `lede: stdin line N: ...` on stderr; the run then
//!   exits 1 after finishing every line.
//! - Streaming in constant memory: each line is answered before the next is
//!   read, and output is flushed whenever no more input is waiting.

use std::io::{self, BufRead, BufReader, Read, Write};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::nlp::{Analysis, Analyzer};

#[derive(Deserialize)]
struct Request<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    text: Option<serde_json::Value>,
}

/// One entity mention on the wire.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct WireEntity {
    /// `PERSON`, `PLACE` or `ORG`.
    pub label: String,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The mention's text.
    pub text: String,
}

/// One quote on the wire.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct WireQuote {
    /// First char of the quoted text.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The quoted text.
    pub text: String,
    /// Canonical name of the speaker, or null.
    pub speaker: Option<String>,
}

#[derive(Serialize)]
struct Response<'a> {
    id: &'a RawValue,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    entities: Vec<WireEntity>,
    quotes: Vec<WireQuote>,
    /// Set when the text was over the analysis cap (a stderr notice, never sent).
    #[serde(skip)]
    limited: Option<crate::nlp::Limited>,
}

/// How a protocol run went: lines answered and lines that failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Input lines read.
    pub lines: usize,
    /// Lines answered with an error.
    pub failed: usize,
}

/// Runs the protocol from `input` to `output`; per-line errors go to `errors`.
///
/// # Errors
/// Only I/O errors on the streams themselves (a bad line is not an error).
pub fn run_jsonl(
    analyzer: &Analyzer,
    input: impl Read,
    mut output: impl Write,
    mut errors: impl Write,
) -> io::Result<Summary> {
    let null = RawValue::from_string("null".to_owned()).map_err(io::Error::other)?;
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut summary = Summary::default();
    let mut line = Vec::new();
    let mut line_out = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        summary.lines += 1;
        let raw = line.strip_suffix(b"\n").unwrap_or(&line);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let response = answer(analyzer, raw, &null);
        if let Some(message) = &response.error {
            summary.failed += 1;
            writeln!(errors, "lede: stdin line {}: {message}", summary.lines)?;
        }
        if let Some(limited) = &response.limited {
            writeln!(
                errors,
                "lede: stdin line {}: {}",
                summary.lines,
                limited.notice()
            )?;
        }
        // Serialise into a buffer first: a write error (a closed pipe) then
        // stays an io::Error the binary can recognise, not a serde error.
        line_out.clear();
        serde_json::to_writer(&mut line_out, &response).map_err(io::Error::other)?;
        line_out.push(b'\n');
        output.write_all(&line_out)?;
        // Flush when no further input is already buffered, so a caller that
        // waits for each answer gets it, and a bulk run still writes in blocks.
        if input.buffer().is_empty() {
            output.flush()?;
        }
    }
    output.flush()?;
    Ok(summary)
}

fn answer<'a>(analyzer: &Analyzer, raw: &'a [u8], null: &'a RawValue) -> Response<'a> {
    let fail = |id: &'a RawValue, error: String| Response {
        id,
        error: Some(error),
        entities: Vec::new(),
        quotes: Vec::new(),
        limited: None,
    };
    let Ok(text) = std::str::from_utf8(raw) else {
        return fail(null, "invalid UTF-8".to_owned());
    };
    let request: Request<'a> = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => return fail(null, format!("invalid JSON: {e}")),
    };
    let id = request.id.unwrap_or(null);
    match request.text {
        Some(serde_json::Value::String(text)) => {
            let analysis = analyzer.analyze_text(&text);
            let max = analyzer.max_analysis();
            Response {
                id,
                error: None,
                entities: wire_entities(&analysis),
                quotes: wire_quotes(&analysis),
                limited: (text.len() > max).then(|| crate::nlp::Limited {
                    field: crate::article::Field::Body,
                    analysed: crate::nlp::analysis_cut(&text, max),
                    total: text.len(),
                }),
            }
        }
        Some(_) => fail(id, "\"text\" is not a string".to_owned()),
        None => fail(id, "missing \"text\"".to_owned()),
    }
}

/// Mentions as wire entities, in text order.
#[must_use]
pub fn wire_entities(analysis: &Analysis) -> Vec<WireEntity> {
    let mut out: Vec<WireEntity> = analysis
        .mentions
        .iter()
        .map(|m| WireEntity {
            label: analysis.entities[m.entity].kind.label().to_owned(),
            start: m.start,
            end: m.end,
            text: m.text.clone(),
        })
        .collect();
    out.sort_by_key(|e| (e.start, e.end));
    out
}

/// Quotes on the wire, in text order.
#[must_use]
pub fn wire_quotes(analysis: &Analysis) -> Vec<WireQuote> {
    analysis
        .quotes
        .iter()
        .map(|q| WireQuote {
            start: q.start,
            end: q.end,
            text: q.text.clone(),
            speaker: analysis.speaker_name(q).map(str::to_owned),
        })
        .collect()
}
