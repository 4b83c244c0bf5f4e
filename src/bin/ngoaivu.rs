//! The native command line for archives:
//!
//! - `ngoaivu analyze FILE|DIR|- … [--format json|jsonl|csv]` — one report
//!   per input (csv: every metric, one row each);
//! - `ngoaivu corpus FILE|DIR|- … [--format json|csv|xlsx] [--out FILE]` —
//!   the corpus summary (facts, series, conflicts, partners, findings), its
//!   facts as CSV, or metrics and facts as an Excel workbook (needs --out).
//!
//! Both take `[--input text|html|auto] [--published YYYY-MM-DD] [--locality
//! NAME] [--bom] [--no-timing] [--no-progress]`. Reports are the JSON the JS
//! API returns (spans in UTF-16 code units); files are analyzed on all
//! cores, in input order. Unreadable or non-UTF-8 files are reported on
//! stderr by name and the rest go on; the exit status is 1 when any input
//! failed, 2 on usage.

// The CLI is native only (rayon, indicatif, files); the wasm32 build of the
// tests compiles this binary too, as an empty one.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::Instant;

    use indicatif::{ProgressBar, ProgressStyle};
    use ngoaivu::corpus::{facts_csv, metrics_csv, xlsx};
    use ngoaivu::{Analyzer, Corpus, Error, Format, Options, Report};
    use rayon::prelude::*;

    const USAGE: &str = "usage: ngoaivu analyze FILE|DIR|- ... [--format json|jsonl|csv]
           ngoaivu corpus FILE|DIR|- ... [--format json|csv|xlsx] [--out FILE]
    options: [--input text|html|auto] [--published YYYY-MM-DD] [--locality NAME] [--bom] [--no-timing] [--no-progress]";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match run(&args) {
            Ok(code) => code,
            Err(msg) => {
                eprintln!("ngoaivu: {msg}\n{USAGE}");
                ExitCode::from(2)
            }
        }
    }

    struct Args {
        command: String,
        inputs: Vec<String>,
        format: Option<String>,
        out: Option<PathBuf>,
        options: Options,
        timing: bool,
        progress: bool,
        bom: bool,
    }

    fn parse(args: &[String]) -> Result<Args, String> {
        let (cmd, rest) = args.split_first().ok_or("no command")?;
        let mut a = Args {
            command: cmd.clone(),
            inputs: Vec::new(),
            format: None,
            out: None,
            options: Options::default(),
            timing: true,
            progress: true,
            bom: false,
        };
        let mut it = rest.iter();
        while let Some(arg) = it.next() {
            let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--format" => a.format = Some(value("--format")?),
                "--out" => a.out = Some(PathBuf::from(value("--out")?)),
                "--input" => {
                    let v = value("--input")?;
                    a.options.format = Format::parse(&v).ok_or(format!("--input: expected text, html or auto, got {v:?}"))?;
                }
                "--published" => {
                    let v = value("--published")?;
                    let parsed = Options::from_json(&serde_json::json!({ "published": v }).to_string()).map_err(|e| e.to_string())?;
                    a.options.published = parsed.published;
                }
                "--locality" => a.options.locality = Some(value("--locality")?),
                "--no-timing" => a.timing = false,
                "--no-progress" => a.progress = false,
                "--bom" => a.bom = true,
                s if s.starts_with("--") => return Err(format!("unknown flag {s:?}")),
                path => a.inputs.push(path.to_string()),
            }
        }
        Ok(a)
    }

    fn run(args: &[String]) -> Result<ExitCode, String> {
        match args.first().map(String::as_str) {
            Some("--help" | "-h") => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Some("--version") => {
                println!("ngoaivu {}", env!("CARGO_PKG_VERSION"));
                return Ok(ExitCode::SUCCESS);
            }
            _ => {}
        }
        let a = parse(args)?;
        let format = a.format.clone().unwrap_or_else(|| "json".to_string());
        match (a.command.as_str(), format.as_str()) {
            ("analyze", "json" | "jsonl" | "csv") | ("corpus", "json" | "csv") => {}
            ("corpus", "xlsx") if a.out.is_some() => {}
            ("corpus", "xlsx") => return Err("--format xlsx needs --out FILE".into()),
            ("analyze" | "corpus", f) => return Err(format!("--format {f:?} is not one of {} takes", a.command)),
            (c, _) => return Err(format!("unknown command {c:?}")),
        }
        if a.inputs.is_empty() {
            return Err("no input files".into());
        }
        let files = expand(&a.inputs);
        let analyzed = analyze_all(&files, &a.options, a.progress);

        let mut failed = false;
        let mut docs: Vec<(String, usize, Report, f64)> = Vec::new();
        for (file, result) in files.iter().zip(analyzed) {
            match result {
                Ok((text, report, ms)) => docs.push((file.display().to_string(), text.len(), report.to_utf16(&text), ms)),
                Err(e) => {
                    eprintln!("ngoaivu: {e}");
                    failed = true;
                }
            }
        }

        let output = match (a.command.as_str(), format.as_str()) {
            ("analyze", "json" | "jsonl") => {
                let jsonl = format == "jsonl" || files.len() > 1;
                let mut s = String::new();
                for (name, _, mut report, ms) in docs {
                    report.stats.milliseconds = if a.timing { (ms * 1000.0).round() / 1000.0 } else { 0.0 };
                    let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
                    if jsonl {
                        let name = serde_json::to_string(&name).map_err(|e| e.to_string())?;
                        s.push_str(&format!("{{\"file\":{name},{}", json.get(1..).unwrap_or("}")));
                    } else {
                        s.push_str(&json);
                    }
                    s.push('\n');
                }
                s.into_bytes()
            }
            (cmd, f) => {
                let mut corpus = Corpus::new(a.options.clone()).utf16();
                for (name, bytes, report, _) in docs {
                    corpus.add_report(Some(name), bytes, report);
                }
                match (cmd, f) {
                    ("analyze", _) => metrics_csv(&corpus, a.bom).into_bytes(),
                    (_, "csv") => facts_csv(&corpus.summary(), a.bom).into_bytes(),
                    (_, "xlsx") => xlsx(&corpus).map_err(|e| e.to_string())?,
                    _ => (serde_json::to_string(&corpus.summary()).map_err(|e| e.to_string())? + "\n").into_bytes(),
                }
            }
        };
        let written = match &a.out {
            Some(path) => std::fs::write(path, output).map_err(|e| format!("{}: {e}", path.display())),
            None => std::io::stdout().lock().write_all(&output).map_err(|e| e.to_string()),
        };
        if let Err(e) = written {
            eprintln!("ngoaivu: {e}");
            return Ok(ExitCode::from(1));
        }
        Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
    }

    type Analyzed = Result<(String, Report, f64), Error>;

    /// Reads and analyzes every file on all cores; results in input order.
    fn analyze_all(files: &[PathBuf], options: &Options, progress: bool) -> Vec<Analyzed> {
        let analyzer = Analyzer::new(options.clone());
        let bar = if progress && files.len() > 1 { ProgressBar::new(files.len() as u64) } else { ProgressBar::hidden() };
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} {wide_msg}") {
            bar.set_style(style);
        }
        let out = files
            .par_iter()
            .map(|file| {
                let result = read_input(file).and_then(|text| {
                    let t0 = Instant::now();
                    let report = analyzer.analyze(&text)?;
                    Ok((text, report, t0.elapsed().as_secs_f64() * 1000.0))
                });
                bar.inc(1);
                result
            })
            .collect();
        bar.finish_and_clear();
        out
    }

    /// Files named, and the .txt/.md/.html files of directories named, sorted.
    fn expand(inputs: &[String]) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for i in inputs {
            let p = PathBuf::from(i);
            if p.is_dir() {
                let mut found: Vec<PathBuf> = std::fs::read_dir(&p)
                    .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|f| is_document(f)).collect())
                    .unwrap_or_default();
                found.sort();
                out.extend(found);
            } else {
                out.push(p);
            }
        }
        out
    }

    fn is_document(p: &Path) -> bool {
        matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html" | "htm"))
            && !p.to_string_lossy().ends_with(".gold.json")
    }

    fn read_input(path: &Path) -> Result<String, Error> {
        let name = path.display().to_string();
        let bytes = if name == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| Error::io("-", e.to_string()))?;
            buf
        } else {
            std::fs::read(path).map_err(|e| Error::io(&name, e.to_string()))?
        };
        String::from_utf8(bytes).map_err(|_| Error::not_utf8(&name))
    }
}
