//! Candidate mentions in one document: gazetteer names, nationality
//! adjectives, organisation heads, quoted names, and people found by context
//! (titles, given names, reporting verbs, Latin capitals).
//!
//! Everything works on the tokenizer's tokens; a candidate is a token range
//! `ts..te` whose byte span runs from the first token's start (proclitics
//! included) to the last token's end (punctuation outside). Lookups are hash
//! probes on normalised token n-grams, so a document is scanned in linear
//! time whatever the size of the gazetteer.

use crate::gazetteer::{self, flag, Gazetteer, HashSet};
use crate::tokenize::{tokenize, TokKind, Token};

/// Where a candidate's referent comes from.
#[derive(Debug, Clone)]
pub enum Src {
    /// Gazetteer entries sharing the matched form (usually one).
    Gaz(Vec<u32>),
    /// A nationality adjective: the place id.
    Nat(String),
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

const TANWEEN: char = '\u{064B}';

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
    chunk.contains("://")
        || chunk.contains("www.")
        || chunk.contains('@')
        || chunk.contains('#')
        || (chunk.contains('/') && chunk.contains('.') && chunk.is_ascii())
        || chunk.contains(".com")
        || chunk.contains(".org")
}

/// One proclitic reading of a token with its lexicon flags.
#[derive(Clone, Copy, Default, Debug)]
struct R {
    prefix: u8,
    al: bool,
    flags: u32,
}

/// What the scanner keeps about each token, computed once.
#[derive(Clone, Copy, Default)]
struct Info {
    n: u8,
    r: [R; 4],
    tanween: bool,
    cap: bool,
    glued: bool,
    def: bool,
}

pub struct Scan<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    info: Vec<Info>,
    g: &'static Gazetteer,
    buf: String,
}

fn definite_norm(n: &str) -> bool {
    n.starts_with("ال") || ["وال", "فال", "بال", "كال", "لل", "وبال", "ولل", "فلل", "وكال"].iter().any(|p| n.starts_with(p))
}

impl<'a> Scan<'a> {
    pub fn new(text: &'a str) -> Scan<'a> {
        let g = gazetteer::get();
        let toks = tokenize(text, 0, text.len());
        let mut info = vec![Info::default(); toks.len()];
        let mut buf = String::new();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokKind::Word {
                continue;
            }
            let inf = &mut info[i];
            for (k, r) in readings(&t.norm).into_iter().take(4).enumerate() {
                let flags = if r.al {
                    r.write(&mut buf);
                    g.lex.get(buf.as_str()).copied().unwrap_or(0)
                } else {
                    g.lex.get(r.rest).copied().unwrap_or(0)
                };
                inf.r[k] = R { prefix: r.prefix as u8, al: r.al, flags };
                inf.n = k as u8 + 1;
            }
            let raw = &text[t.start..t.end];
            inf.tanween = raw.contains(TANWEEN);
            inf.def = definite_norm(&t.norm);
            inf.cap = capitalised_raw(raw);
            inf.glued = glued_at(text, t.start, t.end);
        }
        Scan { text, toks, info, g, buf }
    }

    #[inline]
    fn rs(&self, i: usize) -> &[R] {
        let inf = &self.info[i];
        &inf.r[..inf.n as usize]
    }

    #[inline]
    fn flags0(&self, i: usize) -> u32 {
        self.info.get(i).map_or(0, |f| if f.n > 0 { f.r[0].flags } else { 0 })
    }

    #[inline]
    fn rest(&self, i: usize, r: &R) -> &str {
        &self.toks[i].norm[r.prefix as usize..]
    }

    fn rtext(&self, i: usize, r: &R) -> String {
        let rest = self.rest(i, r);
        if r.al {
            format!("ال{rest}")
        } else {
            rest.to_string()
        }
    }

    fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word())
    }

    fn punct(&self, i: usize) -> Option<&str> {
        self.toks.get(i).filter(|t| t.kind == TokKind::Punct).map(|t| t.norm.as_str())
    }

    /// Original text of token i.
    fn raw(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    fn cand(&self, ts: usize, te: usize, kind: &'static str, src: Src, prio: u8) -> Cand {
        Cand { ts, te, start: self.toks[ts].start, end: self.toks[te - 1].end, kind, src, prio, quoted: false, role: None }
    }

    /// Longest gazetteer name starting at token i: (end token, entries).
    pub fn gaz_at(&mut self, i: usize) -> Option<(usize, Vec<u32>)> {
        if !self.word(i) {
            return None;
        }
        let g = self.g;
        let latin_marks = !self.toks[i].norm.is_ascii() && self.toks[i].norm.bytes().any(|b| b.is_ascii_alphabetic());
        let mut best: Option<(usize, Vec<u32>)> = None;
        let n = self.info[i].n as usize;
        for k in 0..n {
            let r = self.info[i].r[k];
            if r.flags & (flag::NAME | flag::NAME_PREFIX) == 0 && !latin_marks {
                continue;
            }
            self.buf.clear();
            if r.al {
                self.buf.push_str("ال");
            }
            self.buf.push_str(&self.toks[i].norm[r.prefix as usize..]);
            if latin_marks {
                self.buf = crate::entities::skeleton::latin_fold(&self.buf);
            }
            let mut j = i + 1;
            loop {
                if let Some(v) = g.names.get(self.buf.as_str()) {
                    if best.as_ref().map_or(true, |(e, _)| j > *e) {
                        best = Some((j, v.clone()));
                    }
                }
                if !g.name_prefixes.contains(self.buf.as_str()) {
                    break;
                }
                match self.toks.get(j) {
                    Some(t) if t.kind != TokKind::Newline => {
                        self.buf.push(' ');
                        self.buf.push_str(&t.norm);
                        j += 1;
                    }
                    _ => break,
                }
            }
        }
        best
    }

    /// Nationality place id of token i, if it is a nationality adjective.
    pub fn nat_at(&self, i: usize) -> Option<String> {
        self.nat_span(i).map(|(_, p)| p)
    }

    /// A nationality adjective starting at token i (one to three words:
    /// `الروسي`, `كورية شمالية`): its end and place id.
    pub fn nat_span(&self, i: usize) -> Option<(usize, String)> {
        if !self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word) {
            return None;
        }
        let inf = &self.info[i];
        let any = self.rs(i).iter().any(|r| r.flags & (flag::NAT | flag::NAT_PREFIX) != 0);
        if !any && !inf.tanween {
            return None;
        }
        // A language, not a nationality: اللغة الروسية.
        if i > 0 && self.word(i - 1) && self.rs(i - 1).iter().any(|r| r.flags & flag::LANGUAGE != 0) {
            return None;
        }
        let norm = &self.toks[i].norm;
        let mut best: Option<(usize, String)> = None;
        for r in self.rs(i) {
            let rest = self.rest(i, r);
            let prep = norm[..r.prefix as usize].contains(|c: char| matches!(c, 'ب' | 'ل' | 'ك' | 'س'));
            let definite = r.al || rest.starts_with("ال");
            if prep && !definite {
                // بروس is not «with Russians»: a preposition wants ال.
                continue;
            }
            if r.flags & (flag::NAT | flag::NAT_PREFIX) == 0 && !inf.tanween {
                continue;
            }
            let mut k = self.rtext(i, r);
            let mut j = i + 1;
            loop {
                let mut found = self.g.nationalities.get(&k);
                // `روسياً` (accusative adjective): a name has no tanween.
                let trimmed;
                if found.is_none() && inf.tanween && j == i + 1 && k.ends_with('ا') {
                    trimmed = k[..k.len() - 'ا'.len_utf8()].to_string();
                    found = self.g.nationalities.get(&trimmed);
                }
                if let Some(p) = found {
                    if best.as_ref().map_or(true, |(e, _)| j > *e) {
                        best = Some((j, p.clone()));
                    }
                }
                if j >= i + 3 || !self.toks.get(j).is_some_and(|t| t.kind == TokKind::Word) || !self.g.nat_prefixes.contains(&k) {
                    break;
                }
                k.push(' ');
                k.push_str(&self.toks[j].norm);
                j += 1;
            }
        }
        best
    }

    /// Is the nationality at i definite (`الأوكرانية`, `والروسي`)?
    fn nat_definite(&self, i: usize) -> bool {
        self.rs(i).iter().any(|r| (r.al || self.rest(i, r).starts_with("ال")) && r.flags & flag::NAT != 0)
    }

    /// Has token i the flag, as a whole word or (with `strip`) after its
    /// proclitics?
    fn has(&self, i: usize, f: u32, strip: bool) -> bool {
        if !self.word(i) {
            return false;
        }
        let rs = self.rs(i);
        rs.first().is_some_and(|r| r.flags & f != 0) || (strip && rs.iter().skip(1).any(|r| !r.al && r.flags & f != 0))
    }

    fn is_stop(&self, i: usize) -> bool {
        if !self.word(i) {
            return false;
        }
        let rs = self.rs(i);
        if rs.first().is_some_and(|r| r.flags & flag::STOP != 0) {
            return true;
        }
        // وكذلك, فقط: a conjunction on a stop word.
        let n = &self.toks[i].norm;
        (n.starts_with('و') || n.starts_with('ف'))
            && rs.iter().any(|r| !r.al && r.prefix as usize == 'و'.len_utf8() && r.flags & flag::STOP != 0)
    }

    fn definite(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|f| f.def)
    }

    /// A Latin (or Cyrillic) capitalised word: `Heorhii`, `Peskov`.
    fn capitalised(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|f| f.cap)
    }

    /// Part of a handle, hashtag, URL or path: never a mention.
    pub fn glued(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|f| f.glued)
    }

    /// A word that can be part of a person's name.
    fn name_like(&self, i: usize, allow_definite: bool) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        if t.kind != TokKind::Word || self.glued(i) {
            return false;
        }
        if t.is_latin() || !t.is_arabic() {
            return self.capitalised(i);
        }
        if self.info[i].tanween || t.norm.chars().count() < 2 {
            return false;
        }
        if self.is_stop(i) || (!allow_definite && self.definite(i)) {
            return false;
        }
        let f0 = self.flags0(i);
        if f0 & (flag::ORG_HEAD | flag::NONPERSON) != 0 || self.has(i, flag::VERB, true) || self.nat_at(i).is_some() {
            return false;
        }
        if self.title_at(i).is_some() {
            return false;
        }
        // Feminine nouns in ة are not foreign surnames (given names are
        // checked before this).
        let raw = self.raw(i);
        if raw.trim_end_matches(crate::normalize::is_ignorable).ends_with('ة') && !self.given_at(i, true) {
            return false;
        }
        true
    }

    fn given_at(&self, i: usize, ambiguous_ok: bool) -> bool {
        if !self.word(i) || self.info[i].tanween || self.is_stop(i) {
            return false;
        }
        let norm = &self.toks[i].norm;
        self.rs(i).iter().any(|r| {
            // و ف ب ل may stand before a name; ك and س hardly ever do.
            let pre = &norm[..r.prefix as usize];
            !r.al
                && !pre.contains(|c: char| matches!(c, 'ك' | 'س'))
                && r.flags & (flag::STOP | flag::ORG_HEAD) == 0
                && (r.flags & flag::GIVEN != 0 || (ambiguous_ok && r.flags & flag::GIVEN_AMB != 0))
        })
    }

    /// A gazetteer person's surname (or single form) at i.
    fn known_surname(&self, i: usize) -> bool {
        self.word(i) && self.rs(i).iter().any(|r| !r.al && r.flags & flag::PERSON != 0)
    }

    /// Coordination: `وجاريد` after a name starts another name.
    fn starts_other_name(&self, i: usize) -> bool {
        self.toks[i].norm.starts_with('و')
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

    fn person_toks(&self, ts: usize, te: usize) -> Vec<String> {
        let mut v: Vec<String> = (ts..te).map(|k| crate::entities::skeleton::latin_fold(&self.toks[k].norm)).collect();
        // The first word without its proclitics when that leaves a given
        // name or a known name (`وفلاديمير` → `فلاديمير`).
        let rs = self.rs(ts);
        let pick = rs.iter().skip(1).find(|r| !r.al && r.flags & (flag::GIVEN | flag::GIVEN_AMB | flag::NAME) != 0);
        let conj = self.toks[ts].norm.starts_with('و');
        let pick = pick.or_else(|| if te - ts == 1 && conj { rs.iter().skip(1).find(|r| !r.al && r.prefix as usize == 'و'.len_utf8()) } else { None });
        if let Some(r) = pick {
            v[0] = self.rest(ts, r).to_string();
        }
        v
    }

    /// Title phrase starting at i: its end.
    fn title_at(&self, i: usize) -> Option<usize> {
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
            let mut k = self.rtext(i, r);
            let mut j = i + 1;
            loop {
                match self.g.titles.get(&k) {
                    Some(true) => best = Some(best.map_or(j, |b: usize| b.max(j))),
                    Some(false) => {}
                    None => break,
                }
                if !self.word(j) {
                    break;
                }
                k.push(' ');
                k.push_str(&self.toks[j].norm);
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
    fn head_reading(&self, i: usize, f: u32, set: &HashSet<String>) -> Option<(usize, String)> {
        if !self.word(i) || self.info[i].tanween {
            return None;
        }
        for r in self.rs(i) {
            let rest = self.rest(i, r);
            if r.al || rest.starts_with("ال") {
                continue;
            }
            if r.flags & flag::HEAD_PREFIX != 0 && self.word(i + 1) {
                let two = format!("{} {}", rest, self.toks[i + 1].norm);
                if set.contains(&two) {
                    return Some((i + 2, rest.to_string()));
                }
            }
            if r.flags & f != 0 {
                return Some((i + 1, rest.to_string()));
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
                    None => k.push_str(&self.toks[j].norm),
                }
            } else {
                k.push_str(&self.toks[j].norm);
            }
        }
        k
    }

    /// Every candidate of the document.
    pub fn candidates(&mut self) -> Vec<Cand> {
        let n = self.toks.len();
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
    fn gaz_cand(&self, i: usize, e: usize, entries: Vec<u32>) -> Cand {
        let g = self.g;
        let kind = g.entry(entries[0]).kind;
        // منطقة سومي: the generic head stays outside the span.
        let head_out = e - i >= 2 && kind == "place" && self.rs(i).iter().any(|r| !r.al && r.flags & flag::REGION != 0);
        let s0 = if head_out { i + 1 } else { i };
        let mut c = self.cand(s0, e, kind, Src::Gaz(entries.clone()), 3);
        c.quoted = s0 > 0
            && self.punct(s0 - 1).is_some_and(is_open_quote)
            && self.punct(e).is_some_and(|p| closes(self.punct(s0 - 1).unwrap_or(""), p));
        let kinds: Vec<&str> = entries.iter().map(|&x| g.entry(x).kind).collect();
        if c.quoted && !kinds.contains(&"org") {
            // «الشرق الأوسط» is the newspaper, not the region.
            if let Some(v) = g.quoted_alias.get(&self.key(s0, e, None)) {
                c.src = Src::Gaz(v.clone());
                c.kind = "org";
                c.prio = 4;
                return c;
            }
        }
        c.kind = if kinds.len() > 1 && c.quoted && kinds.contains(&"org") {
            "org"
        } else if kinds.len() > 1 && kinds.contains(&"place") {
            "place"
        } else {
            kind
        };
        c
    }

    fn org_rules(&mut self, i: usize, out: &mut Vec<Cand>, thing_end: &mut [usize]) {
        let g = self.g;
        // Construct head + definite genitive (+ nationality): وزارة الخارجية التركية.
        let strong = self.head_reading(i, flag::ORG_GEN, &g.org_genitive);
        let weak = self.head_reading(i, flag::ORG_GEN_WEAK, &g.org_genitive_weak);
        let weak_head = strong.is_none();
        if let Some((h, head)) = strong.or(weak) {
            let mut j = h;
            let mut words = 0;
            while words < 5 && self.word(j) {
                let norm = self.toks[j].norm.clone();
                let norm = &norm;
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
                if !def || self.flags0(j) & flag::ORG_STOP != 0 || (!norm.starts_with("ال") && self.is_stop(j)) || self.info[j].tanween {
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
                let key = self.key(i, j, Some(&head));
                let src = match g.names.get(&key) {
                    Some(v) => Src::Gaz(v.clone()),
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
                        let orgs: Vec<u32> = entries.into_iter().filter(|&x| g.entry(x).kind == "org").collect();
                        out.push(self.cand(i, e, "org", Src::Gaz(orgs), 1));
                        thing_end[i] = thing_end[i].max(e);
                        return;
                    }
                }
                let mut j = h;
                while j < h + 3 && self.word(j) && !self.definite(j) && self.name_like(j, false) && !self.toks[j].norm.ends_with('ي') && !self.toks[j].norm.ends_with("يه") {
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
                    let key = self.key(i, j, Some(&head));
                    let src = match g.names.get(&key) {
                        Some(v) => Src::Gaz(v.clone()),
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
            if !prev_title && self.nat_at(i + 1).is_some() && self.toks[i + 1].norm.ends_with("يه") && self.nat_definite(i + 1) {
                let key = format!("وزاره {} {}", self.toks[i].norm, self.toks[i + 1].norm);
                let src = match g.names.get(&key) {
                    Some(v) => Src::Gaz(v.clone()),
                    None => Src::New(key),
                };
                out.push(self.cand(i, i + 2, "org", src, 1));
                thing_end[i] = thing_end[i].max(i + 2);
            }
        }
        // القوات المسلحة الأوكرانية: the forces' own name.
        if self.word(i + 1) {
            let is_forces = self.toks[i].norm.ends_with("القوات");
            if is_forces && self.flags0(i + 1) & flag::FORCES != 0 && self.rs(i).iter().any(|r| self.rtext(i, r) == "القوات") {
                let mut j = i + 2;
                if self.word(j) && self.nat_at(j).is_some() && self.nat_definite(j) {
                    j += 1;
                }
                let key = self.key(i, j, Some("القوات"));
                let src = match g.names.get(&key) {
                    Some(v) => Src::Gaz(v.clone()),
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
    fn quoted_media(&mut self, q: usize, out: &mut Vec<Cand>, thing_end: &mut [usize]) {
        let g = self.g;
        let open = self.punct(q).unwrap_or("").to_string();
        let mut k = q + 1;
        while k < q + 7 && self.word(k) {
            k += 1;
        }
        if k < q + 2 || !self.punct(k).is_some_and(|p| closes(&open, p)) {
            return;
        }
        let cs = q + 1;
        if let Some(v) = g.quoted_alias.get(&self.key(cs, k, None)) {
            let mut c = self.cand(cs, k, "org", Src::Gaz(v.clone()), 4);
            c.quoted = true;
            out.push(c);
            thing_end[cs] = thing_end[cs].max(k);
            return;
        }
        if k < q + 3 {
            return;
        }
        let head = self.rs(cs).iter().find(|r| !r.al && r.flags & flag::QUOTE_ORG != 0).map(|r| self.rest(cs, r).to_string());
        let Some(head) = head else { return };
        let key = self.key(cs, k, Some(&head));
        let src = match g.names.get(&key) {
            Some(v) => Src::Gaz(v.clone()),
            None => Src::New(key),
        };
        let mut c = self.cand(cs, k, "org", src, 4);
        c.quoted = true;
        out.push(c);
        thing_end[cs] = thing_end[cs].max(k);
    }

    /// قصر دولماباش، قصر Dolmabahce: an unquoted place head with its name.
    fn place_head(&mut self, i: usize, h: usize, head: &str, out: &mut Vec<Cand>, thing_end: &mut [usize]) {
        let g = self.g;
        if !self.word(h) {
            return;
        }
        let mut known_first = false;
        if let Some((e, entries)) = self.gaz_at(h) {
            let own: Vec<u32> = entries.iter().copied().filter(|&x| g.entry(x).kind == "place" && g.entry(x).keys.first().is_some_and(|k| k.starts_with(head))).collect();
            if !own.is_empty() {
                out.push(self.cand(i, e, "place", Src::Gaz(own), 1));
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
            && !self.toks[e].norm.ends_with('ي')
        {
            e += 1;
        }
        if e > h {
            let key = self.key(i, e, Some(head));
            let src = match g.names.get(&key) {
                Some(v) => Src::Gaz(v.clone()),
                None => Src::New(key),
            };
            out.push(self.cand(i, e, "place", src, 1));
            thing_end[i] = thing_end[i].max(e);
        }
    }

    fn quote_rule(&mut self, i: usize, out: &mut Vec<Cand>, thing_end: &mut [usize]) {
        let g = self.g;
        if !self.rs(i).iter().any(|r| r.flags & (flag::QUOTE_ORG | flag::QUOTE_PLACE | flag::HEAD_PREFIX) != 0) {
            return;
        }
        let mut found: Option<(usize, &'static str, String)> = None;
        for r in self.rs(i) {
            let rest = self.rest(i, r);
            if r.al {
                continue;
            }
            if r.flags & flag::HEAD_PREFIX != 0 && self.word(i + 1) {
                if let Some(k) = g.quote_heads.get(&format!("{} {}", rest, self.toks[i + 1].norm)) {
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
        let Some(open) = self.punct(h).filter(|p| is_open_quote(p)).map(str::to_string) else {
            if head_kind == "place" {
                self.place_head(i, h, &head, out, thing_end);
            }
            return;
        };
        let mut k = h + 1;
        while k < h + 8 && self.word(k) {
            k += 1;
        }
        if k == h + 1 || !self.punct(k).is_some_and(|p| closes(&open, p)) {
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
            Src::Gaz(pick(v))
        } else if let Some(v) = g.names.get(&content) {
            Src::Gaz(pick(v))
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
                Some(v) => Src::Gaz(v),
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

    fn person_rules(&mut self, i: usize, thing_end: &[usize], out: &mut Vec<Cand>) {
        let g = self.g;
        // Given name + name words: فولوديمير زيلينسكي, أولكسندر بروكودين.
        if self.given_at(i, false) && (thing_end[i] <= i || thing_end[i] == i + 1) && (i + 1 >= thing_end.len() || thing_end[i + 1] <= i + 1) {
            let first_norm = self.person_toks(i, i + 1).pop().unwrap_or_default();
            let compound = g.particles.contains(&first_norm); // عبد القادر
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
            let first = self.rs(i).iter().find(|r| r.flags & (flag::TITLE | flag::TITLE_PREFIX) != 0).map(|r| self.rtext(i, r)).unwrap_or_else(|| self.toks[i].norm.clone());
            let mut role = self.key(i, te, Some(&first));
            let mut steps = 0;
            let mut role_place: Option<String> = None;
            while steps < 10 && j < self.toks.len() {
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
                    role_place.get_or_insert(p);
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
                let norm = self.toks[j].norm.as_str();
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
                let boundary = te2 >= self.toks.len() || !self.word(te2) || self.is_stop(te2) || self.nat_at(te2).is_some();
                let known_inside = (ts + 1..te2).any(|k| self.known_surname(k));
                let ok = if given { n_words >= 2 } else { !known_inside && (n_words >= 2 || (n_words == 1 && boundary && self.toks[ts].norm.chars().count() >= 3)) };
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
        if self.has(i, flag::VERB, true) && self.word(i + 1) && thing_end[i + 1] <= i + 1 {
            let j = i + 1;
            let e = self.name_run(j, 3, false);
            let n_words = e - j;
            let follow = self.punct(e).map(str::to_string);
            let boundary_punct = matches!(follow.as_deref(), Some(":" | "," | "،"));
            let known_inside = (j + 1..e).any(|k| self.known_surname(k));
            if n_words >= 2 && !known_inside && (boundary_punct || !self.word(e) || self.is_stop(e)) {
                let toks = self.person_toks(j, e);
                out.push(self.cand(j, e, "person", Src::Person { toks, role: None, weak: false }, 1));
            } else if n_words == 1 && self.toks[j].norm.chars().count() >= 4 && !self.toks[j].norm.ends_with('ه') {
                let toks = self.person_toks(j, e);
                out.push(self.cand(j, e, "person", Src::Person { toks, role: None, weak: true }, 1));
            }
        }
        // Latin capitals: Heorhii Tykhii; a single one only if it links.
        if (i == 0 || !self.capitalised(i - 1) || self.glued(i - 1) || thing_end[i - 1] > i - 1) && thing_end[i] <= i && self.capitalised(i) && !self.glued(i) {
            let mut e = i + 1;
            while e < i + 4 && self.word(e) && thing_end[e] <= e && (self.capitalised(e) || (matches!(self.toks[e].norm.as_str(), "de" | "van" | "von" | "al" | "bin" | "da" | "di" | "der") && self.capitalised(e + 1))) && !self.glued(e) {
                e += 1;
            }
            if thing_end[i] < e {
                let toks = self.person_toks(i, e);
                let weak = e - i == 1;
                out.push(self.cand(i, e, "person", Src::Person { toks, role: None, weak }, 1));
            }
        }
    }

    /// Bare surnames of people named in full elsewhere in the run
    /// (`ميدينسكي` after `فلاديمير ميدينسكي`), on tokens no mention covers.
    pub fn surname_cands(&self, covered: &[bool], registry: &crate::entities::link::Registry) -> Vec<Cand> {
        let mut out = Vec::new();
        for i in 0..self.toks.len() {
            if covered[i] || !self.word(i) || self.raw(i).contains(TANWEEN) || self.is_stop(i) || self.glued(i) {
                continue;
            }
            if !(self.name_like(i, true) || self.capitalised(i)) {
                continue;
            }
            let t = &self.toks[i];
            if !(t.is_arabic() || t.is_latin()) {
                continue;
            }
            for r in readings(&t.norm) {
                if r.al {
                    continue;
                }
                if registry.knows(r.rest) {
                    let mut c = self.cand(i, i + 1, "person", Src::Person { toks: vec![r.rest.to_string()], role: None, weak: true }, 0);
                    c.prio = 0;
                    out.push(c);
                    break;
                }
            }
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

