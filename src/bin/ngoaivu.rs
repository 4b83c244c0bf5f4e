//! The native command line: `ngoaivu analyze FILE|DIR|- … [--format json|jsonl]
//! [--input text|html|auto] [--published YYYY-MM-DD] [--locality NAME]`.
//!
//! Reports are the same JSON the JS API returns (spans in UTF-16 code
//! units). Unreadable or non-UTF-8 files are reported on stderr by name and
//! the rest go on; the exit status is 1 when any input failed, 2 on usage.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use ngoaivu::{analyze_to_json, Error, Format, Options};

const USAGE: &str = "usage: ngoaivu analyze FILE|DIR|- ... [--format json|jsonl] [--input text|html|auto] [--published YYYY-MM-DD] [--locality NAME] [--no-timing]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("ngoaivu: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (cmd, rest) = args.split_first().ok_or("no command")?;
    if cmd == "--help" || cmd == "-h" {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    if cmd == "--version" {
        println!("ngoaivu {}", env!("CARGO_PKG_VERSION"));
        return Ok(ExitCode::SUCCESS);
    }
    if cmd != "analyze" {
        return Err(format!("unknown command {cmd:?}"));
    }
    let mut inputs = Vec::new();
    let mut out_format = "json".to_string();
    let mut options = Options::default();
    let mut timing = true;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--format" => out_format = value("--format")?,
            "--input" => {
                let v = value("--input")?;
                options.format = Format::parse(&v).ok_or(format!("--input: expected text, html or auto, got {v:?}"))?;
            }
            "--published" => {
                let v = value("--published")?;
                options = Options::from_json(&serde_json::json!({ "published": v }).to_string())
                    .map(|o| Options { published: o.published, ..options.clone() })
                    .map_err(|e| e.to_string())?;
            }
            "--locality" => options.locality = Some(value("--locality")?),
            "--no-timing" => timing = false,
            s if s.starts_with("--") => return Err(format!("unknown flag {s:?}")),
            path => inputs.push(path.to_string()),
        }
    }
    if !matches!(out_format.as_str(), "json" | "jsonl") {
        return Err(format!("--format: expected json or jsonl, got {out_format:?}"));
    }
    if inputs.is_empty() {
        return Err("no input files".into());
    }
    let files = expand(&inputs);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    let jsonl = out_format == "jsonl" || files.len() > 1;
    for file in &files {
        match read_input(file).and_then(|text| {
            let t0 = Instant::now();
            let json = analyze_to_json(&text, &options, None)?;
            let ms = if timing { t0.elapsed().as_secs_f64() * 1000.0 } else { 0.0 };
            Ok(with_timing(json, ms))
        }) {
            Ok(json) => {
                let line = if jsonl {
                    let name = serde_json::to_string(&file.display().to_string()).unwrap_or_else(|_| "\"\"".into());
                    format!("{{\"file\":{name},{}", json.get(1..).unwrap_or("}"))
                } else {
                    json
                };
                if writeln!(out, "{line}").is_err() {
                    return Ok(ExitCode::from(1));
                }
            }
            Err(e) => {
                eprintln!("ngoaivu: {e}");
                failed = true;
            }
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn with_timing(json: String, ms: f64) -> String {
    json.replacen("\"milliseconds\":0.0", &format!("\"milliseconds\":{ms:.3}"), 1)
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
