//! The `khabar annotate` command: JSON on success; on bad input a message
//! naming the file, a non-zero exit and nothing on standard output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn khabar(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("khabar-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

fn failure(out: &Output) -> String {
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "no partial JSON on failure");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn annotates_files_and_stdin() {
    let a = temp("a.txt", "قال الرئيس في موسكو يوم الجمعة 16 مايو 2025 إن المحادثات انتهت.".as_bytes());
    let out = khabar(&["annotate", &a, "-"], Some("وصل الوفد إلى إسطنبول.".as_bytes()));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["file"], a.as_str());
    assert_eq!(docs[1]["file"], "-");
    for key in ["articles", "mentions", "times", "quantities", "quotes"] {
        assert!(docs[0][key].is_array(), "{key}");
    }
    assert!(json["entities"].is_array() && json["timeline"].is_array());
}

#[test]
fn published_date_is_used_and_checked() {
    let a = temp("p.txt", "نص بلا تاريخ عن المحادثات.".as_bytes());
    let out = khabar(&["annotate", "--published", "2025-06-03", &a], None);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"][0]["articles"][0]["published"], "2025-06-03");
    assert_eq!(json["documents"][0]["articles"][0]["published_from"], "given");
    let err = failure(&khabar(&["annotate", "--published", "3/6/2025", &a], None));
    assert!(err.contains("3/6/2025"), "{err}");
}

#[test]
fn missing_file() {
    let err = failure(&khabar(&["annotate", "/nonexistent/x.txt"], None));
    assert!(err.contains("/nonexistent/x.txt: no such file"), "{err}");
}

#[test]
fn directory() {
    let dir = std::env::temp_dir();
    let err = failure(&khabar(&["annotate", dir.to_str().unwrap()], None));
    assert!(err.contains("is a directory"), "{err}");
}

#[test]
fn invalid_utf8_and_binary() {
    let f = temp("bad.txt", b"\xd9\x82\xd8\xa7\xff\xfe binary");
    let err = failure(&khabar(&["annotate", &f], None));
    assert!(err.contains("bad.txt") && err.contains("not UTF-8") && err.contains("offset 4"), "{err}");
}

#[test]
fn empty_file_and_blank_text() {
    let f = temp("empty.txt", b"");
    assert!(failure(&khabar(&["annotate", &f], None)).contains("empty.txt: the file is empty"));
    let g = temp("blank.txt", " \n\u{200B}\n".as_bytes());
    assert!(failure(&khabar(&["annotate", &g], None)).contains("blank.txt: the text is empty"));
}

#[test]
fn one_bad_file_fails_the_whole_run() {
    let good = temp("good.txt", "نص جيد.".as_bytes());
    let err = failure(&khabar(&["annotate", &good, "/nonexistent/y.txt"], None));
    assert!(err.contains("y.txt"), "{err}");
}

#[test]
fn usage_errors() {
    assert_eq!(khabar(&[], None).status.code(), Some(2));
    assert_eq!(khabar(&["annotate"], None).status.code(), Some(2));
    assert_eq!(khabar(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(khabar(&["annotate", "--bogus", "x"], None).status.code(), Some(2));
    assert!(khabar(&["--version"], None).status.success());
}
