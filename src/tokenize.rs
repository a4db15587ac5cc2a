//! Words, clitics and sentences, with exact byte offsets into the original.
//!
//! A word is a maximal run of letters, digits and combining marks; a dot,
//! comma or slash between two digits stays inside a number (`1,012`, `3.7`),
//! and a dot between two letters stays inside an abbreviation (`أ.ف.ب`).
//! Bidi and zero-width characters inside a word do not split it. This is the
//! word definition of the gold guidelines (span rule 1).

use crate::normalize::{fold, is_ignorable, normalize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (any script), possibly with digits attached (`1446هـ` is Word).
    Word,
    /// Digits with inner separators only.
    Number,
    /// One punctuation or symbol character.
    Punct,
    /// A line break: paragraphs end here.
    Newline,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Normalised form (`crate::normalize`).
    pub norm: String,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word | TokKind::Number)
    }
    pub fn is_latin(&self) -> bool {
        self.kind == TokKind::Word && self.norm.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
    }
    pub fn is_arabic(&self) -> bool {
        self.kind == TokKind::Word && self.norm.chars().next().is_some_and(is_arabic_letter)
    }
}

pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Letters, digits and marks: what a word is made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    // Fast paths for ASCII and the Arabic block (most of the text): Unicode
    // table look-ups were the tokenizer's main cost. Same answer as the
    // general rule below (a test checks every character of both blocks).
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x0600..=0x06FF => matches!(c as u32, 0x0610..=0x061A | 0x0620..=0x0669 | 0x066E..=0x06D3 | 0x06D5..=0x06FC | 0x06FF),
        _ => is_word_char_general(c),
    }
}

fn is_word_char_general(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

fn is_digit(c: char) -> bool {
    fold(c).is_some_and(|f| f.is_ascii_digit())
}

/// Split `text[start..end]` into tokens. Spaces are skipped; every other
/// character belongs to exactly one token.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let slice = &text[start..end];
    let chars: Vec<(usize, char)> = slice.char_indices().map(|(i, c)| (i + start, c)).collect();
    let mut out = Vec::with_capacity(chars.len() / 4);
    let n = chars.len();
    let mut i = 0;
    let next_word_char = |j: usize| -> Option<char> {
        // The next non-ignorable character after position j.
        chars[j + 1..].iter().map(|&(_, c)| c).find(|&c| !is_ignorable(c) || is_word_char(c))
    };
    while i < n {
        let (pos, c) = chars[i];
        if is_word_char(c) {
            let mut j = i;
            let mut all_digits = true;
            while j < n {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    if !is_digit(cj) && !is_ignorable(cj) {
                        all_digits = false;
                    }
                    j += 1;
                } else if is_ignorable(cj) && next_word_char(j).is_some_and(is_word_char) && j + 1 < n {
                    j += 1;
                } else if matches!(cj, '.' | ',' | '/' | '\u{066B}' | '\u{066C}' | ':') && j + 1 < n {
                    let prev = chars[j - 1].1;
                    let next = chars[j + 1].1;
                    let digits = is_digit(prev) && is_digit(next);
                    // Only thousands and decimals join: dates (24/07/2025) and clock
                    // times (17:16) stay apart for the time finder to read.
                    let joins = match cj {
                        '.' | '\u{066B}' => digits || (is_word_char(prev) && is_word_char(next) && !is_digit(prev) && !is_digit(next)),
                        ',' | '\u{066C}' => digits && thousands_group(&chars, j + 1),
                        _ => false,
                    };
                    if joins {
                        j += 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let (s, e) = (pos, if j < n { chars[j].0 } else { end });
            let norm = normalize(&text[s..e]);
            let kind = if all_digits { TokKind::Number } else { TokKind::Word };
            out.push(Token { start: s, end: e, kind, norm });
            i = j;
        } else if c == '\n' || c == '\r' || c == '\u{2029}' {
            out.push(Token { start: pos, end: pos + c.len_utf8(), kind: TokKind::Newline, norm: "\n".into() });
            i += 1;
        } else if c.is_whitespace() || is_ignorable(c) {
            i += 1;
        } else {
            let norm = fold(c).map(String::from).unwrap_or_default();
            out.push(Token { start: pos, end: pos + c.len_utf8(), kind: TokKind::Punct, norm });
            i += 1;
        }
    }
    out
}

/// Exactly three digits follow and then no further digit: `1,012` but not `1,2`.
fn thousands_group(chars: &[(usize, char)], from: usize) -> bool {
    let run = chars[from..].iter().take_while(|&&(_, c)| is_digit(c)).count();
    run == 3
}

/// The proclitics a word may carry, outermost first: a conjunction (و ف),
/// then a preposition (ب ل ك) or the future particle (س), then the article
/// (ال, which after ل is written لل).
///
/// Returns every reading `(prefix_len, stem)` with the article restored on
/// the stem (`للرئيس` → `الرئيس`), the whole word first. `prefix_len` is in
/// bytes of the normalised word. Stems shorter than two letters are not
/// offered.
pub fn stems(norm: &str) -> Vec<(usize, String)> {
    let mut out = vec![(0, norm.to_string())];
    let letters: Vec<(usize, char)> = norm.char_indices().collect();
    if letters.len() < 3 {
        return out;
    }
    let at = |k: usize| letters.get(k).map(|&(_, c)| c);
    let off = |k: usize| letters.get(k).map(|&(i, _)| i).unwrap_or(norm.len());
    let mut k = 0;
    let push = |k: usize, restore_al: bool, out: &mut Vec<(usize, String)>| {
        let rest = &norm[off(k)..];
        if rest.chars().count() >= 2 {
            let stem = if restore_al { format!("ال{}", rest) } else { rest.to_string() };
            if !out.iter().any(|(_, s)| *s == stem) {
                out.push((off(k), stem));
            }
        }
    };
    // Conjunction.
    if matches!(at(0), Some('و' | 'ف')) {
        k = 1;
        push(k, false, &mut out);
    }
    // Preposition; لل is ل + ال with the alef dropped.
    match at(k) {
        Some('ل') if at(k + 1) == Some('ل') => {
            push(k + 2, true, &mut out);
            push(k + 1, false, &mut out);
        }
        Some('ب' | 'ل' | 'ك' | 'س') => {
            push(k + 1, false, &mut out);
        }
        _ => {}
    }
    out
}

/// The enclitic pronouns a word may end in (ه ها هم هما كم كن نا ي), for
/// nouns and verbs: returns the word without each that fits, longest first.
pub fn without_enclitic(norm: &str) -> Vec<&str> {
    const SUFFIXES: [&str; 8] = ["هما", "هم", "ها", "كم", "كن", "نا", "ه", "ي"];
    SUFFIXES
        .iter()
        .filter_map(|s| norm.strip_suffix(s))
        .filter(|stem| stem.chars().count() >= 2)
        .collect()
}

/// Sentence spans (byte ranges) of `text[start..end]`. A sentence ends at a
/// line break, or at `.` `!` `?` `؟` `…` followed by a space, unless inside an
/// open «…» or “…” quote on the same line. Dots inside numbers and
/// abbreviations never end a sentence (they are inside words).
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    let mut depth: i32 = 0;
    let mut in_straight = false;
    let mut iter = text[start..end].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let pos = start + i;
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' => depth = (depth - 1).max(0),
            '"' => in_straight = !in_straight,
            '\n' | '\r' | '\u{2029}' => {
                push_sentence(text, s, pos, &mut out);
                s = pos + c.len_utf8();
                depth = 0;
                in_straight = false;
            }
            '.' | '!' | '?' | '؟' | '…' => {
                let ends = iter.peek().is_none_or(|&(_, n)| n.is_whitespace());
                if ends && depth == 0 && !in_straight {
                    let e = pos + c.len_utf8();
                    push_sentence(text, s, e, &mut out);
                    s = e;
                }
            }
            _ => {}
        }
    }
    push_sentence(text, s, end, &mut out);
    out
}

fn push_sentence(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((s + lead, e - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().filter(|t| t.is_word()).map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn fast_word_char_agrees_with_the_general_rule() {
        for u in (0..0x80).chain(0x0600..0x0700) {
            let c = char::from_u32(u).unwrap();
            assert_eq!(is_word_char(c), is_word_char_general(c), "U+{u:04X}");
        }
    }

    #[test]
    fn words_keep_clitics_and_marks() {
        assert_eq!(words("وقالَ بوتين، لروسيا!"), ["وقالَ", "بوتين", "لروسيا"]);
    }

    #[test]
    fn numbers_with_separators() {
        assert_eq!(words("أطلق 1,012 أسيراً و3.7 مليون و1446هـ"), ["أطلق", "1,012", "أسيراً", "و3.7", "مليون", "و1446هـ"]);
        // A list comma is not a thousands separator.
        assert_eq!(words("1,2"), ["1", "2"]);
        let t = tokenize("١٬٠١٢", 0, "١٬٠١٢".len());
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].norm, "1,012");
        assert_eq!(t[0].kind, TokKind::Number);
    }

    #[test]
    fn abbreviations_with_dots() {
        assert_eq!(words("(أ.ف.ب) و(د.ب.أ)."), ["أ.ف.ب", "و", "د.ب.أ"]);
    }

    #[test]
    fn latin_and_mixed() {
        let s = "حساب X وHeorhii Tykhii";
        assert_eq!(words(s), ["حساب", "X", "وHeorhii", "Tykhii"]);
        let t = tokenize(s, 0, s.len());
        assert!(t[1].is_latin());
        assert_eq!(t[1].norm, "x");
    }

    #[test]
    fn zero_width_does_not_split() {
        assert_eq!(words("بو\u{200B}تين \u{200F}كييف"), ["بو\u{200B}تين", "كييف"]);
    }

    #[test]
    fn stems_with_proclitics() {
        let st = |w: &str| stems(&normalize(w)).into_iter().map(|(_, s)| s).collect::<Vec<_>>();
        assert!(st("وللرئيس").contains(&"الرئيس".to_string()));
        // لل is also ل before a word that starts with ل.
        assert!(st("للقاء").contains(&"لقاء".to_string()));
        assert!(st("بإسطنبول").contains(&"اسطنبول".to_string()));
        assert!(st("وزيلينسكي").contains(&"زيلينسكي".to_string()));
        assert!(st("فالكرملين").contains(&"الكرملين".to_string()));
        assert_eq!(st("في"), vec!["في".to_string()]);
    }

    #[test]
    fn enclitics() {
        assert!(without_enclitic("بلاده").contains(&"بلاد"));
        assert!(without_enclitic("وفدها").contains(&"وفد"));
    }

    #[test]
    fn sentence_split() {
        let s = "قال بيسكوف: «لا أحد. يتوقع شيئاً». وأضاف أن 3.7 مليون (أ.ف.ب) نزحوا.\nسطر جديد";
        let got: Vec<&str> = sentences(s, 0, s.len()).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(got, ["قال بيسكوف: «لا أحد. يتوقع شيئاً».", "وأضاف أن 3.7 مليون (أ.ف.ب) نزحوا.", "سطر جديد"]);
    }
}
