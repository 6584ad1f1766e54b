use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use termbridge::{input, reference::Reference, Extractor, Source};

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
    fn extractor(&self) -> Result<Extractor, Box<dyn std::error::Error>> {
        let mut builder = Extractor::builder().builtin_reference(!self.no_reference);
        for path in &self.references {
            builder = builder.reference(Reference::from_path(path)?);
        }
        Ok(builder.build()?)
    }
}

fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    match cli.command {
        Command::Extract {
            paths,
            output,
            reference,
        } => {
            let extractor = reference.extractor()?;
            let files = input::read_all(&paths)?;
            let sources: Vec<Source> = files
                .iter()
                .map(|f| Source {
                    name: &f.name,
                    text: &f.text,
                    markup: f.markup,
                })
                .collect();
            let glossary = extractor.extract_sources(&sources);
            match output {
                Some(path) => glossary.write_csv_file(&path)?,
                None => glossary.write_csv(std::io::stdout().lock())?,
            }
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("termbridge: error: {e}");
            ExitCode::from(2)
        }
    }
}
