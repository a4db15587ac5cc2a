//! Property tests over the whole pipeline: arbitrary Unicode, long lines,
//! deep nesting, mixed scripts, bidi and zero-width characters, pathological
//! repetition. Nothing panics, and every span is inside its text, on a
//! UTF-16 character boundary, with `text` equal to the slice it covers.

use khabar::model::{Annotation, DocInput};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// Pieces that exercise every stage: names, dates, numbers, clitics,
/// quotes, brackets, dots, dashes, controls, astral characters.
const PIECES: &[&str] = &[
    "بوتين", "وزيلينسكي", "الرئيس", "الروسية", "إسطنبول", "وزارة", "الخارجية", "قال", "إن", "يوم",
    "الجمعة", "أمس", "16", "مايو", "(أيار)", "2025", "٢٠٢٥", "1,012", "3.7", "أ.ف.ب", "(رويترز)", "«", "»",
    "\"", "“", "”", "(", ")", "[", "]", "،", "؛", "؟", ".", ":", "-", "–", "—", "/", "\n", "\n\n", " ", "  ",
    "\u{200B}", "\u{200F}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{0640}", "\u{064E}", "\u{0651}", "😀",
    "𝔸", "Umerov", "AP", "X", "Heorhii", "中文", "ש", "é", "1446هـ", "ذو القعدة", "ليل الأحد - الاثنين",
    "بين 20 و30 يونيو", "مقالات ذات صلة", "آخر تحديث:", "17:16", "24/07/2025", "ألف", "آلاف", "مقابل",
    "<script>", "</b>", "&amp;", "\t", "\r\n", "٫", "٬", "‎", "ـ", "ً", "ء",
];

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..pieces {
        match rng.below(10) {
            // Arbitrary scalar values, including rare planes.
            0 => {
                let c = char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{FFFD}');
                s.push(c);
            }
            _ => s.push_str(PIECES[rng.below(PIECES.len())]),
        }
    }
    s
}

/// Every span of the result against the UTF-16 form of its text.
fn check(ann: &Annotation, texts: &[String]) {
    for (doc, text) in ann.documents.iter().zip(texts) {
        let u: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(doc.length, u.len());
        let boundary = |i: usize| i == u.len() || !(0xDC00..0xE000).contains(&u[i]);
        let slice = |s: usize, e: usize| String::from_utf16(&u[s..e]).expect("span splits a surrogate pair");
        let mut spans: Vec<(usize, usize, Option<&str>)> = Vec::new();
        for a in &doc.articles {
            spans.push((a.start, a.end, None));
            for s in a.captions.iter().chain(&a.boilerplate).chain(a.dateline.iter()) {
                spans.push((s.start, s.end, None));
            }
        }
        spans.extend(doc.mentions.iter().map(|m| (m.start, m.end, Some(m.text.as_str()))));
        spans.extend(doc.times.iter().map(|t| (t.start, t.end, Some(t.text.as_str()))));
        spans.extend(doc.quantities.iter().map(|q| (q.start, q.end, Some(q.text.as_str()))));
        spans.extend(doc.quotes.iter().map(|q| (q.start, q.end, Some(q.text.as_str()))));
        for (s, e, t) in spans {
            assert!(s <= e && e <= u.len(), "span {s}..{e} outside 0..{}", u.len());
            assert!(boundary(s) && boundary(e), "span {s}..{e} not on a character boundary");
            if let Some(t) = t {
                assert_eq!(slice(s, e), t, "span text differs from the text it covers");
            }
        }
        for w in doc.mentions.windows(2) {
            assert!(w[0].end <= w[1].start, "mentions overlap or are unsorted");
        }
    }
    for item in &ann.timeline {
        for says in &item.says {
            let text = &texts[ann.documents.iter().position(|d| d.file == says.file).expect("says names a document")];
            let u: Vec<u16> = text.encode_utf16().collect();
            for (s, e, t) in says.quantities.iter().map(|q| (q.start, q.end, &q.text)).chain(says.quotes.iter().map(|q| (q.start, q.end, &q.text))) {
                assert!(s <= e && e <= u.len());
                assert_eq!(&String::from_utf16(&u[s..e]).unwrap(), t);
            }
        }
        for ev in &item.evidence {
            let (doc, text) = ann.documents.iter().zip(texts).find(|(d, _)| d.file == ev.file).expect("evidence names a document");
            assert!(ev.start <= ev.end && ev.end <= doc.length);
            let u: Vec<u16> = text.encode_utf16().collect();
            assert_eq!(String::from_utf16(&u[ev.start..ev.end]).unwrap(), ev.text);
        }
    }
}

fn run(texts: Vec<String>) {
    let inputs: Vec<DocInput> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| DocInput { name: format!("d{i}"), text: t.clone(), published: None })
        .collect();
    match khabar::annotate(&inputs) {
        Ok(ann) => check(&ann, &texts),
        // The only refusal is an input with nothing in it.
        Err(khabar::Error::Empty { .. }) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
}

#[test]
fn random_documents_never_panic_and_spans_are_exact() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..400 {
        let docs = 1 + rng.below(3);
        let texts = (0..docs)
            .map(|_| {
                let n = 1 + rng.below(300);
                random_text(&mut rng, n)
            })
            .collect();
        run(texts);
    }
}

#[test]
fn long_line_and_pathological_repetition() {
    run(vec!["يوم الجمعة ".repeat(20_000)]);
    run(vec!["بوتين ".repeat(20_000)]);
    run(vec!["«".repeat(5_000) + &"(".repeat(5_000) + "نص" + &")".repeat(5_000) + &"»".repeat(5_000)]);
    run(vec!["أ.".repeat(50_000)]);
    run(vec!["1,".repeat(50_000)]);
    run(vec!["\u{200B}".repeat(10_000) + "كييف" + &"\u{064E}".repeat(10_000)]);
    let mut rng = Rng(7);
    run(vec![random_text(&mut rng, 40_000).replace('\n', " ")]);
}

#[test]
fn every_error_names_the_input() {
    let empty = DocInput { name: "blank.txt".into(), text: " \n\u{200F}\t".into(), published: None };
    let err = khabar::annotate(&[empty]).unwrap_err();
    assert!(err.to_string().contains("blank.txt"), "{err}");
    assert_eq!(khabar::annotate(&[]).unwrap_err(), khabar::Error::NoDocuments);
    let bad = DocInput { name: "x.txt".into(), text: "نص".into(), published: Some("2025-13-01".into()) };
    assert!(khabar::annotate(&[bad]).unwrap_err().to_string().contains("2025-13-01"));
}

/// The same input gives the same output, whatever the hash maps' seeds
/// (each map in a process gets different ones).
#[test]
fn output_is_deterministic() {
    let js = include_str!("../www/samples.js");
    let inputs: Vec<DocInput> = js
        .split("text: `")
        .skip(1)
        .filter_map(|rest| rest.split('`').next())
        .enumerate()
        .map(|(i, t)| DocInput { name: format!("s{i}"), text: t.to_string(), published: None })
        .collect();
    assert!(inputs.len() >= 3);
    let first = khabar::annotate(&inputs).unwrap();
    for _ in 0..5 {
        assert_eq!(khabar::annotate(&inputs).unwrap(), first);
    }
}
