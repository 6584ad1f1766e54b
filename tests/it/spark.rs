//! The Spark job of `examples/spark/mine.py`, run for real in `local[2]` mode over a few MB
//! of the shared corpus (`../shared/corpus`, else the fixtures): its glossary is the one of
//! a single `termbridge extract` over the same files, byte for byte.
//!
//! Needs `java` and Python's `pyspark`; without them the test prints a note and passes,
//! unless `TERMBRIDGE_REQUIRE_SPARK=1` (as in `.ci/run`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// About this much text is mined: enough for many partitions and a tree of merges, little
/// enough for a test.
const SAMPLE_BYTES: u64 = 3 << 20;

/// Partitions of the list of paths: more than the two cores, so that merges form a tree.
const PARTITIONS: &str = "8";

/// Why Spark cannot run here, if it cannot.
fn missing_spark() -> Option<String> {
    let runs = |cmd: &str, args: &[&str]| Command::new(cmd).args(args).output().is_ok_and(|o| o.status.success());
    if !runs("java", &["-version"]) {
        return Some("no java (Debian: apt-get install default-jre-headless)".into());
    }
    if !runs("python3", &["-c", "import pyspark"]) {
        return Some("no pyspark for python3 (pip install pyspark)".into());
    }
    None
}

/// Every `.md` and `.txt` file under `dir`, in path order.
fn texts_under(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                out.push((path, meta.len()));
            }
        }
    }
    out.sort();
    out
}

/// A few MB of the shared corpus, every k-th file so that each of its collections is in it;
/// the fixtures when there is no corpus.
fn sample() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("note: {} is missing: the Spark test mines the fixtures instead", corpus.display());
        return texts_under(&root.join("tests/fixtures")).into_iter().map(|(p, _)| p).collect();
    }
    let all = texts_under(&corpus);
    let total: u64 = all.iter().map(|(_, n)| n).sum();
    let stride = total.div_ceil(SAMPLE_BYTES).max(1) as usize;
    let mut taken = 0;
    let mut out = Vec::new();
    for (path, n) in all.into_iter().step_by(stride) {
        if taken >= SAMPLE_BYTES {
            break;
        }
        taken += n;
        out.push(path);
    }
    eprintln!("note: the Spark test mines {} files, {taken} bytes, of {}", out.len(), corpus.display());
    out
}

/// Whether `test` must be skipped for want of Java or pyspark (saying so), which fails the
/// test instead where `TERMBRIDGE_REQUIRE_SPARK=1`.
fn skipped(test: &str) -> bool {
    let Some(why) = missing_spark() else { return false };
    let required = std::env::var("TERMBRIDGE_REQUIRE_SPARK").as_deref() == Ok("1");
    assert!(!required, "TERMBRIDGE_REQUIRE_SPARK=1 but {why}");
    eprintln!("note: the {test} is skipped: {why}");
    true
}

fn run(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn the_spark_job_mines_what_one_extract_gives() {
    if skipped("Spark test") {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_termbridge");
    let job = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark/mine.py");
    let paths = sample();
    assert!(paths.len() > 1);
    let dir = tempfile::tempdir().unwrap();
    let listed: String = paths.iter().map(|p| format!("{}\n", p.display())).collect();
    std::fs::write(dir.path().join("paths.txt"), listed).unwrap();
    let started = Instant::now();
    run(Command::new("python3")
        .arg(&job)
        .args(["--master", "local[2]", "--partitions", PARTITIONS, "--paths", "paths.txt", "--output", "spark.csv"])
        .args(["--combined", "combined.jsonl", "--termbridge", bin, "--", "--pair-counts"])
        .current_dir(dir.path()));
    eprintln!("note: the Spark job took {:.1} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let one = run(Command::new(bin).args(["extract", "--quiet", "--pair-counts"]).args(&paths));
    eprintln!("note: one extract took {:.1} s", started.elapsed().as_secs_f64());
    let spark = std::fs::read(dir.path().join("spark.csv")).unwrap();
    assert!(
        spark.len() > 1000 && String::from_utf8_lossy(&spark).lines().next().unwrap().contains(",documents,glosses")
    );
    assert!(spark == one, "the Spark job's glossary differs from one extract's");
    // the partial the tree of merges combined decides the default glossary too
    let decided = run(Command::new(bin).arg("merge").arg(dir.path().join("combined.jsonl")));
    let one = run(Command::new(bin).args(["extract", "--quiet"]).args(&paths));
    assert!(decided == one, "the combined partial's glossary differs from one extract's");
}

/// Inputs given as URIs (`file://` here, `hdfs://` or `s3a://` on a cluster) are read by
/// Spark, written to each partition's own folder and named below the folder they share.
#[test]
fn uris_are_fetched_by_spark_and_named_below_their_common_folder() {
    if skipped("Spark test of URIs") {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_termbridge");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("tests/fixtures").canonicalize().unwrap();
    let paths: Vec<PathBuf> = texts_under(&fixtures).into_iter().map(|(p, _)| p).collect();
    let dir = tempfile::tempdir().unwrap();
    let listed: String = paths.iter().map(|p| format!("file://{}\n", p.display())).collect();
    std::fs::write(dir.path().join("uris.txt"), listed).unwrap();
    run(Command::new("python3")
        .arg(root.join("examples/spark/mine.py"))
        .args(["--master", "local[2]", "--partitions", "3", "--paths", "uris.txt", "--output", "spark.csv"])
        .args(["--termbridge", bin, "--", "--pair-counts"])
        .current_dir(dir.path()));
    let names: Vec<&Path> = paths.iter().map(|p| p.strip_prefix(&fixtures).unwrap()).collect();
    let one = run(Command::new(bin).args(["extract", "--quiet", "--pair-counts"]).args(&names).current_dir(&fixtures));
    let spark = std::fs::read(dir.path().join("spark.csv")).unwrap();
    assert!(String::from_utf8_lossy(&spark).contains(",tutorial.md:"));
    assert!(spark == one, "the Spark job's glossary of URIs differs from one extract's");
}

/// Hadoop Streaming's contract, without Hadoop: mappers each given some paths on standard
/// input, their lines sorted together, one reducer (`examples/hadoop/reduce.sh`) reading them.
#[cfg(unix)]
#[test]
fn the_hadoop_streaming_recipe_survives_the_sort_between_map_and_reduce() {
    use std::io::Write;
    use std::process::Stdio;
    let bin = Path::new(env!("CARGO_BIN_EXE_termbridge"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<PathBuf> = texts_under(&root.join("tests/fixtures")).into_iter().map(|(p, _)| p).collect();
    assert!(paths.len() >= 6);
    // termbridge on the PATH, as on a Hadoop node
    let path_var = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let piped = |cmd: &mut Command, input: &[u8]| -> Vec<u8> {
        let mut child = cmd
            .env("PATH", &path_var)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let mut mapped = Vec::new();
    for chunk in paths.chunks(paths.len().div_ceil(3)) {
        let listed: String = chunk.iter().map(|p| format!("{}\n", p.display())).collect();
        let mapper = ["-c", "xargs -r termbridge extract --partial --quiet"];
        mapped.extend(piped(Command::new("sh").args(mapper), listed.as_bytes()));
    }
    let sorted = piped(Command::new("sort").env("LC_ALL", "C"), &mapped);
    assert!(!sorted.starts_with(b"{\"termbridge\""), "the sort puts the inputs' lines before the headers");
    let reduced = piped(Command::new(root.join("examples/hadoop/reduce.sh")).arg("--pair-counts"), &sorted);
    let one = run(Command::new(bin).args(["extract", "--quiet", "--pair-counts"]).args(&paths));
    assert!(reduced == one, "the reducer's glossary differs from one extract's");
}
