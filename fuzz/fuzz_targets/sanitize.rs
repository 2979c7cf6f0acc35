//! The sanitiser: nothing a terminal would interpret survives, and sanitising
//! is idempotent.
#![no_main]

mod common;

use lede::article::sanitize::sanitize;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let out = sanitize(text);
    common::assert_clean("sanitize", &out);
    assert_eq!(sanitize(&out), out, "not idempotent");
});
