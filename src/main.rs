use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use termbridge::input::{self, Encoding, ReadOptions};
use termbridge::{
    Cut, Direction, Extractor, ExtractorBuilder, Format, Glossary, LanguageTag, Languages, Partial, Reference, Source,
    Stoplist, WriteOptions,
};

/// Builds a bilingual glossary from Chinese technical text with embedded English terms.
#[derive(Parser)]
#[command(name = "termbridge", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract a glossary from files, folders (.txt, .md, .markdown) or `-` (stdin).
    Extract(ExtractArgs),
    /// Write a review page (one self-contained HTML file) of the glossary of files, folders
    /// or `-`: accept, reject and correct rows, read each term's concordance, export CSV/TSV.
    Review {
        #[command(flatten)]
        input: InputArgs,
        /// Write the page to FILE (whole or not at all) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        reference: ReferenceArgs,
        #[command(flatten)]
        cut: CutArgs,
    },
    /// Check texts against a glossary: glosses that contradict it, glossary terms rendered
    /// several ways, one Chinese given for several English terms. Exit 0 when clean, 1 when
    /// problems were found, 2 on errors.
    Check {
        /// The glossary to check against (termbridge's CSV or JSON, any CSV with `english`
        /// and `chinese` columns, or TBX).
        #[arg(long, short, value_name = "FILE")]
        glossary: PathBuf,
        /// Input files or folders; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        #[command(flatten)]
        reference: ReferenceArgs,
        /// The inputs' encoding, as for `extract`.
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
    },
    /// Fold new glossaries into a termbase that people have edited (their rows, renderings,
    /// notes and deletions — `status` = `deleted` — are kept; counts and new rows are added),
    /// or combine partial glossaries written by `extract --partial` into the glossary of all
    /// their inputs.
    Merge {
        /// The termbase (CSV, TSV, TBX or termbridge's JSON), or the first partial.
        old: PathBuf,
        /// New glossaries to fold in, in order, or more partials.
        new: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
        /// With partials: write the combined partial instead of deciding the glossary.
        #[arg(long)]
        partial: bool,
        #[command(flatten)]
        reference: ReferenceArgs,
        #[command(flatten)]
        cut: CutArgs,
    },
}

/// The inputs of `extract` and `review`, and how to read them.
#[derive(clap::Args)]
struct InputArgs {
    /// Input files or folders; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The inputs' encoding (utf-8, utf-16le, utf-16be, gb18030, gbk, big5…); by default
    /// a byte-order mark, UTF-8 or GB18030 is detected.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
}

/// The options of `termbridge extract`.
#[derive(clap::Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    reference: ReferenceArgs,
    #[command(flatten)]
    cut: CutArgs,
    /// Write a partial glossary (JSON Lines) to be combined later with `termbridge merge`.
    #[arg(long)]
    partial: bool,
    /// Report only concepts this termbase lacks (CSV, TSV, TBX or termbridge's JSON; an
    /// English form in common, its deleted rows too, keeps a row out). Repeatable.
    #[arg(long, value_name = "FILE")]
    exclude_termbase: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct OutputArgs {
    /// Write to FILE (whole or not at all) instead of standard output (`-` is standard
    /// output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format: csv, tsv (OmegaT), deepl, tbx (= tbx-basic, TBX v3), tbx-2008 (TBX v2
    /// martif), xlsx, json, synonyms, html (the review page).
    #[arg(long, short = 'f', default_value = "csv", value_parser = parse_format)]
    format: Format,
    /// Write cells as they are (CSV, TSV, DeepL), without neutralising formula-looking ones.
    #[arg(long, alias = "raw-csv")]
    raw: bool,
    /// Start the CSV with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    bom: bool,
    /// The English side's BCP 47 language tag (TBX xml:lang). [default: en]
    #[arg(long, value_name = "TAG", value_parser = parse_tag)]
    source_lang: Option<LanguageTag>,
    /// The Chinese side's BCP 47 language tag (TBX xml:lang). [default: zh-Hant when the
    /// Chinese is written in Traditional characters or was decoded from Big5, else zh-Hans]
    #[arg(long, value_name = "TAG", value_parser = parse_tag)]
    target_lang: Option<LanguageTag>,
    /// Which side comes first in tsv and deepl: en-zh (default) or zh-en.
    #[arg(long, value_name = "en-zh|zh-en", default_value = "en-zh", value_parser = parse_direction)]
    direction: Direction,
    /// DeepL: write terms kept in English (status `keep`) as identity pairs (Kubernetes →
    /// Kubernetes); without it they are left out.
    #[arg(long)]
    deepl_keep: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

fn parse_tag(s: &str) -> Result<LanguageTag, String> {
    s.parse()
}

fn parse_direction(s: &str) -> Result<Direction, String> {
    s.parse()
}

/// Where the glossary's Chinese came from, for its default language tag.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Decoded {
    /// Inputs decoded from Big5, Traditional Chinese's encoding.
    Big5,
    /// Any other encoding, or a termbase.
    Other,
}

impl OutputArgs {
    /// The file to write, or none for standard output.
    fn file(&self) -> Option<&Path> {
        self.output.as_deref().filter(|p| p.as_os_str() != "-")
    }

    fn write_partial(&self, partial: &Partial) -> Result<(), Box<dyn std::error::Error>> {
        match self.file() {
            Some(path) => termbridge::write_atomically(path, |w| partial.write_jsonl(w))?,
            None => partial.write_jsonl(std::io::BufWriter::new(std::io::stdout().lock()))?,
        }
        Ok(())
    }

    /// The options to write `glossary` with: the language tags given, or those its Chinese
    /// tells.
    fn options(&self, glossary: &Glossary, decoded: Decoded) -> Result<WriteOptions, String> {
        let defaults = Languages::default();
        let uses_tags = matches!(self.format, Format::Tbx | Format::Tbx2008);
        let target = match &self.target_lang {
            Some(tag) => tag.clone(),
            None if decoded == Decoded::Big5 => "zh-Hant".parse()?,
            // the script is told only when a format names it
            None if uses_tags => LanguageTag::chinese_of(glossary),
            None => defaults.target,
        };
        let source = self.source_lang.clone().unwrap_or(defaults.source);
        Ok(WriteOptions {
            raw: self.raw,
            bom: self.bom,
            languages: Languages::new(source, target)?,
            direction: self.direction,
            deepl_keep: self.deepl_keep,
        })
    }

    /// Checks what the options say before any input is read.
    fn check(&self) -> Result<(), Box<dyn std::error::Error>> {
        let defaults = Languages::default();
        let source = self.source_lang.clone().unwrap_or(defaults.source);
        Languages::new(source, self.target_lang.clone().unwrap_or(defaults.target))?;
        if self.bom && self.format != Format::Csv {
            return Err("--bom is for CSV (-f csv): other formats have no byte-order mark".into());
        }
        if self.deepl_keep && self.format != Format::Deepl {
            return Err("--deepl-keep is for DeepL (-f deepl)".into());
        }
        if self.format == Format::Xlsx && self.file().is_none() && std::io::stdout().is_terminal() {
            return Err("XLSX is a binary file: write it with -o FILE, or redirect standard output to a file".into());
        }
        Ok(())
    }

    fn write(&self, glossary: &Glossary, decoded: Decoded) -> Result<(), Box<dyn std::error::Error>> {
        let options = self.options(glossary, decoded)?;
        let report = match self.file() {
            Some(path) => glossary.write_file(path, self.format, options)?,
            None => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                let report = glossary.write(self.format, options, &mut out)?;
                out.flush()?;
                report
            }
        };
        for line in report.dropped {
            warn(&format!("termbridge: warning: {line}"));
        }
        Ok(())
    }
}

/// Which rows the glossary keeps: applied where the glossary is decided (`extract`, and
/// `merge` of partials), never to a termbase a person edits.
#[derive(clap::Args)]
struct CutArgs {
    /// Keep rows scoring at least X (0 to 1; the `score` column); 0 keeps every row found.
    /// [default: 0.2, which drops lone lowercase words seen once or twice with no other evidence]
    #[arg(long, value_name = "X", value_parser = parse_score)]
    min_score: Option<f32>,
    /// Keep rows occurring at least N times.
    #[arg(long, value_name = "N")]
    min_frequency: Option<usize>,
    /// Keep only rows with a Chinese.
    #[arg(long)]
    aligned_only: bool,
    /// English terms never to report, one per line (`#` starts a comment line); may be given
    /// more than once.
    #[arg(long, value_name = "FILE")]
    stoplist: Vec<PathBuf>,
    /// Add columns `documents` and `glosses`: for each Chinese of a row, the inputs that
    /// gloss its English with it and the glosses that do (corpus evidence for mining).
    #[arg(long)]
    pair_counts: bool,
}

fn parse_score(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a score: give a number from 0 to 1")),
    }
}

impl CutArgs {
    /// Whether any option was given.
    fn given(&self) -> bool {
        self.min_score.is_some() || self.min_frequency.is_some() || self.aligned_only || !self.stoplist.is_empty()
    }

    /// The cut these options make, stoplists read.
    fn cut(&self) -> Result<Cut, Box<dyn std::error::Error>> {
        let mut words = String::new();
        for path in &self.stoplist {
            let stop = termbridge::input::read_file(path, &ReadOptions::new())?;
            words.push_str(&stop.text);
            words.push('\n');
        }
        let default = Cut::default();
        Ok(Cut {
            min_score: self.min_score.unwrap_or(default.min_score),
            min_frequency: self.min_frequency.unwrap_or(default.min_frequency),
            aligned_only: self.aligned_only,
            stoplist: Stoplist::from_text(&words),
        })
    }

    /// An error when options were given to a run that writes no decided glossary.
    fn refuse(&self, why: &str) -> Result<(), Box<dyn std::error::Error>> {
        if self.pair_counts {
            return Err(format!("--pair-counts and the cuts {why}").into());
        }
        if self.given() {
            return Err(format!("--min-score, --min-frequency, --aligned-only and --stoplist {why}").into());
        }
        Ok(())
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    /// One finding per paragraph, for people.
    Text,
    /// A JSON object with a `findings` array, for tools.
    Json,
}

#[derive(clap::Args)]
struct ReferenceArgs {
    /// Add a termbase (termbridge's CSV or JSON, any CSV with `english` and `chinese`
    /// columns, or TBX); it wins over the shipped reference glossaries. Repeatable.
    #[arg(long = "reference", value_name = "FILE")]
    references: Vec<PathBuf>,
    /// Do not use the reference glossaries shipped with termbridge (curated and mined).
    #[arg(long)]
    no_reference: bool,
}

impl ReferenceArgs {
    fn builder(&self) -> Result<ExtractorBuilder, Box<dyn std::error::Error>> {
        let mut builder = Extractor::builder().builtin_reference(!self.no_reference);
        for path in &self.references {
            builder = builder.reference(Reference::from_path(path)?);
        }
        Ok(builder)
    }
}

/// What a successful run found.
enum Outcome {
    Done,
    ProblemsFound,
}

/// The encoding named by `--encoding`, if any.
fn encoding_of(label: Option<&str>) -> Result<Option<Encoding>, termbridge::InputError> {
    label.map(Encoding::for_label).transpose()
}

/// How inputs are read: in the encoding `--encoding` names, telling `progress` of each.
fn read_options<'a>(
    label: Option<&str>,
    progress: &'a (dyn Fn() + Sync),
) -> Result<ReadOptions<'a>, termbridge::InputError> {
    let options = ReadOptions::new().progress(progress).warnings(&print_warning);
    Ok(match encoding_of(label)? {
        Some(encoding) => options.encoding(encoding),
        None => options,
    })
}

/// Fewer files than this are read too fast for a progress bar to help.
const PROGRESS_MIN_FILES: usize = 20;

/// A progress bar on standard error for runs over many inputs, when it is a terminal.
fn progress_bar(inputs: usize, quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || inputs < PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(inputs as u64);
    let style = indicatif::ProgressStyle::with_template("{spinner} reading {pos}/{len} files {wide_bar} {eta}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

fn run(cli: Cli) -> Result<Outcome, Box<dyn std::error::Error>> {
    match cli.command {
        Command::Extract(args) => {
            let known = Known::read(&args.exclude_termbase, args.partial)?;
            if !known.0.is_empty() && args.output.format == Format::Html {
                return Err("--exclude-termbase writes glossaries, not the review page (-f html)".into());
            }
            extract(&args, &known)
        }
        Command::Review { input, output, reference, cut } => {
            let file = output.as_deref().filter(|p| p.as_os_str() != "-");
            review(&input, file, &reference, &cut)
        }
        Command::Check { glossary, paths, format, reference, encoding } => {
            check(&glossary, &paths, format, &reference, encoding.as_deref())
        }
        Command::Merge { old, new, output, partial, reference, cut } => {
            merge(&old, &new, &output, partial, &reference, &cut)
        }
    }
}

/// The termbases whose concepts `extract --exclude-termbase` leaves out.
struct Known(Vec<Glossary>);

impl Known {
    /// Reads them all before any input is looked at: a missing or bad one is an error naming it.
    fn read(paths: &[PathBuf], partial: bool) -> Result<Known, Box<dyn std::error::Error>> {
        if partial && !paths.is_empty() {
            return Err(
                "--exclude-termbase applies to the glossary, not to partials: leave it out with --partial".into()
            );
        }
        Ok(Known(paths.iter().map(|p| read_glossary(p)).collect::<Result<_, _>>()?))
    }

    fn remove_from(&self, glossary: &mut Glossary) {
        for termbase in &self.0 {
            glossary.remove_known(termbase);
        }
    }
}

/// `termbridge extract`, leaving out the concepts of the termbases `known`.
fn extract(args: &ExtractArgs, known: &Known) -> Result<Outcome, Box<dyn std::error::Error>> {
    let ExtractArgs { input: inputs, output, reference, cut, partial, .. } = args;
    let (paths, encoding) = (&inputs.paths, inputs.encoding.as_deref());
    if *partial {
        cut.refuse("apply when the glossary is decided: give them to `termbridge merge` of the partials")?;
    } else {
        output.check()?;
        if output.format == Format::Html {
            return review(inputs, output.file(), reference, cut);
        }
    }
    let (extractor, cut, bar) = start(inputs, reference, cut)?;
    // files are read as they are analysed, one per thread: memory holds the facts
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let options = read_options(encoding, &tick)?;
    let done = || {
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
    };
    if *partial {
        let part = extractor.partial_paths(paths, &options)?;
        done();
        output.write_partial(&part)?;
    } else {
        let mut glossary = extractor.extract_paths_once(paths, &options)?;
        done();
        cut.apply(&mut glossary);
        known.remove_from(&mut glossary);
        let big5 = encoding_of(encoding)?.is_some_and(|e| e.name() == "Big5");
        output.write(&glossary, if big5 { Decoded::Big5 } else { Decoded::Other })?;
    }
    Ok(Outcome::Done)
}

/// What `extract` and `review` do before reading their inputs: build the extractor and the
/// cut, tell an unknown encoding before any file is looked at, and start the progress bar.
fn start(
    inputs: &InputArgs,
    reference: &ReferenceArgs,
    cut: &CutArgs,
) -> Result<(Extractor, Cut, Option<indicatif::ProgressBar>), Box<dyn std::error::Error>> {
    let extractor = reference.builder()?.pair_counts(cut.pair_counts).build()?;
    let cut = cut.cut()?;
    encoding_of(inputs.encoding.as_deref())?;
    let bar = progress_bar(input::expand(&inputs.paths, &ReadOptions::new())?.len(), inputs.quiet);
    Ok((extractor, cut, bar))
}

/// `termbridge review` and `extract --format html`: the review page, whose concordance is
/// read from the inputs, held in memory for it.
fn review(
    inputs: &InputArgs,
    output: Option<&Path>,
    reference: &ReferenceArgs,
    cut: &CutArgs,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    let (paths, encoding) = (&inputs.paths, inputs.encoding.as_deref());
    let (extractor, cut, bar) = start(inputs, reference, cut)?;
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let inputs = input::read_all(paths, &read_options(encoding, &tick)?)?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let sources: Vec<Source> =
        inputs.iter().map(|f| Source { name: &f.name, text: &f.text, markup: f.markup }).collect();
    let mut glossary = extractor.extract_sources(&sources);
    cut.apply(&mut glossary);
    match output {
        Some(path) => termbridge::write_atomically(path, |w| glossary.write_review(&inputs, w))?,
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            glossary.write_review(&inputs, &mut out)?;
            out.flush()?;
        }
    }
    Ok(Outcome::Done)
}

/// `termbridge check`.
fn check(
    glossary: &Path,
    paths: &[PathBuf],
    format: ReportFormat,
    reference: &ReferenceArgs,
    encoding: Option<&str>,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    let termbase = Glossary::from_path(glossary)?;
    // the glossary's terms are boundary evidence too
    let extractor = reference.builder()?.reference(Reference::from_glossary(&termbase)).build()?;
    let options = read_options(encoding, &|| {})?;
    // inputs are read as they are analysed, a piece at a time when long, as `extract` reads them
    let findings = extractor.check_paths(&termbase, paths, &options)?;
    let files = input::expand(paths, &ReadOptions::new())?.len();
    let mut out = std::io::stdout().lock();
    match format {
        ReportFormat::Text => {
            for f in &findings {
                writeln!(out, "{f}")?;
            }
            let n = findings.len();
            let s = |k: usize| if k == 1 { "" } else { "s" };
            writeln!(out, "{n} problem{} found in {files} file{}", s(n), s(files))?;
        }
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "findings": findings }))?;
            writeln!(out)?;
        }
    }
    Ok(if findings.is_empty() { Outcome::Done } else { Outcome::ProblemsFound })
}

/// `termbridge merge`.
fn merge(
    old: &PathBuf,
    new: &[PathBuf],
    output: &OutputArgs,
    partial: bool,
    reference: &ReferenceArgs,
    cut: &CutArgs,
) -> Result<Outcome, Box<dyn std::error::Error>> {
    let all: Vec<&PathBuf> = std::iter::once(old).chain(new).collect();
    let partials = all.iter().filter(|p| Partial::is_partial_file(p)).count();
    if partials == all.len() {
        let parts = all.iter().map(|p| Partial::from_path(p)).collect::<Result<Vec<_>, _>>()?;
        let combined = Partial::combine(parts);
        if partial {
            cut.refuse("apply when the glossary is decided: leave --partial out to decide it")?;
            output.write_partial(&combined)?;
        } else {
            let extractor = reference.builder()?.pair_counts(cut.pair_counts).build()?;
            let cut = cut.cut()?;
            output.check()?;
            let mut glossary = extractor.decide(&combined);
            cut.apply(&mut glossary);
            output.write(&glossary, Decoded::Other)?;
        }
        return Ok(Outcome::Done);
    }
    if partials > 0 {
        let (part, other) = all.iter().partition::<Vec<&PathBuf>, _>(|p| Partial::is_partial_file(p));
        return Err(format!(
            "{:?} is a partial glossary and {:?} is not: merge takes either glossaries (the termbase first) or partial glossaries, not both",
            part[0],
            other[0]
        )
        .into());
    }
    if new.is_empty() {
        return Err(format!(
            "merge needs the termbase and at least one new glossary: termbridge merge {:?} NEW...",
            old
        )
        .into());
    }
    if partial {
        return Err("--partial combines partial glossaries; these are glossaries (leave --partial out)".into());
    }
    cut.refuse("apply to extractions, not to a termbase people edit: cut the new glossaries when extracting them")?;
    output.check()?;
    let mut termbase = read_glossary(old)?;
    for (name, path) in by_name(new)? {
        termbase.update_from(&name, read_glossary(path)?);
    }
    output.write(&termbase, Decoded::Other)?;
    Ok(Outcome::Done)
}

/// The new glossaries of a merge by the name their counts are recorded under (the file
/// name), each once and in the order of the names: the result does not depend on the order
/// or repetition of the command line.
fn by_name(paths: &[PathBuf]) -> Result<Vec<(String, &PathBuf)>, Box<dyn std::error::Error>> {
    let mut named: std::collections::BTreeMap<String, &PathBuf> = std::collections::BTreeMap::new();
    for path in paths {
        let name = path.file_name().map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy()).into_owned();
        if let Some(other) = named.insert(name.clone(), path) {
            let same = |p: &Path| std::fs::canonicalize(p).ok();
            if other != path && same(other).is_none_or(|o| Some(o) != same(path)) {
                return Err(format!(
                    "{other:?} and {path:?} are both named {name:?}, under which their counts are recorded: rename one"
                )
                .into());
            }
        }
    }
    Ok(named.into_iter().collect())
}

fn read_glossary(path: &Path) -> Result<Glossary, Box<dyn std::error::Error>> {
    Ok(Glossary::from_path(path)?)
}

fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur = Some(e);
    while let Some(err) = cur {
        if err.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || err.to_string().contains("Broken pipe")
        {
            return true;
        }
        cur = err.source();
    }
    false
}

/// A warning about the inputs, on standard error.
fn print_warning(message: &str) {
    warn(&format!("termbridge: warning: {message}"));
}

/// Writes a line to standard error. Unlike `eprintln!`, a standard error that cannot be
/// written to (a closed pipe) is not a panic: the exit code still says what happened.
fn warn(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The exit code of a run stopped by Ctrl-C or a termination signal (128 + SIGINT's 2).
const STOPPED: i32 = 130;

fn main() -> ExitCode {
    // stopped while writing an output: no half-written temporary file is left behind
    let _ = ctrlc::set_handler(|| {
        termbridge::remove_unfinished_outputs();
        std::process::exit(STOPPED);
    });
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        // a reader that stopped early (`| head`) is not an error
        Err(e) if is_broken_pipe(e.as_ref()) => ExitCode::SUCCESS,
        Err(e) => {
            warn(&format!("termbridge: error: {e}"));
            ExitCode::from(2)
        }
    }
}
