//! The review page in a real browser (headless Chromium through chromedriver): made from a
//! fixture by the binary, loaded from `file://`, filtered, reviewed with the keyboard and the
//! mouse, reloaded, exported; the export merged with a fresh extraction by the binary.
//!
//! Without Chromium and chromedriver the tests print a note and pass, unless
//! `TERMBRIDGE_REQUIRE_BROWSER=1` makes that a failure (CI sets it). With
//! `TERMBRIDGE_SCREENSHOTS=DIR` they save the page at desktop and phone size there.

use crate::webdriver::{Browser, ENTER, ESCAPE};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review")
}

/// The browser, or `None` (with a note on standard error) when there is none to drive.
fn browser() -> Option<Browser> {
    match Browser::start() {
        Ok(b) => Some(b),
        Err(why) if std::env::var("TERMBRIDGE_REQUIRE_BROWSER").as_deref() == Ok("1") => {
            panic!("TERMBRIDGE_REQUIRE_BROWSER=1, and the browser cannot start: {why}")
        }
        Err(why) => {
            // straight to the process's standard error, which the test harness does not capture
            let _ = writeln!(
                std::io::stderr(),
                "note: browser test skipped: {why}; install chromium and chromium-driver to run it \
                 (TERMBRIDGE_REQUIRE_BROWSER=1 makes this a failure)"
            );
            None
        }
    }
}

/// Runs the binary; its standard output on success.
fn termbridge(args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_termbridge")).args(args).output().expect("run termbridge");
    assert!(out.status.success(), "termbridge {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// CSV rows by their first cell, and the header.
fn by_english(csv_text: &str) -> (Vec<String>, HashMap<String, Vec<String>>) {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header = r.headers().expect("header").iter().map(String::from).collect();
    let rows = r.records().map(|rec| rec.expect("record").iter().map(String::from).collect::<Vec<String>>());
    (header, rows.map(|row| (row[0].clone(), row)).collect())
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.canonicalize().expect("page path").display())
}

fn strings(v: Value) -> Vec<String> {
    v.as_array().expect("an array").iter().map(|s| s.as_str().unwrap_or_default().to_string()).collect()
}

/// The English of the rows the page shows, in order.
fn shown(b: &Browser) -> Vec<String> {
    strings(b.run("return [...document.querySelectorAll('#rows tr.row td.en')].map(e => e.textContent)", json!([])))
}

/// Clicks the row whose English is `english`.
fn click_row(b: &Browser, english: &str) {
    let at = shown(b).iter().position(|e| e == english).unwrap_or_else(|| panic!("no row {english}"));
    b.click(&format!("#rows tr.row:nth-child({}) td.en", at + 1));
}

/// Puts the text `value` in filter `id` and filters now.
fn filter(b: &Browser, id: &str, value: &str) {
    b.click("#f-clear");
    b.type_into(id, value);
    b.keys(ENTER);
}

#[test]
fn review_page_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    termbridge(&["review".as_ref(), fixture().as_os_str(), "-o".as_ref(), page.as_os_str()]);
    let extracted = termbridge(&["extract".as_ref(), fixture().as_os_str()]);
    let (header, rows) = by_english(&extracted);
    let Some(b) = browser() else { return };
    b.window_size(1280, 800);
    b.goto(&file_url(&page));

    // every row, in the glossary's order
    let order: Vec<String> =
        csv::Reader::from_reader(extracted.as_bytes()).records().map(|r| r.unwrap()[0].to_string()).collect();
    assert_eq!(shown(&b), order);
    filters(&b, &rows);
    concordance(&b);
    let before = review(&b);
    if let Ok(shots) = std::env::var("TERMBRIDGE_SCREENSHOTS") {
        b.screenshot(&Path::new(&shots).join("review-1280x800.png"));
    }

    // decisions survive a reload
    b.refresh();
    assert_eq!(b.run("return window.termbridgeReview.decisions()", json!([])), before);
    let rejected = "return [...document.querySelectorAll('#rows tr.rejected td.en')].map(e => e.textContent)";
    assert_eq!(strings(b.run(rejected, json!([]))), ["batch normalization", "Transformer"]);

    // the export buttons download the files, without an error or a refusal of the page's
    // own policy; the files themselves hold what was done
    let watch = "window.seen = []; \
        window.addEventListener('error', e => window.seen.push(e.message)); \
        document.addEventListener('securitypolicyviolation', e => window.seen.push(e.violatedDirective));";
    b.run(watch, json!([]));
    b.click("#export-csv");
    let reviewed = String::from_utf8(b.take_download("glossary-reviewed.csv")).expect("a UTF-8 CSV");
    b.click("#export-tsv");
    let tsv = String::from_utf8(b.take_download("glossary-reviewed.tsv")).expect("a UTF-8 TSV");
    assert_eq!(b.run("return window.seen", json!([])), json!([]));
    assert!(b.downloads().is_empty(), "one file per click: {:?}", b.downloads());
    exported_csv(&reviewed, &header, &rows);
    let mut lines: Vec<&str> = tsv.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            "SGD\tstochastic gradient descent\tabbr: SGD",
            "dropout method\t暂退法\t",
            "momentum\t动量法\t",
            "regularization\t规则化\t",
            "stochastic gradient descent\tstochastic gradient descent\tabbr: SGD",
        ]
    );
    merged_keeps_rejections_out(dir.path(), &reviewed);

    // the page of that merged termbase shows and exports its decisions as they were
    let merged_page = dir.path().join("merged.html");
    let (termbase, fresh) = (dir.path().join("reviewed.csv"), dir.path().join("fresh.csv"));
    let html = ["merge".as_ref(), termbase.as_os_str(), fresh.as_os_str(), "-f".as_ref(), "html".as_ref()];
    std::fs::write(&merged_page, termbridge(&html)).unwrap();
    b.goto(&file_url(&merged_page));
    let again = b.run("return window.termbridgeReview.exportCsv()", json!([])).as_str().unwrap().to_string();
    let (columns, again) = by_english(&again);
    let at = columns.iter().position(|c| c == "status").unwrap();
    assert_eq!(columns[at + 1..], ["counts"], "the termbase's own columns after status");
    let status = |en: &str| again[en][at].clone();
    assert_eq!(
        [status("batch normalization"), status("Transformer"), status("momentum")],
        ["deleted", "deleted", "accepted"]
    );
    assert_eq!(strings(b.run(rejected, json!([]))), ["batch normalization", "Transformer"]);

    // another glossary has decisions of its own
    let other = dir.path().join("other.html");
    let abstract_txt = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/abstract.txt");
    termbridge(&["review".as_ref(), abstract_txt.as_os_str(), "-o".as_ref(), other.as_os_str()]);
    b.goto(&file_url(&other));
    assert_eq!(b.run("return window.termbridgeReview.decisions()", json!([])), json!({}));
    b.goto(&file_url(&page));
    assert_eq!(b.run("return window.termbridgeReview.decisions()", json!([])), before);

    forget_all(&b, &extracted);
    phone(&b);
}

/// "Forget all decisions" asks first: Cancel keeps them, OK forgets them for good (a reload
/// brings none back) and the export is the extraction again.
fn forget_all(b: &Browser, extracted: &str) {
    let before = b.run("return window.termbridgeReview.decisions()", json!([]));
    let rows = before.as_object().unwrap().len();
    b.click("#forget-all");
    assert!(b.dialog_text().starts_with(&format!("Forget all decisions on {rows} rows")), "{}", b.dialog_text());
    b.answer_dialog(false);
    assert_eq!(b.run("return window.termbridgeReview.decisions()", json!([])), before);
    b.click("#forget-all");
    b.answer_dialog(true);
    assert_eq!(b.run("return window.termbridgeReview.decisions()", json!([])), json!({}));
    assert_eq!(
        b.run("return document.querySelectorAll('#rows tr.accepted, #rows tr.rejected').length", json!([])),
        json!(0)
    );
    b.refresh();
    assert_eq!(b.run("return window.termbridgeReview.decisions()", json!([])), json!({}));
    b.click("#export-csv");
    let csv = String::from_utf8(b.take_download("glossary-reviewed.csv")).unwrap();
    let (header, got) = by_english(&csv);
    let (want_header, want) = by_english(extracted);
    assert_eq!(header[..want_header.len()], want_header[..]);
    assert_eq!(got.len(), want.len());
    for (en, row) in &want {
        assert_eq!(got[en][..row.len()], row[..], "{en}");
        assert!(got[en][row.len()..].iter().all(String::is_empty), "{en}: {:?}", got[en]);
    }
    // nothing left to forget: no question asked
    b.click("#forget-all");
    assert_eq!(b.run("return window.termbridgeReview.decisions()", json!([])), json!({}));
    separator_in_the_english_is_not_kept(b);
}

/// A row whose English holds a separator of the `chinese` cell is not kept in English (its
/// English would be read back as two renderings): the page says why and keeps nothing.
fn separator_in_the_english_is_not_kept(b: &Browser) {
    click_row(b, "weight decay");
    b.keys("e");
    b.keys(&format!("weight decay; L2{ENTER}"));
    b.keys("x");
    let notice = b.run("return document.querySelector('#detail .notice').textContent", json!([]));
    assert!(notice.as_str().unwrap().contains("holds | or ;"), "{notice}");
    assert_eq!(
        b.run("return window.termbridgeReview.decisions()", json!([])),
        json!({"8": {"en": "weight decay; L2"}})
    );
    // separators alone are no Chinese: the row keeps the one it had
    b.keys("t");
    b.keys(&format!(" ；| {ENTER}"));
    let decided = b.run("return window.termbridgeReview.decisions()", json!([]));
    assert_eq!(decided, json!({"8": {"en": "weight decay; L2"}}));
    b.click("#export-csv");
    let (header, got) = by_english(&String::from_utf8(b.take_download("glossary-reviewed.csv")).unwrap());
    let cell = |column: &str| got["weight decay; L2"][header.iter().position(|h| h == column).unwrap()].clone();
    assert_eq!([cell("chinese"), cell("variants"), cell("status")], ["权重衰减", "weight decay", ""]);
    b.click("#forget-all");
    b.answer_dialog(true);
    assert_eq!(b.run("return window.termbridgeReview.decisions()", json!([])), json!({}));
    b.keys(ESCAPE); // the entry, opened by `e`, closes
}

/// Text, category, method, Chinese, score and frequency filters show the rows they should.
fn filters(b: &Browser, rows: &HashMap<String, Vec<String>>) {
    let expect = |keep: &dyn Fn(&Vec<String>) -> bool| {
        let mut want: Vec<String> = rows.values().filter(|r| keep(r)).map(|r| r[0].clone()).collect();
        let mut got = shown(b);
        want.sort();
        got.sort();
        assert_eq!(got, want);
    };
    filter(b, "#f-text", "正则");
    expect(&|r| r[1].contains("正则"));
    filter(b, "#f-text", "sgd");
    expect(&|r| r[2] == "SGD");
    filter(b, "#f-smin", "0.95");
    expect(&|r| r[6].parse::<f32>().unwrap() >= 0.95);
    filter(b, "#f-fmin", "3");
    expect(&|r| r[5].parse::<usize>().unwrap() >= 3);
    filter(b, "#f-fmax", "1");
    expect(&|r| r[5] == "1");
    b.click("#f-clear");
    let select = |id: &str, value: &str| {
        b.run("const s = document.getElementById(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change'))", json!([id, value]));
    };
    select("f-zh", "no");
    expect(&|r| r[1].is_empty());
    select("f-zh", "");
    select("f-method", "(none)");
    expect(&|r| r[8].is_empty());
    select("f-method", "");
    select("f-cat", "term");
    expect(&|r| r[4] == "term");
    b.click("#f-clear");
    assert_eq!(shown(b).len(), rows.len());
}

/// The concordance of `regularization`: its lines by file, with `file:line`, and the evidence
/// for each of its two renderings.
fn concordance(b: &Browser) {
    click_row(b, "regularization");
    let files =
        strings(b.run("return [...document.querySelectorAll('#detail .file')].map(e => e.textContent)", json!([])));
    let names: Vec<&str> = files.iter().map(|f| f.rsplit('/').next().unwrap()).collect();
    assert_eq!(names, ["notes.md", "recap.txt"]);
    let lines = b.run(
        "return [...document.querySelectorAll('#detail .kwic li')].map(li => [...li.children].map(c => c.textContent))",
        json!([]),
    );
    let lines: Vec<Vec<String>> = lines.as_array().unwrap().iter().map(|l| strings(l.clone())).collect();
    let got: Vec<(String, String, String, String)> = lines
        .iter()
        .map(|l| (l[0].rsplit('/').next().unwrap().to_string(), l[1].clone(), l[2].clone(), l[3].clone()))
        .collect();
    let line = |w: &str, l: &str, r: &str| (w.to_string(), l.to_string(), "regularization".to_string(), r.to_string());
    assert_eq!(
        got,
        [
            line(
                "notes.md:11",
                "g rate 太大时损失会震荡，太小时训练又很慢。 正则化（",
                "）的目标是让模型在新数据上表现更好。"
            ),
            line(
                "recap.txt:5",
                "t decay 等价于 L2 正则化。 权重衰减属于正则化（",
                "）。早期的译本把它写成规则化（regularization）"
            ),
            line(
                "recap.txt:5",
                "（regularization）。早期的译本把它写成规则化（",
                "），如今已很少见。 有的课本仍用规则化（regulariza"
            ),
            line("recap.txt:6", "larization），如今已很少见。 有的课本仍用规则化（", "）这个说法。"),
        ]
    );
    // 正则化: notes.md:11 and the first sentence of recap.txt:5; 规则化: the second, and recap.txt:6
    let counts = strings(
        b.run("return [...document.querySelectorAll('#detail .renderings .count')].map(e => e.textContent)", json!([])),
    );
    assert_eq!(counts, ["2 sentences", "2 sentences"]);
    let sentences = strings(
        b.run("return [...document.querySelectorAll('#detail .sentences li')].map(e => e.textContent)", json!([])),
    );
    assert!(sentences[0].starts_with("正则化（regularization）的目标"), "{sentences:?}");
    let per = "return [...document.querySelectorAll('#detail .renderings > li')].map(li => li.querySelectorAll('.sentences li').length)";
    assert_eq!(b.run(per, json!([])), json!([2, 2]), "each rendering's sentences under it");
    assert!(sentences[3].starts_with("有的课本仍用规则化（regularization）这个说法。"), "{sentences:?}");
}

/// What is typed as the Chinese of `learning rate`: three renderings, separated as people do.
const TYPED_RENDERINGS: &str = "学习率；学习速率|步长";

/// Reviews rows with the keyboard and the mouse; the decisions made.
fn review(b: &Browser) -> Value {
    // keyboard: pick the second rendering and accept, reject the next, edit the next's English
    // and accept it, keep the next in English
    click_row(b, "regularization");
    b.keys("2a");
    b.keys("jr");
    b.keys("je"); // the field opens with its text selected: typing replaces it
    b.keys(&format!("dropout method{ENTER}"));
    b.keys("a");
    b.keys("jx");
    let en = strings(
        b.run("return [...document.querySelectorAll('#rows tr.cur td.en')].map(e => e.textContent)", json!([])),
    );
    assert_eq!(en, ["stochastic gradient descent"]);
    // mouse: reject a row with its button, accept one in the entry panel and type its Chinese
    let at = shown(b).iter().position(|e| e == "Transformer").unwrap();
    b.click(&format!("#rows tr.row:nth-child({}) .do-reject", at + 1));
    click_row(b, "momentum");
    b.click("#detail .act-accept");
    b.type_into("#edit-zh", &format!("动量法{ENTER}"));
    // several renderings typed at once, with the separators the CSV's chinese cell knows
    click_row(b, "learning rate");
    b.type_into("#edit-zh", &format!("{TYPED_RENDERINGS}{ENTER}"));
    let typed = b.run("return document.querySelector('#detail .typed').textContent", json!([]));
    assert_eq!(typed, json!("Read as 3 renderings: 学习率 · 学习速率 · 步长"));
    // a note with a comma, quotes and a line break, saved when the field is left
    b.type_into("#edit-note", "第一行, \"引号\"\n第二行");
    b.click("#top h1");
    let classes = |cls: &str| {
        let script = format!("return [...document.querySelectorAll('#rows tr.{cls} td.en')].map(e => e.textContent)");
        let mut v = strings(b.run(&script, json!([])));
        v.sort();
        v
    };
    assert_eq!(classes("accepted"), ["dropout method", "momentum", "regularization", "stochastic gradient descent"]);
    assert_eq!(classes("rejected"), ["Transformer", "batch normalization"]);
    b.run("return window.termbridgeReview.decisions()", json!([]))
}

/// The exported CSV: the crate's columns and `status`, the decisions in it, other rows as the
/// crate writes them.
fn exported_csv(reviewed: &str, header: &[String], rows: &HashMap<String, Vec<String>>) {
    let (got_header, got) = by_english(reviewed);
    let mut want_header = header.to_vec();
    want_header.push("status".into());
    assert_eq!(got_header, want_header);
    assert_eq!(got.len(), rows.len());
    let cell = |en: &str, column: &str| got[en][want_header.iter().position(|h| h == column).unwrap()].clone();
    assert_eq!(cell("regularization", "chinese"), "规则化");
    assert_eq!(cell("regularization", "status"), "accepted");
    assert_eq!(cell("batch normalization", "status"), "deleted");
    assert_eq!(cell("Transformer", "status"), "deleted");
    assert_eq!(cell("dropout method", "variants"), "dropout");
    assert_eq!(cell("dropout method", "status"), "accepted");
    assert_eq!(cell("stochastic gradient descent", "chinese"), "stochastic gradient descent");
    assert_eq!(cell("stochastic gradient descent", "status"), "accepted");
    assert_eq!(cell("momentum", "chinese"), "动量法");
    assert_eq!(cell("learning rate", "note"), "第一行, \"引号\"\n第二行");
    assert_eq!(cell("learning rate", "chinese"), "学习率|学习速率|步长");
    assert_eq!(cell("learning rate", "status"), "");
    for (en, row) in rows {
        let touched = ["regularization", "dropout", "stochastic gradient descent", "momentum", "learning rate"];
        if !touched.contains(&en.as_str()) && en != "batch normalization" && en != "Transformer" {
            assert_eq!(got[en][..12], row[..], "{en}");
            assert_eq!(got[en][12], "", "{en}");
        }
    }
}

/// `termbridge merge` of the export with a fresh extraction keeps rejected rows out.
fn merged_keeps_rejections_out(dir: &Path, reviewed: &str) {
    let termbase = dir.join("reviewed.csv");
    let fresh = dir.join("fresh.csv");
    std::fs::write(&termbase, reviewed).unwrap();
    termbridge(&["extract".as_ref(), fixture().as_os_str(), "-o".as_ref(), fresh.as_os_str()]);
    let merged = termbridge(&["merge".as_ref(), termbase.as_os_str(), fresh.as_os_str()]);
    let mut r = csv::Reader::from_reader(merged.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let status = header.iter().position(|h| h == "status").expect("a status column");
    let merged: Vec<Vec<String>> = r.records().map(|x| x.unwrap().iter().map(String::from).collect()).collect();
    let live = |forms: &[&str]| {
        merged
            .iter()
            .filter(|m| m[status] != "deleted")
            .any(|m| forms.contains(&m[0].as_str()) || forms.contains(&m[2].as_str()))
    };
    assert!(!live(&["batch normalization", "BN", "Transformer"]), "{merged:?}");
    let deleted: Vec<&str> = merged.iter().filter(|m| m[status] == "deleted").map(|m| m[0].as_str()).collect();
    assert_eq!(deleted, ["batch normalization", "Transformer"]);
    // the edited English took its extraction in; kept in English reads back as its own Chinese
    assert!(!merged.iter().any(|m| m[0] == "dropout"), "{merged:?}");
    let sgd = merged.iter().find(|m| m[0] == "stochastic gradient descent").unwrap();
    assert!(sgd[1].starts_with("stochastic gradient descent"), "{sgd:?}");
    // the renderings typed at once come back as they were typed, one by one
    let rate = merged.iter().find(|m| m[0] == "learning rate").unwrap();
    assert_eq!(rate[1].split('|').collect::<Vec<_>>(), ["学习率", "学习速率", "步长"], "{rate:?}");
    let check = Command::new(env!("CARGO_BIN_EXE_termbridge"))
        .args(["check".as_ref(), "--glossary".as_ref(), termbase.as_os_str(), fixture().as_os_str()])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(check.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&check.stderr));
    let findings = String::from_utf8(check.stdout).unwrap();
    assert!(!findings.contains("学习率；") && !findings.contains("学习速率|"), "{findings}");
    let tsv = termbridge(&["merge".as_ref(), termbase.as_os_str(), fresh.as_os_str(), "-f".as_ref(), "tsv".as_ref()]);
    assert!(!tsv.lines().any(|l| ["batch normalization\t", "BN\t", "Transformer\t"].iter().any(|f| l.starts_with(f))));
}

/// The first row's top, as a share of the window's height.
fn first_row_at(b: &Browser) -> f64 {
    let top = "return document.querySelector('#rows tr.row').getBoundingClientRect().top / window.innerHeight";
    b.run(top, json!([])).as_f64().unwrap()
}

/// How high the rows may start on a phone with the filters folded: the header and the
/// toggle, not the filters, above them (a third of the screen at most, whatever the fonts
/// of the browser; the filters unfolded push them lower, see below).
const PHONE_ROWS_FROM: f64 = 0.35;

/// At phone width the rows fit without scrolling sideways, the filters fold behind a
/// toggle that says how many are in use, and an entry opens over the rows.
fn phone(b: &Browser) {
    b.window_size(390, 844);
    let wide = "return document.documentElement.scrollWidth - document.documentElement.clientWidth";
    assert_eq!(b.run(wide, json!([])), json!(0));
    let shown_as =
        |css: &str| b.run("return getComputedStyle(document.querySelector(arguments[0])).display", json!([css]));
    assert_eq!(shown_as("#filters"), json!("none"));
    let folded = first_row_at(b);
    assert!(folded < PHONE_ROWS_FROM, "rows start at {folded:.2} of the height");
    if let Ok(shots) = std::env::var("TERMBRIDGE_SCREENSHOTS") {
        b.screenshot(&Path::new(&shots).join("review-390x844-list.png"));
    }
    b.click("#filters-toggle");
    assert_eq!(shown_as("#filters"), json!("flex"));
    let unfolded = first_row_at(b);
    assert!(unfolded > folded, "the filters unfolded stand above the rows: {unfolded:.2} ≤ {folded:.2}");
    filter(b, "#f-text", "正则");
    assert_eq!(shown(b), ["regularization"]);
    assert_eq!(b.find_text("#filters-toggle"), "Filters (1 on)");
    if let Ok(shots) = std::env::var("TERMBRIDGE_SCREENSHOTS") {
        b.screenshot(&Path::new(&shots).join("review-390x844-filters.png"));
    }
    b.click("#filters-toggle");
    assert_eq!(shown_as("#filters"), json!("none"));
    assert_eq!(shown(b), ["regularization"], "a folded filter still filters");
    b.click("#filters-toggle");
    b.click("#f-clear");
    b.click("#filters-toggle");
    assert_eq!(b.find_text("#filters-toggle"), "Filters");
    // at desktop width the filters are always there and the toggle is not
    b.window_size(1280, 800);
    assert_eq!((shown_as("#filters"), shown_as("#filters-toggle")), (json!("flex"), json!("none")));
    b.window_size(390, 844);
    click_row(b, "regularization");
    let open = "const d = document.getElementById('detail'); return [getComputedStyle(d).display, getComputedStyle(d).position]";
    assert_eq!(strings(b.run(open, json!([]))), ["block", "fixed"]);
    assert_eq!(b.run("return document.querySelectorAll('#detail .kwic li').length", json!([])), json!(4));
    if let Ok(shots) = std::env::var("TERMBRIDGE_SCREENSHOTS") {
        b.screenshot(&Path::new(&shots).join("review-390x844.png"));
    }
}

/// The README's picture: the page of `termbridge review tests/fixtures` at 1280×800, with
/// its first row open. Run by hand, with fonts for Chinese installed:
/// `TERMBRIDGE_SCREENSHOTS=docs cargo test --release --test it readme_picture -- --ignored`.
#[test]
#[ignore]
fn readme_picture() {
    let Ok(shots) = std::env::var("TERMBRIDGE_SCREENSHOTS") else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    // relative, as a person types it: the page names the inputs so
    let out = Command::new(env!("CARGO_BIN_EXE_termbridge"))
        .args(["review".as_ref(), "tests/fixtures".as_ref(), "-o".as_ref(), page.as_os_str()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let Some(b) = browser() else { return };
    b.window_size(1280, 800);
    b.goto(&file_url(&page));
    b.screenshot(&Path::new(&shots).join("review.png"));
}

/// The page of a glossary of 30,000 rows: how long it takes to open, sort, filter and move.
/// Run by hand: `cargo test --release --test it large_page -- --ignored --nocapture`.
#[test]
#[ignore]
fn large_page_timing() {
    use termbridge::{Entry, Glossary, Markup, Occurrence, Span};
    const ROWS: usize = 30_000;
    let mut text = String::new();
    let mut entries = Vec::with_capacity(ROWS);
    for n in 0..ROWS {
        let english = format!("term {n} model");
        let mut e = Entry::new(english.clone());
        e.chinese = vec![format!("术语{n}")];
        e.score = Some((n % 100) as f32 / 100.0);
        e.frequency = 2;
        let line = format!("第{n}行讲术语{n}（{english}），而 {english} 在后文还会出现。\n");
        for (i, _) in line.match_indices(&english) {
            let start = text.len() + i;
            e.occurrences.push(Occurrence { source: 0, line: n + 1, span: Span::new(start, start + english.len()) });
        }
        text.push_str(&line);
        entries.push(e);
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("large.html");
    let input = termbridge::input::InputFile { name: "large.txt".into(), text, markup: Markup::Plain };
    let started = std::time::Instant::now();
    Glossary::from_entries(entries).write_review(&[input], std::fs::File::create(&page).unwrap()).unwrap();
    let written = started.elapsed();
    let size = std::fs::metadata(&page).unwrap().len();
    let Some(b) = browser() else { return };
    b.window_size(1280, 800);
    let started = std::time::Instant::now();
    b.goto(&file_url(&page));
    let opened = started.elapsed();
    let ready = b.run("return window.termbridgeReview.readyMs", json!([]));
    let time = |script: &str| {
        b.run(&format!("const t = performance.now(); {script}; return performance.now() - t"), json!([]))
    };
    let sort = time("document.querySelector('th[data-key=en]').click()");
    let sort_score = time("document.querySelector('th[data-key=score]').click()");
    let filter = time(
        "const f = document.getElementById('f-text'); f.value = '术语2999'; \
         f.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))",
    );
    let found = shown(&b).len();
    b.click("#f-clear");
    let moves = time(
        "for (let n = 0; n < 250; n++) document.dispatchEvent(new KeyboardEvent('keydown', {key: 'j', bubbles: true}))",
    );
    let accept = time("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'a', bubbles: true}))");
    let export = time("window.termbridgeReview.exportCsv()");
    let _ = writeln!(
        std::io::stderr(),
        "{ROWS} rows: page {size} bytes written in {written:?}; opened in {opened:?} (script ready at {ready} ms); \
         sort by English {sort} ms, by score {sort_score} ms; filter {filter} ms ({found} rows); \
         250 × j {moves} ms; accept {accept} ms; CSV export {export} ms"
    );
    assert_eq!(found, 11, "术语2999 and 术语29990–29999");
}
