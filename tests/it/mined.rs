//! The mined reference, a tier below the curated one: its suggestions, the curated tier and
//! the text's own gloss winning over it, and both tiers turned off.

use super::run;
use termbridge::{Extractor, Markup, Method, Reference, Source};

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
    // a shipped mined term the curated reference lacks, and a short acronym of it
    let gtb = mined.get_mined("Gradient Tree Boosting").expect("Gradient Tree Boosting in glossary/mined.csv");
    assert!(mined.get_mined("GCP").is_some() && curated.get("GCP").is_none() && curated.get(&gtb.english).is_none());
    let want = format!("suggested (mined, {} documents): {}", gtb.mined.unwrap(), gtb.chinese[0]);
    let dir = tempfile::tempdir().unwrap();
    let text = "我们把服务迁到了 GCP 上，成本降低了不少。训练时用的是 Gradient Tree Boosting。\n";
    std::fs::write(dir.path().join("t.md"), text).unwrap();
    let row = |args: &[&str], english: &str| {
        let (code, out, err) = run(args, dir.path());
        assert_eq!(code, 0, "{err}");
        let csv = String::from_utf8(out).unwrap();
        let start = format!("{english},");
        csv.lines().find(|l| l.starts_with(&start)).unwrap_or_else(|| panic!("no {english} row: {csv}")).to_string()
    };
    assert!(row(&["extract", "t.md"], "Gradient Tree Boosting").contains(&want));
    // a short acronym has several senses: the text says nothing of which
    assert!(!row(&["extract", "t.md"], "GCP").contains("suggested"));
    assert!(!row(&["extract", "t.md", "--no-reference"], "Gradient Tree Boosting").contains("suggested"));
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

/// A mined termbase of senses: short acronyms, one written with its full form, and an English
/// glossed in two senses.
const SENSES: &str = "english,chinese,abbreviation,documents,glosses\n\
    OU,组织单位,,5,5\nAzure Resource Manager,Azure 资源管理器,ARM,3,3\nspout,喷口|螺栓,,4|3,5|3\n\
    gradient clipping,梯度裁剪,,6,6\n";

/// (what, inputs, english, expected note, expected Chinese)
type SenseCase = (&'static str, &'static [&'static str], &'static str, &'static str, &'static [&'static str]);

#[test]
fn a_mined_pair_of_several_senses_is_used_only_where_the_text_shows_its_sense() {
    let extractor = Extractor::builder()
        .builtin_reference(false)
        .reference(Reference::mined_from_csv_reader("senses.csv", SENSES.as_bytes()).unwrap())
        .build()
        .unwrap();
    let table: &[SenseCase] = &[
        ("a short acronym, nothing of its sense", &["动作噪声用 OU 过程生成，探索更平滑。"], "OU", "", &[]),
        (
            "a short acronym, its Chinese in the same input",
            &["每个 OU 下面放若干账号。组织单位可以嵌套，策略按层级继承。"],
            "OU",
            "suggested (mined, 5 documents): 组织单位",
            &[],
        ),
        (
            "a short acronym, its Chinese only in another input",
            &["动作噪声用 OU 过程生成，探索更平滑。", "组织单位可以嵌套，策略按层级继承。"],
            "OU",
            "",
            &[],
        ),
        (
            "an acronym known by its full form, nothing of its sense",
            &["ARM 处理器功耗低，手机上很常见。"],
            "ARM",
            "",
            &[],
        ),
        (
            "an acronym known by its full form, the full form in the same input",
            &["部署模板交给 Azure Resource Manager 执行。写好的 ARM 模板可以反复使用。"],
            "ARM",
            "suggested (mined, 3 documents): Azure 资源管理器",
            &[],
        ),
        ("two senses, nothing of either", &["拓扑里的 spout 负责读取数据。"], "spout", "", &[]),
        (
            "two senses, the second shown: suggested in that sense",
            &["拓扑里的 spout 把数据交给下游处理。螺栓负责计算，结果写回存储。"],
            "spout",
            "suggested (mined, 4 documents): 螺栓",
            &[],
        ),
        (
            "one sense, a term of several words: suggested anywhere",
            &["训练不稳定时，可以试试 gradient clipping。"],
            "gradient clipping",
            "suggested (mined, 6 documents): 梯度裁剪",
            &[],
        ),
    ];
    for (what, inputs, english, note, chinese) in table {
        let names: Vec<String> = (0..inputs.len()).map(|i| format!("{i}.md")).collect();
        let sources: Vec<Source<'_>> =
            inputs.iter().zip(&names).map(|(text, name)| Source { name, text, markup: Markup::Plain }).collect();
        let g = extractor.extract_sources(&sources);
        let e = g.get(english).unwrap_or_else(|| panic!("{what}: no {english} in {:?}", g.entries()));
        assert_eq!(
            (e.note.as_str(), e.chinese.as_slice()),
            (*note, &chinese.iter().map(|z| z.to_string()).collect::<Vec<_>>()[..]),
            "{what}"
        );
    }
}
