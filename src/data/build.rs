//! Cargo build script: copies the data files into OUT_DIR without their
//! comment lines and blank lines, so the comments that document the data
//! cost nothing in the wasm. Every data file is read through
//! `crate::data_file!`, which includes the stripped copy.

use std::fs;
use std::path::Path;

fn main() {
    let src = Path::new("src/data");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("data");
    fs::create_dir_all(&out).expect("create OUT_DIR/data");
    println!("cargo:rerun-if-changed=src/data");
    for entry in fs::read_dir(src).expect("read src/data") {
        let path = entry.expect("list src/data").path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else { continue };
        if ext != "tsv" && ext != "txt" {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("read a data file");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let gazetteer = matches!(name, "places.tsv" | "people.tsv" | "orgs.tsv");
        let kept: String = text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim_start().is_empty() && !l.trim_start().starts_with('#'))
            .map(|l| if gazetteer { drop_derivable_english(l) } else { l.to_string() })
            .flat_map(|l| [l, "\n".to_string()])
            .collect();
        fs::write(out.join(path.file_name().expect("file name")), kept).expect("write a data file");
    }
}

/// Gazetteer rows are `id, kind, English name, Arabic forms`. Most English
/// names are the id in title case (`abu-dhabi` → `Abu Dhabi`): those are left
/// empty in the compiled copy, and `gazetteer::english_from_id` puts them
/// back. That is a tenth of the gzipped wasm.
fn drop_derivable_english(line: &str) -> String {
    let mut cols: Vec<&str> = line.split('\t').collect();
    if cols.len() >= 4 && cols[2] == english_from_id(cols[0]) {
        cols[2] = "";
    }
    cols.join("\t")
}

include!("english_names.rs");
