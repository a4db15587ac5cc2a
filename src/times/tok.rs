//! A line-at-a-time tokenizer for the time scanner.
//!
//! Same word definition as `crate::tokenize` (GUIDELINES.md span rule 1: a
//! word is a maximal run of letters, digits and marks; a dot or a thousands
//! comma between digits and a dot between letters stay inside; bidi and
//! zero-width characters inside a word do not split it), but built for
//! speed: tokens of one line at a time go into reused buffers, and their
//! normalised forms into one reused string, so scanning allocates nothing
//! per token. Calendar expressions never cross a line break, so a line is a
//! complete unit of work.

use crate::normalize::{fold, is_ignorable};
use crate::tokenize::{is_word_char, TokKind};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Normalised form: `arena[n0..n1]`.
    pub n0: u32,
    pub n1: u32,
}

/// `crate::tokenize::is_word_char` through a bitset of the Basic
/// Multilingual Plane: `char::is_alphanumeric` searches Unicode tables and
/// was most of the scanning time on Arabic text.
#[inline]
fn word_char(c: char) -> bool {
    static BITS: OnceLock<Box<[u64; 1024]>> = OnceLock::new();
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    if u >= 0x1_0000 {
        return is_word_char(c);
    }
    let bits = BITS.get_or_init(|| {
        let mut b = Box::new([0u64; 1024]);
        for u in 0..0x1_0000u32 {
            if char::from_u32(u).is_some_and(is_word_char) {
                b[(u >> 6) as usize] |= 1 << (u & 63);
            }
        }
        b
    });
    bits[(u >> 6) as usize] >> (u & 63) & 1 == 1
}

#[inline]
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

#[inline]
fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}')
}

/// Calls `line(toks, arena)` for every line of `text[start..end]` (the
/// tokens of the line, without the line break).
pub fn for_each_line(text: &str, start: usize, end: usize, line: impl FnMut(&[Tok], &str)) {
    for_each_line_opt(text, start, end, false, line)
}

/// [`for_each_line`], optionally skipping lines without any digit (for
/// callers that only want full dates).
pub fn for_each_line_opt(text: &str, start: usize, end: usize, digit_lines_only: bool, mut line: impl FnMut(&[Tok], &str)) {
    let mut toks: Vec<Tok> = Vec::with_capacity(256);
    let mut arena = String::with_capacity(2048);
    let slice = &text[start..end];
    let bytes = slice.as_bytes();
    let mut pos = 0; // byte offset in slice
    let n = slice.len();
    // Decode one char at `p`.
    let at = |p: usize| -> Option<char> { slice[p..].chars().next() };
    let mut line_start = true;
    while pos < n {
        if line_start && digit_lines_only {
            line_start = false;
            let e = bytes[pos..].iter().position(|&b| b == b'\n' || b == b'\r').map_or(n, |k| pos + k);
            if !has_digit(&bytes[pos..e]) {
                pos = e;
                continue;
            }
        }
        // ASCII fast path for spaces.
        let b = bytes[pos];
        if b == b' ' {
            pos += 1;
            continue;
        }
        let c = match at(pos) {
            Some(c) => c,
            None => break,
        };
        let clen = c.len_utf8();
        if is_newline(c) {
            line(&toks, &arena);
            toks.clear();
            arena.clear();
            pos += clen;
            line_start = true;
            continue;
        }
        if word_char(c) {
            let s = pos;
            let n0 = arena.len();
            let mut all_digits = true;
            let mut prev = c;
            let mut j = pos;
            while j < n {
                let cj = match at(j) {
                    Some(x) => x,
                    None => break,
                };
                let lj = cj.len_utf8();
                if word_char(cj) {
                    if let Some(f) = fold(cj) {
                        arena.push(f);
                        if !is_digit(cj) {
                            all_digits = false;
                        }
                    }
                    prev = cj;
                    j += lj;
                } else if is_ignorable(cj) {
                    // A run of bidi / zero-width characters stays inside the
                    // word when a word character follows it (looked at once
                    // per run, so a long run costs its length).
                    let (r, last) = ignorable_run(slice, j);
                    if r < n && at(r).is_some_and(word_char) {
                        prev = last;
                        j = r;
                    } else {
                        break;
                    }
                } else if matches!(cj, '.' | ',' | '\u{066B}' | '\u{066C}') && j + lj < n {
                    let next = at(j + lj).unwrap_or(' ');
                    let digits = is_digit(prev) && is_digit(next);
                    let joins = match cj {
                        '.' | '\u{066B}' => digits || (word_char(prev) && word_char(next) && !is_digit(prev) && !is_digit(next)),
                        _ => digits && digit_run(slice, j + lj) == 3,
                    };
                    if joins {
                        if let Some(f) = fold(cj) {
                            arena.push(f);
                        }
                        prev = cj;
                        j += lj;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let kind = if all_digits { TokKind::Number } else { TokKind::Word };
            toks.push(Tok { start: start + s, end: start + j, kind, n0: n0 as u32, n1: arena.len() as u32 });
            pos = j;
        } else if c.is_whitespace() || is_ignorable(c) {
            pos += clen;
        } else {
            let n0 = arena.len();
            if let Some(f) = fold(c) {
                arena.push(f);
            }
            toks.push(Tok { start: start + pos, end: start + pos + clen, kind: TokKind::Punct, n0: n0 as u32, n1: arena.len() as u32 });
            pos += clen;
        }
    }
    line(&toks, &arena);
}

/// Any ASCII, Arabic-Indic (U+0660–0669) or Persian (U+06F0–06F9) digit.
fn has_digit(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_digit()
            || (x == 0xD9 && b.get(i + 1).is_some_and(|y| (0xA0..=0xA9).contains(y)))
            || (x == 0xDB && b.get(i + 1).is_some_and(|y| (0xB0..=0xB9).contains(y)))
    })
}

/// End of the run of ignorable non-word characters starting at `from`, and
/// the run's last character.
fn ignorable_run(s: &str, from: usize) -> (usize, char) {
    let mut last = ' ';
    for (k, c) in s[from..].char_indices() {
        if !is_ignorable(c) || word_char(c) {
            return (from + k, last);
        }
        last = c;
    }
    (s.len(), last)
}

/// Length of the run of digits starting at `from`.
fn digit_run(s: &str, from: usize) -> usize {
    s[from..].chars().take_while(|&c| is_digit(c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    /// Same tokens as `crate::tokenize` (minus line breaks).
    #[test]
    fn agrees_with_the_shared_tokenizer() {
        let samples = [
            "وقالَ بوتين، لروسيا! 1,012 أسيراً و3.7 مليون و1446هـ (أ.ف.ب) و(د.ب.أ).",
            "بو\u{200B}تين \u{200F}كييف 24/07/2025 17:16 03.12.2025 ١٬٠١٢ 1,2\nسطر «جديد» – 2 – 6 (كونا)",
            "a.b. X وHeorhii 12,3456 ..., ،،\u{200B}\u{200B}x\u{200B} \u{064B}ً",
        ];
        for s in samples {
            let want: Vec<(usize, usize, String)> = tokenize(s, 0, s.len())
                .into_iter()
                .filter(|t| t.kind != TokKind::Newline)
                .map(|t| (t.start, t.end, t.norm))
                .collect();
            let mut got = Vec::new();
            for_each_line(s, 0, s.len(), |toks, arena| {
                for t in toks {
                    got.push((t.start, t.end, arena[t.n0 as usize..t.n1 as usize].to_string()));
                }
            });
            assert_eq!(got, want, "{s}");
        }
    }
}
