//! Words, clitics and sentences, with exact byte offsets into the original.
//!
//! A word is a maximal run of letters, digits and combining marks; a dot,
//! comma or slash between two digits stays inside a number (`1,012`, `3.7`),
//! and a dot between two letters stays inside an abbreviation (`أ.ف.ب`).
//! Bidi and zero-width characters inside a word do not split it. This is the
//! word definition of the gold guidelines (span rule 1).

use crate::normalize::{fold, is_ignorable};

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
        // Latin-1 punctuation and symbols (« » are here), and General
        // Punctuation (quotes, dashes, bullets, bidi controls).
        0x80..=0xBF => matches!(c as u32, 0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE),
        0x2000..=0x206F => false,
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
///
/// Each token owns its normalised form; [`Tokens`] is the same split with
/// the forms in one shared buffer (no allocation per token).
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let t = Tokens::new(text, start, end);
    t.toks
        .iter()
        .map(|k| Token { start: k.start(), end: k.end(), kind: k.kind, norm: t.norm_of(k).to_string() })
        .collect()
}

/// A token of a [`Tokens`]: byte offsets into the text and the place of its
/// normalised form in [`Tokens::arena`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    start: u32,
    end: u32,
    n0: u32,
    n1: u32,
    pub kind: TokKind,
    /// [`Tok::LATIN`], [`Tok::DIGIT`].
    flags: u8,
}

impl Tok {
    /// The normalised form has an ASCII letter.
    pub const LATIN: u8 = 1;
    /// The normalised form has an ASCII digit.
    pub const DIGIT: u8 = 2;

    /// The normalised form has an ASCII letter (a Latin word, a domain, a
    /// handle, a model number).
    #[inline]
    pub fn has_latin(&self) -> bool {
        self.flags & Tok::LATIN != 0
    }
    /// The normalised form has a digit (digits are normalised to ASCII).
    #[inline]
    pub fn has_digit(&self) -> bool {
        self.flags & Tok::DIGIT != 0
    }
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// Its normalised form is `Tokens::arena[n0()..n1()]`.
    #[inline]
    pub fn n0(&self) -> usize {
        self.n0 as usize
    }
    #[inline]
    pub fn n1(&self) -> usize {
        self.n1 as usize
    }
    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word | TokKind::Number)
    }
}

/// The tokens of a text ([`tokenize`]'s split) with their normalised forms
/// in one string: `arena[n0..n1]` of each token. Reusable: [`tokenize_into`]
/// clears and refills it.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    pub arena: String,
}

impl Tokens {
    pub fn new(text: &str, start: usize, end: usize) -> Tokens {
        let mut t = Tokens::default();
        tokenize_into(text, start, end, &mut t);
        t
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Normalised form of a token of this list.
    #[inline]
    pub fn norm_of(&self, t: &Tok) -> &str {
        &self.arena[t.n0 as usize..t.n1 as usize]
    }

    /// Normalised form of token `i` ("" past the end).
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self.norm_of(t),
            None => "",
        }
    }

    /// A Latin word ([`Token::is_latin`]).
    pub fn is_latin(&self, t: &Tok) -> bool {
        t.kind == TokKind::Word && self.norm_of(t).bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
    }

    /// An Arabic word ([`Token::is_arabic`]).
    pub fn is_arabic(&self, t: &Tok) -> bool {
        t.kind == TokKind::Word && self.norm_of(t).chars().next().is_some_and(is_arabic_letter)
    }
}

/// The character at byte `p` of `b` (valid UTF-8, `p` on a boundary) and its
/// length.
#[inline]
fn char_at(b: &[u8], p: usize) -> (char, usize) {
    let x = b[p];
    if x < 0x80 {
        return (x as char, 1);
    }
    let (len, init) = if x < 0xE0 {
        (2, (x & 0x1F) as u32)
    } else if x < 0xF0 {
        (3, (x & 0x0F) as u32)
    } else {
        (4, (x & 0x07) as u32)
    };
    let mut u = init;
    for k in 1..len {
        u = (u << 6) | (b[p + k] & 0x3F) as u32;
    }
    // SAFETY: `b` is valid UTF-8 and `p` is on a character boundary, so this
    // decodes one whole scalar value.
    (unsafe { char::from_u32_unchecked(u) }, len)
}

/// [`tokenize`] into a reused [`Tokens`]: no allocation per token.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Tokens) {
    assert!(end <= u32::MAX as usize, "text too long for token offsets");
    // The buffers are worked on as locals (their lengths stay in registers)
    // and put back at the end.
    let mut toks = std::mem::take(&mut out.toks);
    let mut arena = std::mem::take(&mut out.arena).into_bytes();
    toks.clear();
    arena.clear();
    toks.reserve((end - start) / 5);
    // Normalising never lengthens a character, so the arena never grows.
    arena.reserve(end - start);
    let b = text.as_bytes();
    let mut p = start;
    while p < end {
        let x = b[p];
        if x == b' ' {
            p += 1;
            continue;
        }
        if x.is_ascii_alphanumeric() || ((x == 0xD8 || x == 0xD9) && is_word_char(char_at(b, p).0)) {
            p = word(b, p, end, &mut arena, &mut toks);
            continue;
        }
        let (c, len) = char_at(b, p);
        if is_word_char(c) {
            p = word(b, p, end, &mut arena, &mut toks);
        } else if c == '\n' || c == '\r' || c == '\u{2029}' {
            let n0 = arena.len() as u32;
            arena.push(b'\n');
            toks.push(Tok { start: p as u32, end: (p + len) as u32, n0, n1: n0 + 1, kind: TokKind::Newline, flags: 0 });
            p += len;
        } else if c.is_whitespace() || is_ignorable(c) {
            p += len;
        } else {
            let n0 = arena.len() as u32;
            if let Some(f) = fold(c) {
                push_char(&mut arena, f);
            }
            toks.push(Tok { start: p as u32, end: (p + len) as u32, n0, n1: arena.len() as u32, kind: TokKind::Punct, flags: 0 });
            p += len;
        }
    }
    out.toks = toks;
    // SAFETY: whole characters only were pushed (see `word` and `push_char`).
    out.arena = unsafe { String::from_utf8_unchecked(arena) };
}

#[inline]
fn push_char(arena: &mut Vec<u8>, c: char) {
    if (c as u32) < 0x80 {
        arena.push(c as u8);
    } else {
        let mut buf = [0u8; 4];
        arena.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// Whether code point `u` (from a D8/D9 lead byte) is one of the Arabic
/// letters U+0621–U+063A, U+0641–U+064A: word characters that normalise to
/// themselves but for ([`fold_letter`]).
#[inline]
fn plain_letter(u: u32) -> bool {
    matches!(u, 0x0621..=0x063A | 0x0641..=0x064A)
}

/// The UTF-8 of an Arabic letter's normal form (U+0621–U+064A): أ إ آ → ا,
/// ة → ه, ى → ي, the rest unchanged. By table: a `match` here compiled to
/// an indirect jump per letter.
#[inline]
pub(crate) fn fold_letter(u: u32) -> [u8; 2] {
    const MAP: [u8; 42] = {
        let mut m = [0u8; 42];
        let mut i = 0;
        while i < 42 {
            let u = 0x0621 + i as u32;
            let f = match u {
                0x0622 | 0x0623 | 0x0625 => 0x0627,
                0x0629 => 0x0647,
                0x0649 => 0x064A,
                _ => u,
            };
            // The low six bits; the lead byte is D8 below U+0640, else D9.
            m[i] = (f & 0x3F) as u8 | if f >= 0x0640 { 0x40 } else { 0 };
            i += 1;
        }
        m
    };
    let m = MAP[(u - 0x0621) as usize];
    [0xD8 | (m >> 6), 0x80 | (m & 0x3F)]
}

/// The word starting with the word character at `p`: pushes its token and
/// returns where it ends.
#[inline]
fn word(b: &[u8], p: usize, end: usize, arena: &mut Vec<u8>, toks: &mut Vec<Tok>) -> usize {
    let n0 = arena.len() as u32;
    let mut q = p;
    let mut all_digits = true;
    let mut flags = 0u8;
    let mut prev = ' ';
    while q < end {
        let x = b[q];
        // Fast paths: runs of Arabic letters (two bytes, D8/D9) and ASCII
        // letters and digits, whose folds are known.
        if x == 0xD8 || x == 0xD9 {
            let mut r = q;
            let mut last = 0;
            while r < end && (b[r] == 0xD8 || b[r] == 0xD9) {
                let u = ((b[r] as u32 & 0x1F) << 6) | (b[r + 1] as u32 & 0x3F);
                if !plain_letter(u) {
                    break;
                }
                arena.extend_from_slice(&fold_letter(u));
                last = u;
                r += 2;
            }
            if r > q {
                all_digits = false;
                // SAFETY: `last` is an Arabic letter, a valid scalar value.
                prev = unsafe { char::from_u32_unchecked(last) };
                q = r;
                continue;
            }
        } else if x.is_ascii_alphanumeric() {
            if x.is_ascii_digit() {
                flags |= Tok::DIGIT;
            } else {
                all_digits = false;
                flags |= Tok::LATIN;
            }
            arena.push(x.to_ascii_lowercase());
            prev = x as char;
            q += 1;
            continue;
        }
        let (c, len) = char_at(b, q);
        if is_word_char(c) {
            match fold(c) {
                Some(f) => {
                    if f.is_ascii_digit() {
                        flags |= Tok::DIGIT;
                    } else {
                        all_digits = false;
                        if f.is_ascii_alphabetic() {
                            flags |= Tok::LATIN;
                        }
                    }
                    push_char(arena, f);
                }
                // Marks and tatweel: dropped, and no mark of a non-number.
                None => {}
            }
            prev = c;
            q += len;
        } else if is_ignorable(c) {
            // Bidi and zero-width characters stay inside when a word
            // character follows the run.
            let mut r = q + len;
            while r < end {
                let (d, l) = char_at(b, r);
                if is_ignorable(d) && !is_word_char(d) {
                    r += l;
                } else {
                    break;
                }
            }
            if r < end && is_word_char(char_at(b, r).0) {
                q = r;
            } else {
                break;
            }
        } else if matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}') && q + len < end {
            let next = char_at(b, q + len).0;
            let digits = is_digit(prev) && is_digit(next);
            // Only thousands and decimals join: dates (24/07/2025) and clock
            // times (17:16) stay apart for the time finder to read.
            let joins = match c {
                '.' | '\u{066B}' => digits || (is_word_char(prev) && is_word_char(next) && !is_digit(prev) && !is_digit(next)),
                _ => digits && digit_run(b, q + len, end) == 3,
            };
            if !joins {
                break;
            }
            arena.push(if matches!(c, '.' | '\u{066B}') { b'.' } else { b',' });
            prev = c;
            q += len;
        } else {
            break;
        }
    }
    let kind = if all_digits { TokKind::Number } else { TokKind::Word };
    toks.push(Tok { start: p as u32, end: q as u32, n0, n1: arena.len() as u32, kind, flags });
    q
}

/// Digits from `from` on (stops counting at four).
fn digit_run(b: &[u8], from: usize, end: usize) -> usize {
    let mut n = 0;
    let mut q = from;
    while q < end && n < 4 {
        let (c, l) = char_at(b, q);
        if !is_digit(c) {
            break;
        }
        n += 1;
        q += l;
    }
    n
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
    let b = text.as_bytes();
    let mut s = start;
    let mut depth: i32 = 0;
    let mut in_straight = false;
    // Whether the character after one ending at `q` is white space or the end.
    let ends = |q: usize| q >= end || char_at(b, q).0.is_whitespace();
    let mut p = start;
    // Byte by byte: every character that matters starts with an ASCII byte
    // or with C2 («»), D8 (؟) or E2 (“”…, U+2029), never a continuation byte.
    while p < end {
        let x = b[p];
        match x {
            b'"' => in_straight = !in_straight,
            b'\n' | b'\r' => {
                push_sentence(text, s, p, &mut out);
                s = p + 1;
                depth = 0;
                in_straight = false;
            }
            b'.' | b'!' | b'?' => {
                if ends(p + 1) && depth == 0 && !in_straight {
                    push_sentence(text, s, p + 1, &mut out);
                    s = p + 1;
                }
            }
            0xC2 => match b[p + 1] {
                0xAB => depth += 1,
                0xBB => depth = (depth - 1).max(0),
                _ => {}
            },
            0xD8 if b[p + 1] == 0x9F => {
                // ؟
                if ends(p + 2) && depth == 0 && !in_straight {
                    push_sentence(text, s, p + 2, &mut out);
                    s = p + 2;
                }
            }
            0xE2 if b[p + 1] == 0x80 => match b[p + 2] {
                0x9C => depth += 1,
                0x9D => depth = (depth - 1).max(0),
                0xA9 => {
                    // U+2029, a paragraph separator.
                    push_sentence(text, s, p, &mut out);
                    s = p + 3;
                    depth = 0;
                    in_straight = false;
                }
                0xA6 => {
                    // …
                    if ends(p + 3) && depth == 0 && !in_straight {
                        push_sentence(text, s, p + 3, &mut out);
                        s = p + 3;
                    }
                }
                _ => {}
            },
            _ => {}
        }
        p += 1;
    }
    push_sentence(text, s, end, &mut out);
    out
}

/// Push `text[s..e]` without its surrounding white space, if anything is left.
pub(crate) fn push_sentence(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((s + lead, e - trail));
    }
}

#[cfg(test)]
mod reference {
    //! The first tokenizer, kept to check the fast one against.
    use super::*;
    use crate::normalize::normalize;

pub(super) fn sentences_reference(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
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

/// Split `text[start..end]` into tokens. Spaces are skipped; every other
/// character belongs to exactly one token.
pub(super) fn tokenize_reference(text: &str, start: usize, end: usize) -> Vec<Token> {
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
pub(super) fn thousands_group(chars: &[(usize, char)], from: usize) -> bool {
    let run = chars[from..].iter().take_while(|&&(_, c)| is_digit(c)).count();
    run == 3
}

}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().filter(|t| t.is_word()).map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn fast_word_char_agrees_with_the_general_rule() {
        for u in (0..0x0800).chain(0x2000..0x2100) {
            let c = char::from_u32(u).unwrap();
            assert_eq!(is_word_char(c), is_word_char_general(c), "U+{u:04X}");
        }
    }

    /// The fast tokenizer splits exactly as the first one did, on text
    /// built from the characters that matter to it.
    #[test]
    fn agrees_with_the_reference() {
        let alphabet: Vec<char> = "؟…\u{2028}\u{0085}اأإآبتةثلمنويىءؤئ١٢٣٠0123456789 .,/:٫٬،؛؟!?\n\r\u{2029}\t\u{00A0}\u{200B}\u{200F}\u{202B}\u{FEFF}\u{064B}\u{0651}\u{0640}«»“”\"()-–aBzXé中😀ـ۱\u{0670}"
            .chars()
            .collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..4000 {
            let len = rnd(40);
            let s: String = (0..len).map(|_| alphabet[rnd(alphabet.len())]).collect();
            let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            let a = bounds[rnd(bounds.len())];
            let b = bounds[rnd(bounds.len())];
            let (a, b) = (a.min(b), a.max(b));
            for (x, y) in [(0, s.len()), (a, b)] {
                let want = reference::tokenize_reference(&s, x, y);
                let got = tokenize(&s, x, y);
                let key = |t: &Token| (t.start, t.end, t.kind, t.norm.clone());
                assert_eq!(got.iter().map(key).collect::<Vec<_>>(), want.iter().map(key).collect::<Vec<_>>(), "{s:?} {x}..{y}");
                assert_eq!(sentences(&s, x, y), reference::sentences_reference(&s, x, y), "{s:?} {x}..{y}");
                let t = Tokens::new(&s, x, y);
                for k in &t.toks {
                    let n = t.norm_of(k);
                    assert_eq!(k.has_latin(), n.bytes().any(|b| b.is_ascii_alphabetic()), "{s:?}");
                    assert_eq!(k.has_digit(), n.bytes().any(|b| b.is_ascii_digit()), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn letter_folds_by_table() {
        for u in (0x0621..=0x063A).chain(0x0641..=0x064A) {
            let c = char::from_u32(u).unwrap();
            let mut buf = [0u8; 4];
            assert_eq!(&fold_letter(u)[..], fold(c).unwrap().encode_utf8(&mut buf).as_bytes(), "U+{u:04X}");
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
