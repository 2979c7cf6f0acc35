//! The text loaders (plain, Markdown, JSON, JSON Lines, and sniffing), the
//! format picked by the first byte so one corpus covers them all.
#![no_main]

mod common;

use lede::article::{Format, detect_format, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 5 {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::Json,
        3 => Format::JsonLines,
        _ => detect_format(None, bytes),
    };
    common::check_loaded(parse("fuzz", format, bytes));
});
