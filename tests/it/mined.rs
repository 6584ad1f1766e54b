//! The mined reference, a tier below the curated one: its suggestions, the curated tier and
//! the text's own gloss winning over it, and both tiers turned off.

use super::run;
use termbridge::{Extractor, Method, Reference};

/// A curated termbase of the cases below.
const CURATED: &str = "english,chinese\nfeature store,特征存储\n";
/// A mined termbase of the cases below: the curated English with other Chinese, and terms of
/// its own.
const MINED: &str = "english,chinese,abbreviation,documents,glosses\n\
    feature store,特征仓库,,9,12\nshadow deployment,影子部署|影子发布,,5|2,6|2\nblue-green release,蓝绿发布,,1,1\n";

fn extractor(builtin: bool, mined: bool) -> Extractor {
    let mut b = Extractor::builder().builtin_reference(builtin);
    b = b.reference(Reference::from_csv_reader("curated.csv", CURATED.as_bytes()).unwrap());
    if mined {
        b = b.reference(Reference::mined_from_csv_reader("mined.csv", MINED.as_bytes()).unwrap());
    }
    b.build().unwrap()
}

/// (what, with the mined tier, text, english, expected chinese, expected method, expected note)
type Case = (&'static str, bool, &'static str, &'static str, &'static [&'static str], Option<Method>, &'static str);

#[test]
fn the_mined_tier_suggests_below_the_curated_one() {
    let table: &[Case] = &[
        (
            "a term only the mined tier knows, its Chinese not in the text",
            true,
            "上线前先做 shadow deployment，观察新版本的表现。",
            "shadow deployment",
            &[],
            None,
            "suggested (mined, 5 documents): 影子部署",
        ),
        (
            "one document",
            true,
            "团队改用 blue-green release 上线新版本。",
            "blue-green release",
            &[],
            None,
            "suggested (mined, 1 document): 蓝绿发布",
        ),
        (
            "the mined Chinese used by the text nearby",
            true,
            "上线前先做 shadow deployment。影子部署能在不影响用户的情况下观察新版本。",
            "shadow deployment",
            &["影子部署"],
            Some(Method::Reference),
            "",
        ),
        (
            "the curated tier wins over the mined one",
            true,
            "我们把特征放进 feature store，供训练和推理共用。",
            "feature store",
            &[],
            None,
            "suggested: 特征存储",
        ),
        (
            "the text's own gloss wins over both tiers, and the mined tier adds no note",
            true,
            "上线前，影子服务（shadow deployment）能验证新版本。",
            "shadow deployment",
            &["影子服务"],
            Some(Method::Parenthesis),
            "",
        ),
        (
            "without the mined tier",
            false,
            "上线前先做 shadow deployment，观察新版本的表现。",
            "shadow deployment",
            &[],
            None,
            "",
        ),
    ];
    for (what, mined, text, english, chinese, method, note) in table {
        let g = extractor(false, *mined).extract(text);
        let e = g.get(english).unwrap_or_else(|| panic!("{what}: no {english} in {:?}", g.entries()));
        assert_eq!(e.chinese, *chinese, "{what}");
        assert_eq!(e.method, *method, "{what}");
        assert_eq!(e.note, *note, "{what}");
    }
}

#[test]
fn a_mined_entry_never_replaces_a_curated_one() {
    let mut r = Reference::from_csv_reader("curated.csv", CURATED.as_bytes()).unwrap();
    r.extend(Reference::mined_from_csv_reader("mined.csv", MINED.as_bytes()).unwrap());
    assert_eq!(r.get("feature store").unwrap().chinese, ["特征存储"]);
    assert!(r.get_mined("feature store").is_none());
    assert!(r.get("shadow deployment").is_none(), "the curated look-up sees no mined entry");
    let shadow = r.get_mined("shadow deployments").unwrap();
    assert_eq!(
        (shadow.chinese.as_slice(), shadow.mined),
        (&["影子部署".to_string(), "影子发布".to_string()][..], Some(5))
    );
}

#[test]
fn the_shipped_mined_tier_and_no_reference() {
    let mined = Reference::mined().unwrap();
    let curated = Reference::builtin().unwrap();
    // a shipped mined term the curated reference lacks
    let e = mined.entries().iter().find(|e| e.english == "GCP").expect("GCP in glossary/mined.csv");
    assert!(curated.get("GCP").is_none());
    let want = format!("suggested (mined, {} documents): {}", e.mined.unwrap(), e.chinese[0]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.md"), "我们把服务迁到了 GCP 上，成本降低了不少。\n").unwrap();
    let note = |args: &[&str]| {
        let (code, out, err) = run(args, dir.path());
        assert_eq!(code, 0, "{err}");
        let csv = String::from_utf8(out).unwrap();
        let line =
            csv.lines().find(|l| l.starts_with("GCP,")).unwrap_or_else(|| panic!("no GCP row: {csv}")).to_string();
        line
    };
    assert!(note(&["extract", "t.md"]).contains(&want));
    assert!(!note(&["extract", "t.md", "--no-reference"]).contains("suggested"));
}

/// The rules that build `glossary/mined.csv` (`examples/mined/build.py`), tested by Python
/// (skipped, with a note, where there is no `python3`).
#[test]
fn the_build_rules_of_the_mined_reference() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = match std::process::Command::new("python3")
        .args(["-m", "unittest", "discover", "-s", "examples/mined"])
        .current_dir(root)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
    {
        Ok(out) => out,
        Err(e) => return eprintln!("note: the tests of examples/mined are skipped: no python3 ({e})"),
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
