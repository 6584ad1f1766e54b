//! The external checkers of the TBX tests: `xmllint` (Debian's libxml2-utils) for the core
//! structure's RELAX NG schema, and `tests/validators/schematron.py` (Python with saxonche)
//! for the TBX-Basic dialect's Schematron rules.
//!
//! The schemas are LTAC's (TBX_Core_RNG and TBX-Basic_dialect), which publish no licence, so
//! they are not copied into this repository: the tests look for them in the folder that
//! `TERMBRIDGE_TBX_SCHEMAS` names, else in `../shared/schemas/tbx-basic` beside the
//! repository. A missing checker or schema skips a check with a note; with
//! `TERMBRIDGE_REQUIRE_VALIDATORS=1` (CI sets it, after installing the checkers) a missing
//! checker is a failure. Missing schemas only skip: they are no part of the repository, and
//! a clone may stand where they are not.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The core structure's schema and the dialect's Schematron.
pub const CORE_RNG: &str = "TBXcoreStructV03.rng";
pub const BASIC_SCH: &str = "TBX-Basic_DCA.sch";

/// The checkers, once found.
pub struct Validators {
    schemas: PathBuf,
}

/// Whether a missing checker fails the test instead of skipping it.
fn required() -> bool {
    std::env::var("TERMBRIDGE_REQUIRE_VALIDATORS").is_ok_and(|v| v == "1")
}

/// Whether Python can import `module`, a reader of the formats other tools use; when it cannot,
/// a note on standard error, or a panic when the checks are required (CI).
pub fn python_has(module: &str, package: &str) -> bool {
    if runs("python3", &["-c", &format!("import {module}")]) {
        return true;
    }
    assert!(!required(), "TERMBRIDGE_REQUIRE_VALIDATORS=1, and this is missing: the Python package {package}");
    eprintln!("note: the {package} check skipped: pip install {package}");
    false
}

/// The checkers, or `None` (after a note on standard error) when one is missing and not
/// required, or the schemas are missing. Panics when a checker is missing and required.
pub fn find() -> Option<Validators> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schemas = std::env::var_os("TERMBRIDGE_TBX_SCHEMAS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/schemas/tbx-basic"));
    let missing_tool = if !runs("xmllint", &["--version"]) {
        Some("xmllint (apt-get install libxml2-utils)".to_string())
    } else if !runs("python3", &["-c", "import saxonche"]) {
        Some("the Python package saxonche (pip install saxonche)".to_string())
    } else {
        None
    };
    if let Some(what) = missing_tool {
        assert!(!required(), "TERMBRIDGE_REQUIRE_VALIDATORS=1, and this is missing: {what}");
        eprintln!("note: TBX schema validation skipped, this is missing: {what}");
        return None;
    }
    if !schemas.join(CORE_RNG).is_file() || !schemas.join(BASIC_SCH).is_file() {
        eprintln!(
            "note: TBX schema validation skipped, the TBX-Basic schemas are not in {} (set TERMBRIDGE_TBX_SCHEMAS)",
            schemas.display()
        );
        return None;
    }
    Some(Validators { schemas })
}

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).output().is_ok_and(|o| o.status.success())
}

impl Validators {
    /// What the RELAX NG schema and the Schematron rules say of `file`: `Ok` when both
    /// accept it, else their messages.
    pub fn check(&self, file: &Path) -> Result<(), String> {
        let rng = Command::new("xmllint")
            .args(["--noout", "--relaxng"])
            .arg(self.schemas.join(CORE_RNG))
            .arg(file)
            .output()
            .expect("run xmllint");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validators/schematron.py");
        let sch = Command::new("python3")
            .arg(script)
            .arg(self.schemas.join(BASIC_SCH))
            .arg(file)
            .output()
            .expect("run the Schematron checker");
        let mut problems = String::new();
        for (name, out) in [("RELAX NG", rng), ("Schematron", sch)] {
            if !out.status.success() {
                let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
                let first: Vec<&str> = text.lines().take(10).collect();
                problems.push_str(&format!("{name}:\n{}\n", first.join("\n")));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}
