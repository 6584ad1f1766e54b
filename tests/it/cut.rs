//! The `score` column and the options that cut on it: `--min-score`, `--min-frequency`,
//! `--aligned-only`, `--stoplist`.

use std::path::Path;
use std::process::Command;

/// A text with a glossed term used often, an acronym, a name, and a lone word used once (`gizmo`).
const TEXT: &str = "分片（sharding）把数据分到多台机器上。sharding 的代价是跨片查询。\
                    每个分片都有副本，sharding 让写入可以扩展。我们用 TLS 加密连接，\
                    部署在 Kubernetes 上。这只是一个 gizmo 而已。";

/// Runs `termbridge ARGS...` and returns exit code, stdout and stderr.
fn run(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_termbridge")).args(args).current_dir(dir).output().unwrap();
    let code = out.status.code().expect("exited");
    assert_ne!(code, 101, "panicked: {}", String::from_utf8_lossy(&out.stderr));
    (code, String::from_utf8(out.stdout).unwrap(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Each row's English and score.
fn rows(csv: &str) -> Vec<(String, f32)> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (english, score) = (at("english"), at("score"));
    reader.records().map(|r| r.unwrap()).map(|r| (r[english].to_string(), r[score].parse().unwrap())).collect()
}

fn englishes(csv: &str) -> Vec<String> {
    rows(csv).into_iter().map(|(e, _)| e).collect()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.txt"), TEXT).unwrap();
    dir
}

#[test]
fn every_row_has_a_score_and_the_default_cut_drops_bare_words() {
    let dir = setup();
    let (code, all, _) = run(&["extract", "-q", "--min-score", "0", "in.txt"], dir.path());
    assert_eq!(code, 0);
    let all = rows(&all);
    assert!(all.iter().all(|(_, s)| (0.0..=1.0).contains(s)), "{all:?}");
    let score = |e: &str| all.iter().find(|(x, _)| x == e).unwrap_or_else(|| panic!("{e} in {all:?}")).1;
    assert!(score("sharding") > score("TLS") && score("TLS") > score("gizmo"), "{all:?}");
    let (_, default, _) = run(&["extract", "-q", "in.txt"], dir.path());
    let kept = englishes(&default);
    assert!(kept.contains(&"sharding".to_string()) && kept.contains(&"Kubernetes".to_string()), "{kept:?}");
    assert!(!kept.contains(&"gizmo".to_string()), "{kept:?}");
}

#[test]
fn aligned_only_min_frequency_and_min_score_each_cut() {
    let dir = setup();
    let (_, out, _) = run(&["extract", "-q", "--aligned-only", "in.txt"], dir.path());
    assert_eq!(englishes(&out), ["sharding"]);
    let (_, out, _) = run(&["extract", "-q", "--min-frequency", "2", "in.txt"], dir.path());
    assert_eq!(englishes(&out), ["sharding"]);
    let (_, out, _) = run(&["extract", "-q", "--min-score", "0.9", "in.txt"], dir.path());
    assert!(rows(&out).iter().all(|(_, s)| *s >= 0.9) && !out.contains("Kubernetes"), "{out}");
}

#[test]
fn a_stoplist_keeps_its_terms_out() {
    let dir = setup();
    std::fs::write(dir.path().join("stop.txt"), "# never report these\nkubernetes\n\n  TLS  \n").unwrap();
    let (code, out, err) = run(&["extract", "-q", "--stoplist", "stop.txt", "in.txt"], dir.path());
    assert_eq!(code, 0, "{err}");
    let kept = englishes(&out);
    assert!(kept.contains(&"sharding".to_string()), "{kept:?}");
    assert!(!kept.iter().any(|e| e == "Kubernetes" || e == "TLS"), "{kept:?}");
}

#[test]
fn cut_options_are_checked_and_refused_where_they_would_drop_what_people_wrote() {
    let dir = setup();
    for bad in ["1.5", "-0.1", "x"] {
        let (code, _, err) = run(&["extract", &format!("--min-score={bad}"), "in.txt"], dir.path());
        assert_eq!(code, 2, "{bad}");
        assert!(err.contains("--min-score"), "{err}");
    }
    let (code, _, err) = run(&["extract", "--stoplist", "missing.txt", "in.txt"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("missing.txt"), "{err}");
    let (code, _, err) = run(&["extract", "--partial", "--aligned-only", "in.txt"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("merge"), "{err}");
    // a termbase a person edits is never cut
    let (_, glossary, _) = run(&["extract", "-q", "in.txt"], dir.path());
    std::fs::write(dir.path().join("termbase.csv"), &glossary).unwrap();
    std::fs::write(dir.path().join("new.csv"), &glossary).unwrap();
    let (code, _, err) = run(&["merge", "termbase.csv", "new.csv", "--min-score", "0.9"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("termbase"), "{err}");
}

#[test]
fn partials_merged_into_a_glossary_are_cut_as_extract_cuts() {
    let dir = setup();
    let (code, _, err) = run(&["extract", "-q", "--partial", "in.txt", "-o", "in.partial"], dir.path());
    assert_eq!(code, 0, "{err}");
    let (_, direct, _) = run(&["extract", "-q", "--aligned-only", "in.txt"], dir.path());
    let (code, merged, err) = run(&["merge", "in.partial", "--aligned-only"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert_eq!(merged, direct);
}

#[test]
fn scores_survive_a_round_trip_through_csv_and_tbx() {
    let dir = setup();
    let (_, csv, _) = run(&["extract", "-q", "in.txt"], dir.path());
    let (_, tbx, _) = run(&["extract", "-q", "-f", "tbx", "in.txt"], dir.path());
    std::fs::write(dir.path().join("g.csv"), &csv).unwrap();
    std::fs::write(dir.path().join("g.tbx"), &tbx).unwrap();
    let want = rows(&csv);
    for file in ["g.csv", "g.tbx"] {
        let back = termbridge::Glossary::from_path(&dir.path().join(file)).unwrap();
        for (english, score) in &want {
            let e = back.get(english).unwrap_or_else(|| panic!("{english} in {file}"));
            assert_eq!(e.score.map(|s| (s * 100.0).round()), Some((score * 100.0).round()), "{english} in {file}");
        }
    }
}

#[test]
fn a_score_that_is_not_a_fraction_is_an_error_naming_line_and_column() {
    for bad in ["1.5", "high", "-0.2"] {
        let csv = format!("english,chinese,score\nsharding,分片,0.9\nreplica,副本,{bad}\n");
        let err = termbridge::Glossary::from_csv_reader("t.csv", csv.as_bytes()).unwrap_err().to_string();
        assert!(err.contains("t.csv:3") && err.contains("score") && err.contains(bad), "{err}");
    }
}

#[test]
fn output_dash_is_standard_output_not_a_file_named_dash() {
    let dir = setup();
    let (code, plain, _) = run(&["extract", "-q", "in.txt"], dir.path());
    assert_eq!(code, 0);
    let (code, dashed, _) = run(&["extract", "-q", "-o", "-", "in.txt"], dir.path());
    assert_eq!(code, 0);
    assert_eq!(dashed, plain);
    assert!(!dir.path().join("-").exists(), "a file named - was written");
    let (code, partial, _) = run(&["extract", "-q", "--partial", "-o", "-", "in.txt"], dir.path());
    assert_eq!(code, 0);
    assert!(partial.starts_with("{\"termbridge\":\"partial\""), "{partial}");
    assert!(!dir.path().join("-").exists(), "a file named - was written");
}
