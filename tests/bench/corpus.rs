//! Benchmark corpora: the demo's sample articles (`www/samples.js`),
//! repeated and varied (paragraphs rotated, digits shifted) to a target size,
//! split into documents of one article each.

/// The `text:` template literals of `www/samples.js`.
pub fn samples() -> Vec<String> {
    let js = include_str!("../../www/samples.js");
    js.split("text: `")
        .skip(1)
        .filter_map(|rest| rest.split('`').next())
        .map(str::to_string)
        .collect()
}

/// Documents totalling about `bytes` bytes.
pub fn corpus(bytes: usize) -> Vec<String> {
    let base = samples();
    assert!(!base.is_empty(), "no sample articles found in www/samples.js");
    let mut out = Vec::new();
    let mut total = 0;
    let mut k = 0usize;
    while total < bytes {
        let s = &base[k % base.len()];
        let mut paras: Vec<&str> = s.split("\n\n").collect();
        let rot = (k / base.len()) % paras.len().max(1);
        paras.rotate_left(rot);
        // Shift every ASCII digit so numbers and dates differ between copies.
        let shift = (k / base.len()) as u8 % 10;
        let text: String = paras
            .join("\n\n")
            .chars()
            .map(|c| if c.is_ascii_digit() && shift > 0 { (b'0' + (c as u8 - b'0' + shift) % 10) as char } else { c })
            .collect();
        total += text.len();
        out.push(text);
        k += 1;
    }
    out
}
