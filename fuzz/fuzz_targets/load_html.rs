//! The html loader on arbitrary bytes: no panic, clean fields, one-line errors.
#![no_main]

mod common;

use lede::article::{Format, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::check_loaded(parse("fuzz", Format::Html, data));
});
