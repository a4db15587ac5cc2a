//! Candidate mentions in one document: gazetteer names, nationality
//! adjectives, organisation heads, quoted names, and people found by context
//! (titles, given names, reporting verbs, Latin capitals).
//!
//! Everything works on the tokenizer's tokens; a candidate is a token range
//! `ts..te` whose byte span runs from the first token's start (proclitics
//! included) to the last token's end (punctuation outside). Lookups are hash
//! probes on normalised token n-grams, so a document is scanned in linear
//! time whatever the size of the gazetteer.

use std::borrow::Cow;

use crate::gazetteer::{self, flag, Gazetteer, HashSet};
use crate::tokenize::{TokKind, Tokens};

/// Where a candidate's referent comes from.
#[derive(Debug, Clone)]
pub enum Src {
    /// Gazetteer entries sharing the matched form (usually one).
    Gaz(Cow<'static, [u32]>),
    /// A nationality adjective: the place id.
    Nat(&'static str),
    /// A person found by context: normalised name tokens, the first without
    /// its proclitics. `weak` ones are kept only when they link to a person
    /// named elsewhere in the run.
    Person { toks: Vec<String>, role: Option<String>, weak: bool },
    /// An organisation or place not in the gazetteer: its canonical key.
    New(String),
}

#[derive(Debug, Clone)]
pub struct Cand {
    pub ts: usize,
    pub te: usize,
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    pub src: Src,
    pub prio: u8,
    /// The span is exactly the content of a quotation.
    pub quoted: bool,
    /// For a person after a title: the title (+ `|` + nationality place id
    /// or organisation), a hint for linking spelling variants.
    pub role: Option<String>,
}

/// One proclitic reading of a normalised word: `prefix` bytes of proclitics,
/// the rest, and whether ال must be restored (`للرئيس` → `الرئيس`).
#[derive(Clone, Copy, Debug)]
pub struct Reading<'a> {
    pub prefix: usize,
    pub al: bool,
    pub rest: &'a str,
}

impl Reading<'_> {
    pub fn write(&self, buf: &mut String) {
        buf.clear();
        if self.al {
            buf.push_str("ال");
        }
        buf.push_str(self.rest);
    }
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.write(&mut s);
        s
    }
}

/// The readings of a word, the whole word first (as `tokenize::stems`, plus
/// the plain ل reading of لل: `لليبيا` → `ليبيا`).
pub fn readings<'n>(norm: &'n str) -> Readings<'n> {
    let mut out = Readings { n: 0, r: [Reading { prefix: 0, al: false, rest: "" }; 4] };
    out.push(Reading { prefix: 0, al: false, rest: norm });
    let mut chars = norm.chars();
    let first = chars.next();
    // Fewer than three letters: no proclitic reading.
    if chars.next().is_none() || chars.next().is_none() {
        return out;
    }
    let push = |at: usize, al: bool, out: &mut Readings<'n>| {
        let rest = &norm[at..];
        let mut rc = rest.chars();
        if rc.next().is_some() && rc.next().is_some() && !out.as_slice().iter().any(|r| r.rest == rest && r.al == al) {
            out.push(Reading { prefix: at, al, rest });
        }
    };
    let mut k = 0;
    if matches!(first, Some('و' | 'ف')) {
        k = 'و'.len_utf8();
        push(k, false, &mut out);
    }
    let rest = &norm[k..];
    let mut rc = rest.chars();
    match (rc.next(), rc.next()) {
        (Some('ل'), Some('ل')) => {
            push(k + 2 * 'ل'.len_utf8(), true, &mut out);
            push(k + 'ل'.len_utf8(), false, &mut out);
        }
        (Some('ب' | 'ل' | 'ك' | 'س'), _) => push(k + 'ب'.len_utf8(), false, &mut out),
        _ => {}
    }
    out
}

/// Up to four readings, without allocating.
#[derive(Clone, Copy)]
pub struct Readings<'n> {
    n: usize,
    r: [Reading<'n>; 4],
}

impl<'n> Readings<'n> {
    fn push(&mut self, r: Reading<'n>) {
        if self.n < 4 {
            self.r[self.n] = r;
            self.n += 1;
        }
    }
    pub fn as_slice(&self) -> &[Reading<'n>] {
        &self.r[..self.n]
    }
    pub fn iter(&self) -> std::slice::Iter<'_, Reading<'n>> {
        self.as_slice().iter()
    }
    pub fn len(&self) -> usize {
        self.n
    }
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

impl<'n> IntoIterator for Readings<'n> {
    type Item = Reading<'n>;
    type IntoIter = std::iter::Take<std::array::IntoIter<Reading<'n>, 4>>;
    fn into_iter(self) -> Self::IntoIter {
        self.r.into_iter().take(self.n)
    }
}

fn is_open_quote(s: &str) -> bool {
    matches!(s, "«" | "\"" | "“" | "”" | "'" | "‘" | "’" | "/" | "„" | "‹")
}

fn closes(open: &str, close: &str) -> bool {
    match open {
        "«" => close == "»",
        "‹" => close == "›",
        "“" => close == "”" || close == "“",
        "”" => close == "”" || close == "“",
        "„" => close == "“" || close == "”",
        "‘" => close == "’" || close == "‘",
        "’" => close == "’",
        _ => close == open,
    }
}


/// A Latin or Cyrillic capitalised word (`Heorhii`), not an acronym (`AP`).
fn capitalised_raw(raw: &str) -> bool {
    let mut cs = raw.chars();
    let Some(c0) = cs.next() else { return false };
    if !(c0.is_ascii_uppercase() || ('\u{0400}'..='\u{042F}').contains(&c0)) {
        return false;
    }
    raw.chars().skip(1).any(|c| c.is_lowercase()) && !raw.contains('.') && raw.chars().all(|c| c.is_alphabetic() || crate::normalize::is_ignorable(c))
}

/// Part of a handle, hashtag, URL or path (`@ZelenskyyUa`,
/// `apnews.com/hub/russia-ukraine`).
fn glued_at(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before_space = start == 0 || bytes[start - 1].is_ascii_whitespace();
    let after_space = end >= bytes.len() || bytes[end].is_ascii_whitespace();
    if before_space && after_space {
        return false;
    }
    let mut a = start;
    while a > 0 && !bytes[a - 1].is_ascii_whitespace() && a + 64 > start {
        a -= 1;
    }
    let mut b = end;
    while b < bytes.len() && !bytes[b].is_ascii_whitespace() && b < end + 64 {
        b += 1;
    }
    while !text.is_char_boundary(a) {
        a += 1;
    }
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let chunk = &text[a..b];
    // Every test below needs one of these bytes: most chunks have none.
    let (mut colon, mut dot, mut slash, mut ascii) = (false, false, false, true);
    for &x in chunk.as_bytes() {
        match x {
            b'@' | b'#' => return true,
            b':' => colon = true,
            b'.' => dot = true,
            b'/' => slash = true,
            0x80.. => ascii = false,
            _ => {}
        }
    }
    if !dot && !colon {
        return false;
    }
    (colon && chunk.contains("://")) || (dot && (chunk.contains("www.") || (slash && ascii) || chunk.contains(".com") || chunk.contains(".org")))
}

/// Does the raw token carry a tanween (U+064B, bytes D9 8B)?
#[inline]
fn has_tanween(raw: &str) -> bool {
    raw.as_bytes().windows(2).any(|w| w == [0xD9, 0x8B])
}

/// One proclitic reading of a token with its lexicon flags.
#[derive(Clone, Copy, Default, Debug)]
struct R {
    prefix: u8,
    al: bool,
    flags: u32,
}

/// The readings of one token, by value.
#[derive(Clone, Copy)]
struct Rs {
    n: u8,
    r: [R; 4],
}

impl Rs {
    #[inline]
    fn as_slice(&self) -> &[R] {
        &self.r[..self.n as usize]
    }
    #[inline]
    fn iter(&self) -> std::slice::Iter<'_, R> {
        self.as_slice().iter()
    }
    #[inline]
    fn first(&self) -> Option<&R> {
        self.as_slice().first()
    }
}

impl IntoIterator for Rs {
    type Item = R;
    type IntoIter = std::iter::Take<std::array::IntoIter<R, 4>>;
    fn into_iter(self) -> Self::IntoIter {
        self.r.into_iter().take(self.n as usize)
    }
}

/// Per-token facts ([`Info::bits`]).
mod bit {
    pub const TANWEEN: u16 = 1;
    pub const CAP: u16 = 1 << 1;
    pub const GLUED: u16 = 1 << 2;
    pub const DEF: u16 = 1 << 3;
    pub const STOP: u16 = 1 << 4;
    /// `name_like(i, false)`.
    pub const NAME: u16 = 1 << 5;
    /// `name_like(i, true)`.
    pub const NAME_DEF: u16 = 1 << 6;
    /// `given_at(i, false)`.
    pub const GIVEN: u16 = 1 << 7;
    /// `given_at(i, true)`.
    pub const GIVEN_AMB: u16 = 1 << 8;
    /// `has(i, VERB, true)`.
    pub const VERB: u16 = 1 << 9;
}

/// What the scanner keeps about each token, computed once (32 bytes).
#[derive(Clone, Copy, Default)]
struct Info {
    flags: [u32; 4],
    /// Proclitic bytes of each reading; the high bit: ال restored.
    pre: [u8; 4],
    n: u8,
    /// Length of the title phrase starting here (0: none).
    title: u8,
    bits: u16,
    /// 1 + index into [`Scan::gaz`] of the longest gazetteer name starting
    /// here (0: none).
    gaz: u32,
    /// 1 + index into [`Scan::nat`] of the nationality starting here.
    nat: u32,
}

pub struct Scan<'a> {
    pub text: &'a str,
    pub t: Tokens,
    info: Vec<Info>,
    /// Gazetteer matches: (end token, entries).
    gaz: Vec<(u32, &'static Vec<u32>)>,
    /// Nationality spans: (end token, place id).
    nat: Vec<(u32, &'static String)>,
    g: &'static Gazetteer,
}

/// A scan's buffers, for the next document.
#[derive(Default)]
pub struct ScanBuffers {
    t: Tokens,
    info: Vec<Info>,
    gaz: Vec<(u32, &'static Vec<u32>)>,
    nat: Vec<(u32, &'static String)>,
}

fn definite_norm(n: &str) -> bool {
    n.starts_with("ال") || ["وال", "فال", "بال", "كال", "لل", "وبال", "ولل", "فلل", "وكال"].iter().any(|p| n.starts_with(p))
}

/// What a normalised word says wherever it stands: its readings with their
/// lexicon flags and the tests that need nothing else ([`wbit`]).
#[derive(Clone, Copy, Default)]
struct WordFacts {
    flags: [u32; 4],
    pre: [u8; 4],
    n: u8,
    bits: u16,
    /// All the readings' flags together.
    any: u32,
}

/// [`WordFacts::bits`].
mod wbit {
    pub const DEF: u16 = 1;
    pub const STOP: u16 = 1 << 1;
    /// A given name (`given_at(i, false)` when the token has no tanween).
    pub const GIVEN: u16 = 1 << 2;
    /// The same with ambiguous given names.
    pub const GIVEN_AMB: u16 = 1 << 3;
    /// Latin letters in a non-ASCII word.
    pub const LATIN_MARKS: u16 = 1 << 4;
    /// A reporting verb, with or without proclitics.
    pub const VERB: u16 = 1 << 5;
    /// `Tokens::is_latin` of a word.
    pub const LATIN: u16 = 1 << 6;
    /// `Tokens::is_arabic` of a word.
    pub const ARABIC: u16 = 1 << 7;
    /// Fewer than two letters.
    pub const SHORT: u16 = 1 << 8;
}

impl WordFacts {
    fn of(norm: &str, g: &Gazetteer, buf: &mut String) -> WordFacts {
        let mut w = WordFacts::default();
        for (k, r) in readings(norm).into_iter().take(4).enumerate() {
            let flags = if r.al {
                r.write(buf);
                g.lex.get(buf.as_str()).copied().unwrap_or(0)
            } else {
                g.lex.get(r.rest).copied().unwrap_or(0)
            };
            w.flags[k] = flags;
            w.any |= flags;
            w.pre[k] = r.prefix as u8 | if r.al { 0x80 } else { 0 };
            w.n = k as u8 + 1;
        }
        let rs = w.rs();
        let mut bits = 0;
        if definite_norm(norm) {
            bits |= wbit::DEF;
        }
        // وكذلك, فقط: a conjunction on a stop word.
        let stop = rs.first().is_some_and(|r| r.flags & flag::STOP != 0)
            || ((norm.starts_with('و') || norm.starts_with('ف'))
                && rs.iter().any(|r| !r.al && r.prefix as usize == 'و'.len_utf8() && r.flags & flag::STOP != 0));
        if stop {
            bits |= wbit::STOP;
        }
        let given = |ambiguous_ok: bool| {
            !stop
                && rs.iter().any(|r| {
                    // و ف ب ل may stand before a name; ك and س hardly ever do.
                    let pre = &norm[..r.prefix as usize];
                    !r.al
                        && !pre.contains(|c: char| matches!(c, 'ك' | 'س'))
                        && r.flags & (flag::STOP | flag::ORG_HEAD) == 0
                        && (r.flags & flag::GIVEN != 0 || (ambiguous_ok && r.flags & flag::GIVEN_AMB != 0))
                })
        };
        if given(false) {
            bits |= wbit::GIVEN;
        }
        if given(true) {
            bits |= wbit::GIVEN_AMB;
        }
        if !norm.is_ascii() && norm.bytes().any(|b| b.is_ascii_alphabetic()) {
            bits |= wbit::LATIN_MARKS;
        }
        if rs.first().is_some_and(|r| r.flags & flag::VERB != 0) || rs.iter().skip(1).any(|r| !r.al && r.flags & flag::VERB != 0) {
            bits |= wbit::VERB;
        }
        if norm.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
            bits |= wbit::LATIN;
        }
        if norm.chars().next().is_some_and(crate::tokenize::is_arabic_letter) {
            bits |= wbit::ARABIC;
        }
        if norm.chars().nth(1).is_none() {
            bits |= wbit::SHORT;
        }
        w.bits = bits;
        w
    }

    fn rs(&self) -> Rs {
        let mut out = Rs { n: self.n, r: [R::default(); 4] };
        for k in 0..self.n as usize {
            out.r[k] = R { prefix: self.pre[k] & 0x7F, al: self.pre[k] & 0x80 != 0, flags: self.flags[k] };
        }
        out
    }
}

/// [`WordFacts`] of the words seen so far in a run, so each distinct word
/// is looked up in the lexicon once. An open-addressing table whose slots
/// hold the upper hash bits beside the entry number, so a probe reads an
/// entry only when the hash matches; the keys are in one string. Cleared
/// when full, to bound its memory whatever the input.
pub struct WordCache {
    /// 0: empty; else the hash's upper 40 bits | 1 + index into `entries`.
    slots: Vec<u64>,
    /// (key start, key end in `keys`, facts).
    entries: Vec<(u32, u32, WordFacts)>,
    keys: String,
    buf: String,
}

impl Default for WordCache {
    fn default() -> WordCache {
        WordCache { slots: vec![0; 1024], entries: Vec::new(), keys: String::new(), buf: String::new() }
    }
}

impl WordCache {
    /// At most this many words (some 6 MB).
    const MAX: usize = 1 << 17;
    const TAG: u64 = !0xFF_FFFF;

    #[inline]
    fn hash(s: &str) -> u64 {
        let mut h: u64 = s.len() as u64;
        let mut chunks = s.as_bytes().chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = 0u64;
            for (k, &x) in rest.iter().enumerate() {
                w |= (x as u64) << (8 * k);
            }
            h = (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        h
    }

    /// The slot a hash starts probing at (from bits the tag keeps).
    #[inline]
    fn home(h: u64, mask: usize) -> usize {
        (h >> 32) as usize & mask
    }

    fn get(&mut self, norm: &str, g: &Gazetteer) -> WordFacts {
        let h = Self::hash(norm);
        let tag = h & Self::TAG;
        let mask = self.slots.len() - 1;
        let mut i = Self::home(h, mask);
        loop {
            let s = self.slots[i];
            if s == 0 {
                break;
            }
            if s & Self::TAG == tag {
                let e = &self.entries[(s & !Self::TAG) as usize - 1];
                if &self.keys[e.0 as usize..e.1 as usize] == norm {
                    return e.2;
                }
            }
            i = (i + 1) & mask;
        }
        let facts = WordFacts::of(norm, g, &mut self.buf);
        if self.entries.len() >= Self::MAX {
            self.entries.clear();
            self.keys.clear();
            self.slots.iter_mut().for_each(|s| *s = 0);
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::home(h, mask);
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        let k0 = self.keys.len() as u32;
        self.keys.push_str(norm);
        self.entries.push((k0, self.keys.len() as u32, facts));
        self.slots[i] = tag | self.entries.len() as u64;
        facts
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![0; old.len() * 2];
        let mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|&s| s != 0) {
            let mut i = Self::home(s, mask);
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }
}

impl<'a> Scan<'a> {
    pub fn new(text: &'a str) -> Scan<'a> {
        Scan::with(text, &mut WordCache::default(), ScanBuffers::default())
    }

    /// A scan of `text` using the run's word cache and the buffers of an
    /// earlier scan.
    pub fn with(text: &'a str, words: &mut WordCache, bufs: ScanBuffers) -> Scan<'a> {
        let g = gazetteer::get();
        let ScanBuffers { mut t, mut info, mut gaz, mut nat } = bufs;
        crate::tokenize::tokenize_into(text, 0, text.len(), &mut t);
        let n = t.len();
        info.clear();
        info.resize(n, Info::default());
        gaz.clear();
        nat.clear();
        let mut s = Scan { text, t, info, gaz, nat, g };
        let mut buf = String::new();
        // The words' own facts first, in a loop of independent look-ups (so
        // their memory accesses overlap), kept in `info` for a moment: the
        // readings, and the word bits in `bits`.
        for (tk, inf) in s.t.toks.iter().zip(s.info.iter_mut()) {
            if tk.kind == TokKind::Word {
                let w = words.get(&s.t.arena[tk.n0()..tk.n1()], g);
                *inf = Info { flags: w.flags, pre: w.pre, n: w.n, title: 0, bits: w.bits, gaz: 0, nat: 0 };
            }
        }
        // Then one pass: a token's facts need only the token before it and
        // the words after it.
        for i in 0..n {
            let tk = s.t.toks[i];
            if tk.kind != TokKind::Word {
                continue;
            }
            let wb = s.info[i].bits;
            let any = s.any_flags(i);
            let raw = &text[tk.start()..tk.end()];
            let mut bits = 0;
            if has_tanween(raw) {
                bits |= bit::TANWEEN;
            }
            if wb & wbit::DEF != 0 {
                bits |= bit::DEF;
            }
            if wb & wbit::STOP != 0 {
                bits |= bit::STOP;
            }
            if wb & wbit::VERB != 0 {
                bits |= bit::VERB;
            }
            if capitalised_raw(raw) {
                bits |= bit::CAP;
            }
            if glued_at(text, tk.start(), tk.end()) {
                bits |= bit::GLUED;
            }
            if bits & bit::TANWEEN == 0 {
                if wb & wbit::GIVEN != 0 {
                    bits |= bit::GIVEN;
                }
                if wb & wbit::GIVEN_AMB != 0 {
                    bits |= bit::GIVEN_AMB;
                }
            }
            s.info[i].bits = bits;
            if any & (flag::NAME | flag::NAME_PREFIX) != 0 || wb & wbit::LATIN_MARKS != 0 {
                if let Some((e, v)) = s.gaz_compute(i, wb & wbit::LATIN_MARKS != 0, &mut buf) {
                    s.gaz.push((e as u32, v));
                    s.info[i].gaz = s.gaz.len() as u32;
                }
            }
            if any & (flag::NAT | flag::NAT_PREFIX) != 0 || bits & bit::TANWEEN != 0 {
                if let Some((e, p)) = s.nat_compute(i, &mut buf) {
                    s.nat.push((e as u32, p));
                    s.info[i].nat = s.nat.len() as u32;
                }
            }
            if any & (flag::TITLE | flag::TITLE_PREFIX) != 0 {
                if let Some(e) = s.title_compute(i, &mut buf) {
                    s.info[i].title = (e - i).min(255) as u8;
                }
            }
            let (name, name_def) = s.name_like_compute(i, wb & wbit::LATIN != 0, wb & wbit::ARABIC != 0, wb & wbit::SHORT != 0);
            if name {
                s.info[i].bits |= bit::NAME;
            }
            if name_def {
                s.info[i].bits |= bit::NAME_DEF;
            }
        }
        s
    }

    /// The buffers, for the next scan.
    pub fn into_buffers(self) -> ScanBuffers {
        ScanBuffers { t: self.t, info: self.info, gaz: self.gaz, nat: self.nat }
    }

    #[inline]
    fn bit(&self, i: usize, b: u16) -> bool {
        self.info.get(i).is_some_and(|f| f.bits & b != 0)
    }

    #[inline]
    fn rs(&self, i: usize) -> Rs {
        let inf = &self.info[i];
        let mut out = Rs { n: inf.n, r: [R::default(); 4] };
        for k in 0..inf.n as usize {
            out.r[k] = R { prefix: inf.pre[k] & 0x7F, al: inf.pre[k] & 0x80 != 0, flags: inf.flags[k] };
        }
        out
    }

    /// The flags of all readings of token i together.
    #[inline]
    fn any_flags(&self, i: usize) -> u32 {
        self.info.get(i).map_or(0, |f| f.flags[0] | f.flags[1] | f.flags[2] | f.flags[3])
    }

    #[inline]
    fn flags0(&self, i: usize) -> u32 {
        self.info.get(i).map_or(0, |f| if f.n > 0 { f.flags[0] } else { 0 })
    }

    #[inline]
    fn norm(&self, i: usize) -> &str {
        self.t.norm(i)
    }

    #[inline]
    fn rest(&self, i: usize, r: &R) -> &str {
        &self.norm(i)[r.prefix as usize..]
    }

    fn rtext(&self, i: usize, r: &R) -> String {
        let mut s = String::new();
        self.rtext_into(i, r, &mut s);
        s
    }

    fn rtext_into(&self, i: usize, r: &R, buf: &mut String) {
        buf.clear();
        if r.al {
            buf.push_str("ال");
        }
        buf.push_str(self.rest(i, r));
    }

    #[inline]
    fn kind(&self, i: usize) -> Option<TokKind> {
        self.t.toks.get(i).map(|t| t.kind)
    }

    #[inline]
    fn word(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| t.is_word())
    }

    fn punct(&self, i: usize) -> Option<&str> {
        self.t.toks.get(i).filter(|t| t.kind == TokKind::Punct).map(|t| self.t.norm_of(t))
    }

    /// Original text of token i.
    fn raw(&self, i: usize) -> &'a str {
        let t = &self.t.toks[i];
        &self.text[t.start()..t.end()]
    }

    fn cand(&self, ts: usize, te: usize, kind: &'static str, src: Src, prio: u8) -> Cand {
        Cand { ts, te, start: self.t.toks[ts].start(), end: self.t.toks[te - 1].end(), kind, src, prio, quoted: false, role: None }
    }

    /// Longest gazetteer name starting at token i: (end token, entries).
    pub fn gaz_at(&self, i: usize) -> Option<(usize, &'static [u32])> {
        let k = self.info.get(i)?.gaz;
        if k == 0 {
            return None;
        }
        let (e, v) = self.gaz[k as usize - 1];
        Some((e as usize, v.as_slice()))
    }

    fn gaz_compute(&self, i: usize, latin_marks: bool, buf: &mut String) -> Option<(usize, &'static Vec<u32>)> {
        if !self.word(i) {
            return None;
        }
        let g = self.g;
        let mut best: Option<(usize, &'static Vec<u32>)> = None;
        for r in self.rs(i) {
            if r.flags & (flag::NAME | flag::NAME_PREFIX) == 0 && !latin_marks {
                continue;
            }
            self.rtext_into(i, &r, buf);
            if latin_marks {
                *buf = crate::entities::skeleton::latin_fold(buf);
            }
            let mut j = i + 1;
            loop {
                if let Some(v) = g.names.get(buf.as_str()) {
                    if best.as_ref().map_or(true, |(e, _)| j > *e) {
                        best = Some((j, v));
                    }
                }
                if !g.name_prefixes.contains(buf.as_str()) {
                    break;
                }
                match self.t.toks.get(j) {
                    Some(t) if t.kind != TokKind::Newline => {
                        buf.push(' ');
                        buf.push_str(self.t.norm_of(t));
                        j += 1;
                    }
                    _ => break,
                }
            }
        }
        best
    }

    /// Nationality place id of token i, if it is a nationality adjective.
    pub fn nat_at(&self, i: usize) -> Option<&'static str> {
        self.nat_span(i).map(|(_, p)| p)
    }

    /// A nationality adjective starting at token i (one to three words:
    /// `الروسي`, `كورية شمالية`): its end and place id.
    pub fn nat_span(&self, i: usize) -> Option<(usize, &'static str)> {
        let k = self.info.get(i)?.nat;
        if k == 0 {
            return None;
        }
        let (e, p) = self.nat[k as usize - 1];
        Some((e as usize, p.as_str()))
    }

    fn nat_compute(&self, i: usize, k: &mut String) -> Option<(usize, &'static String)> {
        if self.kind(i) != Some(TokKind::Word) {
            return None;
        }
        let tanween = self.bit(i, bit::TANWEEN);
        let any = self.rs(i).iter().any(|r| r.flags & (flag::NAT | flag::NAT_PREFIX) != 0);
        if !any && !tanween {
            return None;
        }
        // A language, not a nationality: اللغة الروسية.
        if i > 0 && self.word(i - 1) && self.rs(i - 1).iter().any(|r| r.flags & flag::LANGUAGE != 0) {
            return None;
        }
        let norm = self.norm(i);
        let mut best: Option<(usize, &'static String)> = None;
        for r in self.rs(i) {
            let rest = self.rest(i, &r);
            let prep = norm[..r.prefix as usize].contains(|c: char| matches!(c, 'ب' | 'ل' | 'ك' | 'س'));
            let definite = r.al || rest.starts_with("ال");
            if prep && !definite {
                // بروس is not «with Russians»: a preposition wants ال.
                continue;
            }
            if r.flags & (flag::NAT | flag::NAT_PREFIX) == 0 && !tanween {
                continue;
            }
            self.rtext_into(i, &r, k);
            let mut j = i + 1;
            loop {
                let mut found = self.g.nationalities.get(k.as_str());
                // `روسياً` (accusative adjective): a name has no tanween.
                if found.is_none() && tanween && j == i + 1 && k.ends_with('ا') {
                    found = self.g.nationalities.get(&k[..k.len() - 'ا'.len_utf8()]);
                }
                if let Some(p) = found {
                    if best.as_ref().map_or(true, |(e, _)| j > *e) {
                        best = Some((j, p));
                    }
                }
                if j >= i + 3 || self.kind(j) != Some(TokKind::Word) || !self.g.nat_prefixes.contains(k.as_str()) {
                    break;
                }
                k.push(' ');
                k.push_str(self.norm(j));
                j += 1;
            }
        }
        best
    }

    /// Is the nationality at i definite (`الأوكرانية`, `والروسي`)?
    fn nat_definite(&self, i: usize) -> bool {
        self.rs(i).iter().any(|r| (r.al || self.rest(i, r).starts_with("ال")) && r.flags & flag::NAT != 0)
    }

    #[inline]
    fn is_stop(&self, i: usize) -> bool {
        self.bit(i, bit::STOP)
    }

    #[inline]
    fn definite(&self, i: usize) -> bool {
        self.bit(i, bit::DEF)
    }

    /// A Latin (or Cyrillic) capitalised word: `Heorhii`, `Peskov`.
    #[inline]
    fn capitalised(&self, i: usize) -> bool {
        self.bit(i, bit::CAP)
    }

    /// Part of a handle, hashtag, URL or path: never a mention.
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.bit(i, bit::GLUED)
    }

    /// A word that can be part of a person's name.
    #[inline]
    fn name_like(&self, i: usize, allow_definite: bool) -> bool {
        self.bit(i, if allow_definite { bit::NAME_DEF } else { bit::NAME })
    }

    /// `name_like(i, false)` and `name_like(i, true)`.
    fn name_like_compute(&self, i: usize, latin: bool, arabic: bool, short: bool) -> (bool, bool) {
        let Some(t) = self.t.toks.get(i) else { return (false, false) };
        if t.kind != TokKind::Word || self.glued(i) {
            return (false, false);
        }
        if latin || !arabic {
            let c = self.capitalised(i);
            return (c, c);
        }
        if !self.arabic_name_shape(i, short) {
            return (false, false);
        }
        // Feminine nouns in ة are not foreign surnames (given names are
        // checked before this).
        if self.ends_in_teh_marbuta(i) && !self.given_at(i, true) {
            return (false, false);
        }
        // Without ال only.
        (!self.definite(i), true)
    }

    /// An Arabic word that is no function word, verb, nationality, title or
    /// organisation head: what a name's word must be (the ة rule apart).
    fn arabic_name_shape(&self, i: usize, short: bool) -> bool {
        !(self.bit(i, bit::TANWEEN) || short || self.is_stop(i))
            && self.flags0(i) & (flag::ORG_HEAD | flag::NONPERSON) == 0
            && !self.bit(i, bit::VERB)
            && self.nat_at(i).is_none()
            && self.title_at(i).is_none()
    }

    fn ends_in_teh_marbuta(&self, i: usize) -> bool {
        self.raw(i).trim_end_matches(crate::normalize::is_ignorable).ends_with('ة')
    }

    /// What [`Self::name_like_compute`] turns down only for ending in ة.
    fn surname_in_teh_marbuta(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
            && !self.glued(i)
            && !self.definite(i)
            && self.norm(i).chars().count() >= 4
            && self.arabic_name_shape(i, false)
            && self.ends_in_teh_marbuta(i)
    }

    #[inline]
    fn given_at(&self, i: usize, ambiguous_ok: bool) -> bool {
        self.bit(i, if ambiguous_ok { bit::GIVEN_AMB } else { bit::GIVEN })
    }

    /// A gazetteer person's surname (or single form) at i.
    fn known_surname(&self, i: usize) -> bool {
        self.word(i) && self.rs(i).iter().any(|r| !r.al && r.flags & flag::PERSON != 0)
    }

    /// Coordination: `وجاريد` after a name starts another name.
    fn starts_other_name(&self, i: usize) -> bool {
        self.norm(i).starts_with('و')
            && self.rs(i).iter().any(|r| !r.al && r.prefix as usize == 'و'.len_utf8() && r.flags & (flag::GIVEN | flag::NAME) != 0)
    }

    /// Name tokens from `j`: up to `max` name-like words (particles inside).
    /// `first_given`: the word before was a given name (an Arabic surname may
    /// then be definite: `أحمد الشرع`).
    fn name_run(&self, mut j: usize, max: usize, first_given: bool) -> usize {
        // Words of the name already taken before j (the given name).
        let before = usize::from(first_given);
        let start = j;
        let mut count = 0;
        while count < max {
            if !self.word(j) {
                break;
            }
            if count > 0 && self.starts_other_name(j) {
                break;
            }
            if self.flags0(j) & flag::PARTICLE != 0 && self.name_like(j + 1, true) && !self.is_stop(j + 1) {
                j += 2;
                count += 2;
                // عبد العاطي: a definite word after the particle ends the name.
                if self.definite(j - 1) {
                    break;
                }
                continue;
            }
            let allow_def = (first_given && j == start) || (j > 0 && self.flags0(j - 1) & flag::PARTICLE != 0);
            if !self.name_like(j, allow_def) {
                // An Arabic surname in ة (`هاني جنينة`, `علي جمعة`) right
                // after a given name, the name ending there.
                if first_given && count == 0 && self.surname_in_teh_marbuta(j) && (!self.word(j + 1) || self.is_stop(j + 1)) {
                    return j + 1;
                }
                break;
            }
            if self.definite(j) && !allow_def {
                break;
            }
            let known = self.known_surname(j);
            // A third word: only in a triple Arabic name (`محمد حمدان دقلو`,
            // the second word a given name too) or a known surname.
            if before + count == 2 && !known && !(j > 0 && self.given_at(j - 1, false) && (first_given || count > 0)) {
                break;
            }
            j += 1;
            count += 1;
            if known || (allow_def && self.definite(j - 1)) {
                break;
            }
        }
        j
    }

    /// The reading of a name's first word to keep: without its proclitics
    /// when that leaves a given name or a known name (`وفلاديمير` →
    /// `فلاديمير`), or a lone conjunction.
    fn first_reading(&self, ts: usize, single: bool) -> Option<R> {
        let rs = self.rs(ts);
        let pick = rs.iter().skip(1).find(|r| !r.al && r.flags & (flag::GIVEN | flag::GIVEN_AMB | flag::NAME) != 0);
        let conj = self.norm(ts).starts_with('و');
        pick.or_else(|| if single && conj { rs.iter().skip(1).find(|r| !r.al && r.prefix as usize == 'و'.len_utf8()) } else { None }).copied()
    }

    fn person_toks(&self, ts: usize, te: usize) -> Vec<String> {
        let mut v: Vec<String> = (ts..te).map(|k| crate::entities::skeleton::latin_fold(self.norm(k))).collect();
        if let Some(r) = self.first_reading(ts, te - ts == 1) {
            v[0] = self.rest(ts, &r).to_string();
        }
        v
    }

    /// Title phrase starting at i: its end.
    #[inline]
    fn title_at(&self, i: usize) -> Option<usize> {
        match self.info.get(i) {
            Some(f) if f.title > 0 => Some(i + f.title as usize),
            _ => None,
        }
    }

    fn title_compute(&self, i: usize, k: &mut String) -> Option<usize> {
        if !self.word(i) {
            return None;
        }
        let mut best = None;
        for r in self.rs(i) {
            if r.flags & (flag::TITLE | flag::TITLE_PREFIX) == 0 {
                continue;
            }
            if r.flags & flag::TITLE != 0 {
                best = Some(best.map_or(i + 1, |b: usize| b.max(i + 1)));
            }
            if r.flags & flag::TITLE_PREFIX == 0 {
                continue;
            }
            self.rtext_into(i, &r, k);
            let mut j = i + 1;
            loop {
                match self.g.titles.get(k.as_str()) {
                    Some(true) => best = Some(best.map_or(j, |b: usize| b.max(j))),
                    Some(false) => {}
                    None => break,
                }
                if !self.word(j) {
                    break;
                }
                k.push(' ');
                k.push_str(self.norm(j));
                j += 1;
            }
        }
        best
    }

    /// Organisation-head reading at i (without ال): the head's end.
    fn head_at(&self, i: usize, f: u32, set: &HashSet<String>) -> Option<usize> {
        self.head_reading(i, f, set).map(|(e, _)| e)
    }

    /// The head at i: its end and its normalised form without proclitics.
    fn head_reading(&self, i: usize, f: u32, set: &HashSet<String>) -> Option<(usize, &str)> {
        if !self.word(i) || self.bit(i, bit::TANWEEN) || self.any_flags(i) & (flag::HEAD_PREFIX | f) == 0 {
            return None;
        }
        for r in self.rs(i) {
            let rest = self.rest(i, &r);
            if r.al || rest.starts_with("ال") {
                continue;
            }
            if r.flags & flag::HEAD_PREFIX != 0 && self.word(i + 1) {
                let mut two = String::with_capacity(rest.len() + 1 + self.norm(i + 1).len());
                two.push_str(rest);
                two.push(' ');
                two.push_str(self.norm(i + 1));
                if set.contains(two.as_str()) {
                    return Some((i + 2, rest));
                }
            }
            if r.flags & f != 0 {
                return Some((i + 1, rest));
            }
        }
        None
    }

    /// Canonical key of tokens ts..te, the first without its proclitics.
    fn key(&self, ts: usize, te: usize, strip_to: Option<&str>) -> String {
        let mut k = String::new();
        for j in ts..te {
            if !k.is_empty() {
                k.push(' ');
            }
            if j == ts {
                match strip_to {
                    Some(s) => k.push_str(s),
                    None => k.push_str(self.norm(j)),
                }
            } else {
                k.push_str(self.norm(j));
            }
        }
        k
    }

    /// Every candidate of the document.
    pub fn candidates(&self) -> Vec<Cand> {
        let n = self.t.len();
        let mut out: Vec<Cand> = Vec::new();
        // End of the longest non-person candidate starting at each token.
        let mut thing_end: Vec<usize> = vec![0; n];

        for i in 0..n {
            if self.punct(i).is_some_and(is_open_quote) {
                self.quoted_media(i, &mut out, &mut thing_end);
            }
            if !self.word(i) || self.glued(i) {
                continue;
            }
            if let Some((e, entries)) = self.gaz_at(i) {
                let c = self.gaz_cand(i, e, entries);
                if c.kind != "person" {
                    thing_end[c.ts] = thing_end[c.ts].max(e);
                    thing_end[i] = thing_end[i].max(e);
                }
                out.push(c);
            }
            if let Some((e, place)) = self.nat_span(i) {
                if !self.glued(i) {
                    out.push(self.cand(i, e, "nationality", Src::Nat(place), 2));
                    thing_end[i] = thing_end[i].max(e);
                }
            }
            self.org_rules(i, &mut out, &mut thing_end);
            self.quote_rule(i, &mut out, &mut thing_end);
        }

        for i in 0..n {
            if !self.word(i) || self.glued(i) {
                continue;
            }
            self.person_rules(i, &thing_end, &mut out);
        }
        out
    }

    /// The candidate for a gazetteer match at i..e.
    fn gaz_cand(&self, i: usize, e: usize, entries: &'static [u32]) -> Cand {
        let g = self.g;
        let kind = g.entry(entries[0]).kind;
        // منطقة سومي: the generic head stays outside the span.
        let head_out = e - i >= 2 && kind == "place" && self.rs(i).iter().any(|r| !r.al && r.flags & flag::REGION != 0);
        let s0 = if head_out { i + 1 } else { i };
        let mut c = self.cand(s0, e, kind, Src::Gaz(Cow::Borrowed(entries)), 3);
        c.quoted = s0 > 0
            && self.punct(s0 - 1).is_some_and(is_open_quote)
            && self.punct(e).is_some_and(|p| closes(self.punct(s0 - 1).unwrap_or(""), p));
        let has_org = entries.iter().any(|&x| g.entry(x).kind == "org");
        let has_place = entries.iter().any(|&x| g.entry(x).kind == "place");
        if c.quoted && !has_org {
            // «الشرق الأوسط» is the newspaper, not the region.
            if let Some(v) = g.quoted_alias.get(&self.key(s0, e, None)) {
                c.src = Src::Gaz(Cow::Borrowed(v));
                c.kind = "org";
                c.prio = 4;
                return c;
            }
        }
        c.kind = if entries.len() > 1 && c.quoted && has_org {
            "org"
        } else if entries.len() > 1 && has_place {
            "place"
        } else {
            kind
        };
        c
    }

    fn org_rules(&self, i: usize, out: &mut Vec<Cand>, thing_end: &mut [usize]) {
        let g = self.g;
        // Definite head + adjective + nationality: البنك المركزي المصري,
        // الحرس الثوري الإيراني (a body's own name, as وزارة الخارجية
        // التركية is; without the nationality it stays a common noun).
        if self.word(i + 1) && self.word(i + 2) && self.norm(i).contains("ال") && self.nat_at(i + 2).is_some() && self.nat_definite(i + 2) {
            let second = self.norm(i + 1);
            let head = crate::tokenize::stems(self.norm(i)).into_iter().map(|(_, h)| h).find(|h| {
                let mut two = String::with_capacity(h.len() + 1 + second.len());
                two.push_str(h);
                two.push(' ');
                two.push_str(second);
                g.org_adjectival.contains(&two)
            });
            if let Some(head) = head {
                let key = self.key(i, i + 3, Some(&head));
                let src = match g.names.get(key.as_str()) {
                    Some(v) => Src::Gaz(Cow::Borrowed(v)),
                    None => Src::New(key),
                };
                out.push(self.cand(i, i + 3, "org", src, 1));
                thing_end[i] = thing_end[i].max(i + 3);
                return;
            }
        }
        // Construct head + definite genitive (+ nationality): وزارة الخارجية التركية.
        let strong = self.head_reading(i, flag::ORG_GEN, &g.org_genitive);
        let weak_head = strong.is_none();
        if let Some((h, head)) = strong.or_else(|| self.head_reading(i, flag::ORG_GEN_WEAK, &g.org_genitive_weak)) {
            let mut j = h;
            let mut words = 0;
            while words < 5 && self.word(j) {
                let norm = self.norm(j);
                if self.nat_at(j).is_some() {
                    break;
                }
                if let Some((e, entries)) = self.gaz_at(j) {
                    // A known name as genitive: مكتب الأمم المتحدة.
                    if entries.iter().any(|&x| g.entry(x).kind == "org" || g.entry(x).kind == "place") && self.definite(j) {
                        j = e;
                        words += 1;
                        continue;
                    }
                }
                let and_def = words > 0
                    && !weak_head
                    && norm.starts_with("وال")
                    && self.rs(j).iter().all(|r| r.flags & flag::ORG_HEAD == 0)
                    && &norm["و".len()..] != "القوات";
                let def = norm.starts_with("ال") || and_def;
                if !def || self.flags0(j) & flag::ORG_STOP != 0 || (!norm.starts_with("ال") && self.is_stop(j)) || self.bit(j, bit::TANWEEN) {
                    break;
                }
                j += 1;
                words += 1;
            }
            let mut with_nat = false;
            if words > 0 && self.word(j) && self.nat_at(j).is_some() && self.nat_definite(j) {
                j += 1;
                with_nat = true;
            }
            let enough = if weak_head { words >= 2 } else { words >= 1 };
            let _ = with_nat;
            if enough {
                let key = self.key(i, j, Some(head));
                let src = match g.names.get(key.as_str()) {
                    Some(v) => Src::Gaz(Cow::Borrowed(v)),
                    None => Src::New(key),
                };
                out.push(self.cand(i, j, "org", src, 1));
                thing_end[i] = thing_end[i].max(j);
            }
        }
        // Head + proper name: حركة حماس، وكالة أسوشيتد برس.
        if let Some((h, head)) = self.head_reading(i, flag::ORG_NAME, &g.org_name) {
            if self.word(h) {
                if let Some((e, entries)) = self.gaz_at(h) {
                    if entries.iter().any(|&x| g.entry(x).kind == "org") && !self.definite(h) {
                        let orgs: Vec<u32> = entries.iter().copied().filter(|&x| g.entry(x).kind == "org").collect();
                        out.push(self.cand(i, e, "org", Src::Gaz(Cow::Owned(orgs)), 1));
                        thing_end[i] = thing_end[i].max(e);
                        return;
                    }
                }
                let mut j = h;
                while j < h + 3 && self.word(j) && !self.definite(j) && self.name_like(j, false) && !self.norm(j).ends_with('ي') && !self.norm(j).ends_with("يه") {
                    j += 1;
                }
                // شبكة أطباء السودان: a place may end the name.
                if j > h && j < h + 3 {
                    if let Some((e, entries)) = self.gaz_at(j) {
                        if e == j + 1 && entries.iter().all(|&x| g.entry(x).kind == "place") {
                            j = e;
                        }
                    }
                }
                if j > h {
                    let key = self.key(i, j, Some(head));
                    let src = match g.names.get(key.as_str()) {
                        Some(v) => Src::Gaz(Cow::Borrowed(v)),
                        None => Src::New(key),
                    };
                    out.push(self.cand(i, j, "org", src, 1));
                    thing_end[i] = thing_end[i].max(j);
                }
            }
        }
        // الخارجية التركية: the ministry, unless a title precedes (وزير الخارجية التركي).
        if self.word(i + 1) && self.flags0(i) & flag::MINISTRY != 0 {
            let prev_title = i > 0 && (self.title_before(i) || self.head_at(i - 1, flag::ORG_HEAD, &g.org_heads_all).is_some());
            if !prev_title && self.nat_at(i + 1).is_some() && self.norm(i + 1).ends_with("يه") && self.nat_definite(i + 1) {
                let key = format!("وزاره {} {}", self.norm(i), self.norm(i + 1));
                let src = match g.names.get(key.as_str()) {
                    Some(v) => Src::Gaz(Cow::Borrowed(v)),
                    None => Src::New(key),
                };
                out.push(self.cand(i, i + 2, "org", src, 1));
                thing_end[i] = thing_end[i].max(i + 2);
            }
        }
        // القوات المسلحة الأوكرانية: the forces' own name.
        if self.word(i + 1) {
            let is_forces = self.norm(i).ends_with("القوات");
            if is_forces && self.flags0(i + 1) & flag::FORCES != 0 && self.rs(i).iter().any(|r| self.rtext(i, r) == "القوات") {
                let mut j = i + 2;
                if self.word(j) && self.nat_at(j).is_some() && self.nat_definite(j) {
                    j += 1;
                }
                let key = self.key(i, j, Some("القوات"));
                let src = match g.names.get(key.as_str()) {
                    Some(v) => Src::Gaz(Cow::Borrowed(v)),
                    None => Src::New(key),
                };
                out.push(self.cand(i, j, "org", src, 1));
                thing_end[i] = thing_end[i].max(j);
            }
        }
    }

    /// A title word ends right before token i (`وزير الخارجية`).
    fn title_before(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|s| self.title_at(s) == Some(i))
    }

    /// «قناة روسيا»: a quotation that is a media name with its head.
    fn quoted_media(&self, q: usize, out: &mut Vec<Cand>, thing_end: &mut [usize]) {
        let g = self.g;
        let open = self.punct(q).unwrap_or("");
        let mut k = q + 1;
        while k < q + 7 && self.word(k) {
            k += 1;
        }
        if k < q + 2 || !self.punct(k).is_some_and(|p| closes(open, p)) {
            return;
        }
        let cs = q + 1;
        if let Some(v) = g.quoted_alias.get(&self.key(cs, k, None)) {
            let mut c = self.cand(cs, k, "org", Src::Gaz(Cow::Borrowed(v)), 4);
            c.quoted = true;
            out.push(c);
            thing_end[cs] = thing_end[cs].max(k);
            return;
        }
        if k < q + 3 {
            return;
        }
        let head = self.rs(cs).iter().find(|r| !r.al && r.flags & flag::QUOTE_ORG != 0).map(|r| self.rest(cs, r));
        let Some(head) = head else { return };
        let key = self.key(cs, k, Some(head));
        let src = match g.names.get(key.as_str()) {
            Some(v) => Src::Gaz(Cow::Borrowed(v)),
            None => Src::New(key),
        };
        let mut c = self.cand(cs, k, "org", src, 4);
        c.quoted = true;
        out.push(c);
        thing_end[cs] = thing_end[cs].max(k);
    }

    /// قصر دولماباش، قصر Dolmabahce: an unquoted place head with its name.
    fn place_head(&self, i: usize, h: usize, head: &str, out: &mut Vec<Cand>, thing_end: &mut [usize]) {
        let g = self.g;
        if !self.word(h) {
            return;
        }
        let mut known_first = false;
        if let Some((e, entries)) = self.gaz_at(h) {
            let own: Vec<u32> = entries.iter().copied().filter(|&x| g.entry(x).kind == "place" && g.entry(x).keys.first().is_some_and(|k| k.starts_with(head))).collect();
            if !own.is_empty() {
                out.push(self.cand(i, e, "place", Src::Gaz(Cow::Owned(own)), 1));
                thing_end[i] = thing_end[i].max(e);
                return;
            }
            // مطار كييف stays the city; ملعب سانتياغو برنابيو is a name.
            if e != h + 1 || !self.name_like(h + 1, false) {
                return;
            }
            known_first = true;
        }
        let mut e = h;
        while e < h + 3
            && self.word(e)
            && !self.definite(e)
            && ((known_first && e == h) || self.name_like(e, false))
            && !self.norm(e).ends_with('ي')
        {
            e += 1;
        }
        if e > h {
            let key = self.key(i, e, Some(head));
            let src = match g.names.get(key.as_str()) {
                Some(v) => Src::Gaz(Cow::Borrowed(v)),
                None => Src::New(key),
            };
            out.push(self.cand(i, e, "place", src, 1));
            thing_end[i] = thing_end[i].max(e);
        }
    }

    fn quote_rule(&self, i: usize, out: &mut Vec<Cand>, thing_end: &mut [usize]) {
        let g = self.g;
        if !self.rs(i).iter().any(|r| r.flags & (flag::QUOTE_ORG | flag::QUOTE_PLACE | flag::HEAD_PREFIX) != 0) {
            return;
        }
        let mut found: Option<(usize, &'static str, String)> = None;
        for r in self.rs(i) {
            let rest = self.rest(i, &r);
            if r.al {
                continue;
            }
            if r.flags & flag::HEAD_PREFIX != 0 && self.word(i + 1) {
                if let Some(k) = g.quote_heads.get(&format!("{} {}", rest, self.norm(i + 1))) {
                    found = Some((i + 2, k, rest.to_string()));
                    break;
                }
            }
            if let Some(k) = g.quote_heads.get(rest) {
                found = Some((i + 1, k, rest.to_string()));
                break;
            }
        }
        let Some((h, head_kind, head)) = found else { return };
        let Some(open) = self.punct(h).filter(|p| is_open_quote(p)) else {
            if head_kind == "place" {
                self.place_head(i, h, &head, out, thing_end);
            }
            return;
        };
        let mut k = h + 1;
        while k < h + 8 && self.word(k) {
            k += 1;
        }
        if k == h + 1 || !self.punct(k).is_some_and(|p| closes(open, p)) {
            return;
        }
        let (cs, ce) = (h + 1, k);
        let content = self.key(cs, ce, None);
        let with_head = format!("{head} {content}");
        let pick = |v: &Vec<u32>| -> Vec<u32> {
            let same: Vec<u32> = v.iter().copied().filter(|&x| g.entry(x).kind == head_kind).collect();
            if same.is_empty() {
                v.clone()
            } else {
                same
            }
        };
        let src = if let Some(v) = g.names.get(&with_head) {
            Src::Gaz(Cow::Owned(pick(v)))
        } else if let Some(v) = g.names.get(&content) {
            Src::Gaz(Cow::Owned(pick(v)))
        } else {
            // The longest known name that the head and the quote start with:
            // قصر «تشيراغان سراي» → قصر تشيراغان.
            let words: Vec<&str> = with_head.split(' ').collect();
            let mut found = None;
            for n in (2..words.len()).rev() {
                if let Some(v) = g.names.get(&words[..n].join(" ")) {
                    found = Some(pick(v));
                    break;
                }
            }
            match found {
                Some(v) => Src::Gaz(Cow::Owned(v)),
                None => Src::New(with_head),
            }
        };
        let kind = match &src {
            Src::Gaz(v) => g.entry(v[0]).kind,
            _ => head_kind,
        };
        let mut c = self.cand(cs, ce, kind, src, 4);
        c.quoted = true;
        out.push(c);
        thing_end[cs] = thing_end[cs].max(ce);
    }

    fn person_rules(&self, i: usize, thing_end: &[usize], out: &mut Vec<Cand>) {
        let g = self.g;
        // Given name + name words: فولوديمير زيلينسكي, أولكسندر بروكودين.
        if self.given_at(i, false) && (thing_end[i] <= i || thing_end[i] == i + 1) && (i + 1 >= thing_end.len() || thing_end[i + 1] <= i + 1) {
            let compound = match self.first_reading(i, true) {
                Some(r) => g.particles.contains(self.rest(i, &r)),
                None => g.particles.contains(crate::entities::skeleton::latin_fold_cow(self.norm(i)).as_ref()),
            }; // عبد القادر
            let arabic_given = !compound;
            let e = self.name_run(i + 1, 3, arabic_given);
            if e > i + 1 {
                let toks = self.person_toks(i, e);
                out.push(self.cand(i, e, "person", Src::Person { toks, role: None, weak: false }, 2));
            }
        }
        // Title (+ complement) + name: وزير الخارجية التركي هاكان فيدان.
        if let Some(te) = self.title_at(i) {
            let mut j = te;
            let first = self.rs(i).iter().find(|r| r.flags & (flag::TITLE | flag::TITLE_PREFIX) != 0).map(|r| self.rtext(i, r)).unwrap_or_else(|| self.norm(i).to_string());
            let mut role = self.key(i, te, Some(&first));
            let mut steps = 0;
            let mut role_place: Option<String> = None;
            while steps < 10 && j < self.t.len() {
                steps += 1;
                if let Some(p) = self.punct(j) {
                    if matches!(p, "," | "(" | ")") && self.word(j + 1) {
                        j += 1;
                        continue;
                    }
                    break;
                }
                if !self.word(j) {
                    break;
                }
                if let Some(e) = self.title_at(j) {
                    j = e;
                    continue;
                }
                if let Some((e, p)) = self.nat_span(j) {
                    role_place.get_or_insert_with(|| p.to_string());
                    j = e;
                    continue;
                }
                if thing_end[j] > j && !self.given_at(j, false) {
                    if role_place.is_none() {
                        role_place = Some(self.key(j, thing_end[j], None));
                    }
                    j = thing_end[j];
                    continue;
                }
                let norm = self.norm(j);
                if matches!(norm, "باسم" | "في" | "لدى" | "عن") && self.word(j + 1) {
                    j += 1;
                    continue;
                }
                if self.definite(j) && !self.is_stop(j) && !self.given_at(j, false) {
                    if j == te || steps <= 6 {
                        j += 1;
                        continue;
                    }
                }
                break;
            }
            if let Some(p) = &role_place {
                role.push('|');
                role.push_str(p);
            }
            if self.word(j) && !self.definite(j) {
                let given = self.given_at(j, true);
                let e = if given { self.name_run(j + 1, 3, true) } else { self.name_run(j, 3, false) };
                let (ts, te2) = (j, e);
                let n_words = te2 - ts;
                let boundary = te2 >= self.t.len() || !self.word(te2) || self.is_stop(te2) || self.nat_at(te2).is_some();
                let known_inside = (ts + 1..te2).any(|k| self.known_surname(k));
                let ok = if given { n_words >= 2 } else { !known_inside && (n_words >= 2 || (n_words == 1 && boundary && self.norm(ts).chars().nth(2).is_some())) };
                if ok && thing_end[ts] <= ts {
                    let toks = self.person_toks(ts, te2);
                    // A single word after a title is kept only if it links.
                    let weak = n_words == 1 && !self.known_surname(ts);
                    let mut c = self.cand(ts, te2, "person", Src::Person { toks, role: Some(role.clone()), weak }, 2);
                    c.role = Some(role);
                    out.push(c);
                }
            }
        }
        // Reporting verb + subject: وقال فيدان: / قال أوليه سينيهوبوف،
        if self.bit(i, bit::VERB) && self.word(i + 1) && thing_end[i + 1] <= i + 1 {
            let j = i + 1;
            let e = self.name_run(j, 3, false);
            let n_words = e - j;
            let boundary_punct = matches!(self.punct(e), Some(":" | "," | "،"));
            let known_inside = (j + 1..e).any(|k| self.known_surname(k));
            if n_words >= 2 && !known_inside && (boundary_punct || !self.word(e) || self.is_stop(e)) {
                let toks = self.person_toks(j, e);
                out.push(self.cand(j, e, "person", Src::Person { toks, role: None, weak: false }, 1));
            } else if n_words == 1 && self.norm(j).chars().nth(3).is_some() && !self.norm(j).ends_with('ه') {
                let toks = self.person_toks(j, e);
                out.push(self.cand(j, e, "person", Src::Person { toks, role: None, weak: true }, 1));
            }
        }
        // Latin capitals: Heorhii Tykhii; a single one only if it links.
        if (i == 0 || !self.capitalised(i - 1) || self.glued(i - 1) || thing_end[i - 1] > i - 1) && thing_end[i] <= i && self.capitalised(i) && !self.glued(i) {
            let mut e = i + 1;
            while e < i + 4 && self.word(e) && thing_end[e] <= e && (self.capitalised(e) || (matches!(self.norm(e), "de" | "van" | "von" | "al" | "bin" | "da" | "di" | "der") && self.capitalised(e + 1))) && !self.glued(e) {
                e += 1;
            }
            if thing_end[i] < e {
                let toks = self.person_toks(i, e);
                let weak = e - i == 1;
                out.push(self.cand(i, e, "person", Src::Person { toks, role: None, weak }, 1));
            }
        }
    }

    /// The tokens no mention covers that may be a bare surname of somebody
    /// named in full elsewhere in the run (`ميدينسكي` after `فلاديمير
    /// ميدينسكي`); which are is decided once the whole run is read
    /// ([`SurnameWords::cands`]). Kept apart from the scan, which can go:
    /// (token, start byte, end byte, word) with the word in `words`.
    pub fn surname_slots(&self, covered: &[bool], words: &mut SurnameWords) -> Vec<(u32, u32, u32, u32)> {
        let mut out = Vec::new();
        for (i, t) in self.t.toks.iter().enumerate() {
            if covered[i] || !t.is_word() || self.bit(i, bit::TANWEEN) || self.is_stop(i) || self.glued(i) {
                continue;
            }
            if !(self.name_like(i, true) || self.capitalised(i)) {
                continue;
            }
            if !(self.t.is_arabic(t) || self.t.is_latin(t)) {
                continue;
            }
            out.push((i as u32, t.start() as u32, t.end() as u32, words.id(self.t.norm_of(t))));
        }
        out
    }
}

/// The distinct words of the run's bare-surname slots
/// ([`Scan::surname_slots`]), each decided once.
#[derive(Default)]
pub struct SurnameWords {
    words: crate::gazetteer::StrTable,
}

impl SurnameWords {
    fn id(&mut self, norm: &str) -> u32 {
        self.words.intern(norm).0
    }

    /// Of every word: the proclitic bytes of its first reading (without a
    /// restored ال) that is the surname of somebody the run or the
    /// gazetteer names, if any.
    pub fn known(&self, registry: &crate::entities::link::Registry) -> Vec<Option<u8>> {
        let mut buf = String::new();
        (0..self.words.len() as u32)
            .map(|k| readings(self.words.get(k)).into_iter().find(|r| !r.al && registry.knows(r.rest, &mut buf)).map(|r| r.prefix as u8))
            .collect()
    }

    /// The bare surnames among one document's slots, given [`Self::known`].
    pub fn cands(&self, slots: &[(u32, u32, u32, u32)], known: &[Option<u8>]) -> Vec<Cand> {
        let mut out = Vec::new();
        for &(i, start, end, w) in slots {
            let Some(prefix) = known[w as usize] else { continue };
            let i = i as usize;
            out.push(Cand {
                ts: i,
                te: i + 1,
                start: start as usize,
                end: end as usize,
                kind: "person",
                src: Src::Person { toks: vec![self.words.get(w)[prefix as usize..].to_string()], role: None, weak: true },
                prio: 0,
                quoted: false,
                role: None,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_of_clitics() {
        let r: Vec<String> = readings("وللرئيس").iter().map(|r| r.text()).collect();
        assert!(r.contains(&"الرئيس".to_string()));
        let r: Vec<String> = readings("لليبيا").iter().map(|r| r.text()).collect();
        assert!(r.contains(&"ليبيا".to_string()));
        let r: Vec<String> = readings("بإسطنبول").iter().map(|r| r.text()).collect();
        assert_eq!(r[0], "بإسطنبول");
        assert!(readings("في").len() == 1);
    }
}
