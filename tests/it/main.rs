//! All integration tests, one binary (it links once): each module covers one area.

mod api;
mod boundaries;
mod browser;
mod check;
mod check_pieces;
mod cli;
mod composed;
mod cut;
mod encodings;
mod exclude;
mod exports;
mod golden;
mod hostile_exports;
mod json_termbase;
mod keep;
mod layers;
mod markup;
mod merge;
mod mined;
mod occurrences;
mod pair_counts;
mod partial;
mod pieces;
mod properties;
mod quality;
mod reference;
mod renderings;
mod review_page;
mod rows;
mod spark;
mod spreadsheets;
mod tbx;
mod termbases;
mod validators;
mod webdriver;

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

/// `termbridge ARGS...` in `dir`: exit code, standard output, standard error.
fn run<S: AsRef<OsStr>>(args: &[S], dir: &Path) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_termbridge")).args(args).current_dir(dir).output().unwrap();
    (out.status.code().unwrap(), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}
