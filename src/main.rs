use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use termbridge::{input, reference::Reference, Extractor, ExtractorBuilder, Glossary, Source};

/// Builds a bilingual glossary from Chinese technical text with embedded English terms.
#[derive(Parser)]
#[command(name = "termbridge", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract a glossary (CSV) from files, folders (.txt, .md, .markdown) or `-` (stdin).
    Extract {
        /// Input files or folders; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the glossary to FILE (whole or not at all) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        reference: ReferenceArgs,
    },
    /// Check texts against a glossary: glosses that contradict it, glossary terms rendered
    /// several ways, one Chinese given for several English terms. Exit 0 when clean, 1 when
    /// problems were found, 2 on errors.
    Check {
        /// The glossary to check against (termbridge's CSV or any CSV with `english` and
        /// `chinese` columns).
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
    },
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
    /// Add a termbase (termbridge's CSV or any CSV with `english` and `chinese` columns); it
    /// wins over the shipped reference glossary. Repeatable.
    #[arg(long = "reference", value_name = "FILE")]
    references: Vec<PathBuf>,
    /// Do not use the reference glossary shipped with termbridge.
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

fn sources(files: &[input::InputFile]) -> Vec<Source<'_>> {
    files
        .iter()
        .map(|f| Source {
            name: &f.name,
            text: &f.text,
            markup: f.markup,
        })
        .collect()
}

fn run(cli: Cli) -> Result<Outcome, Box<dyn std::error::Error>> {
    match cli.command {
        Command::Extract {
            paths,
            output,
            reference,
        } => {
            let extractor = reference.builder()?.build()?;
            let files = input::read_all(&paths)?;
            let glossary = extractor.extract_sources(&sources(&files));
            match output {
                Some(path) => glossary.write_csv_file(&path)?,
                None => glossary.write_csv(std::io::stdout().lock())?,
            }
            Ok(Outcome::Done)
        }
        Command::Check {
            glossary,
            paths,
            format,
            reference,
        } => {
            let termbase = Glossary::from_path(&glossary)?;
            // the glossary's terms are boundary evidence too
            let extractor = reference
                .builder()?
                .reference(Reference::from_glossary(&termbase))
                .build()?;
            let files = input::read_all(&paths)?;
            let findings = extractor.check_sources(&termbase, &sources(&files));
            let mut out = std::io::stdout().lock();
            match format {
                ReportFormat::Text => {
                    for f in &findings {
                        writeln!(
                            out,
                            "{}:{}: {}: {}\n    {}",
                            f.source,
                            f.line,
                            f.kind.as_str(),
                            f.message,
                            f.sentence
                        )?;
                    }
                    let n = findings.len();
                    writeln!(
                        out,
                        "{n} problem{} found in {} file{}",
                        if n == 1 { "" } else { "s" },
                        files.len(),
                        if files.len() == 1 { "" } else { "s" }
                    )?;
                }
                ReportFormat::Json => {
                    serde_json::to_writer_pretty(
                        &mut out,
                        &serde_json::json!({ "findings": findings }),
                    )?;
                    writeln!(out)?;
                }
            }
            Ok(if findings.is_empty() {
                Outcome::Done
            } else {
                Outcome::ProblemsFound
            })
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(e) => {
            eprintln!("termbridge: error: {e}");
            ExitCode::from(2)
        }
    }
}
