//! `khabar annotate [--published YYYY-MM-DD] [--pretty] FILE...`: the same
//! analysis as the browser API, printed as one JSON object.

use std::io::{Read, Write};
use std::process::ExitCode;

use khabar::model::DocInput;

const USAGE: &str = "usage: khabar annotate [--published YYYY-MM-DD] [--pretty] FILE...
       (FILE may be - for standard input)
       khabar --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("khabar: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("khabar: {msg}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Input(String),
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some(cmd) = args.first() else {
        return Err(Failure::Usage("no command given".into()));
    };
    match cmd.as_str() {
        "--version" | "-V" => {
            println!("khabar {}", env!("CARGO_PKG_VERSION"));
            return Ok(());
        }
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            return Ok(());
        }
        "annotate" => {}
        other => return Err(Failure::Usage(format!("unknown command {other:?}"))),
    }
    let mut published = None;
    let mut pretty = false;
    let mut files = Vec::new();
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--published" => {
                let v = it.next().ok_or_else(|| Failure::Usage("--published needs a date YYYY-MM-DD".into()))?;
                published = Some(v.clone());
            }
            "--pretty" => pretty = true,
            s if s.starts_with("--published=") => published = Some(s["--published=".len()..].to_string()),
            s if s.starts_with("--") => return Err(Failure::Usage(format!("unknown option {s:?}"))),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err(Failure::Usage("no FILE given".into()));
    }
    if let Some(p) = &published {
        if khabar::calendar::Date::parse_iso(p).is_none() {
            return Err(Failure::Usage(format!("--published {p:?} is not a date in the form YYYY-MM-DD")));
        }
    }
    let mut inputs = Vec::with_capacity(files.len());
    for f in &files {
        inputs.push(DocInput { name: f.clone(), text: read_text(f)?, published: published.clone() });
    }
    let ann = khabar::annotate(&inputs).map_err(|e| Failure::Input(e.to_string()))?;
    let json = if pretty { serde_json::to_string_pretty(&ann) } else { serde_json::to_string(&ann) }
        .map_err(|e| Failure::Input(format!("could not write JSON: {e}")))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").and_then(|_| out.flush()).map_err(|e| Failure::Input(format!("could not write output: {e}")))
}

/// Read one input as UTF-8 text, with a message naming the file on failure.
fn read_text(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(|e| Failure::Input(format!("standard input: {e}")))?;
        b
    } else {
        let meta = std::fs::metadata(path).map_err(|e| Failure::Input(format!("{path}: {}", describe(&e))))?;
        if meta.is_dir() {
            return Err(Failure::Input(format!("{path}: is a directory, not a text file")));
        }
        std::fs::read(path).map_err(|e| Failure::Input(format!("{path}: {}", describe(&e))))?
    };
    let name = if path == "-" { "standard input" } else { path };
    if bytes.is_empty() {
        return Err(Failure::Input(format!("{name}: the file is empty")));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Failure::Input(format!("{name}: not UTF-8 text (invalid byte at offset {at}); is it a binary file or in another encoding?"))
    })
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
