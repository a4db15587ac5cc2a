//! The word lists of this stage, compiled in from `src/data/` and parsed once.
//!
//! - `number_words.tsv`: number words and how they combine;
//! - `units.txt`: counted nouns (singular, plural, generated duals);
//! - `quantity_cues.txt`: approximations, ranges, exchanges, dates, labels;
//! - `quote_cues.txt`: reporting verbs, source phrases, name heads.
//!
//! Everything is stored normalised ([`crate::normalize::normalize`]).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::normalize::normalize;

const NUMBER_WORDS: &str = data_file!("number_words.tsv");
const UNITS: &str = data_file!("units.txt");
const QUANTITY_CUES: &str = data_file!("quantity_cues.txt");
const QUOTE_CUES: &str = data_file!("quote_cues.txt");

/// A small fast hash for short word keys (FxHash's mixing step): the lists
/// are fixed, so no protection against chosen keys is needed.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
pub type Set<K> = HashSet<K, BuildHasherDefault<Fx>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    One,
    Unit,
    Tens,
    Hundred,
    Scale,
    ScaleDual,
    ScalePl,
    Vague,
    Fraction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Count,
    Duration,
    Measure,
    Currency,
    Percent,
}

#[derive(Debug)]
pub struct UnitInfo {
    /// Display form, as written in the data file.
    pub lemma: String,
    pub kind: UnitKind,
}

/// One written form of a counted noun: its words (normalised), the unit it
/// belongs to, and whether it is a plural.
#[derive(Debug)]
pub struct UnitForm {
    pub words: Vec<String>,
    pub unit: usize,
    pub plural: bool,
}

/// A filter in front of a small set of words: a word whose bit is not set
/// is not in the set (most words a text asks about), which is cheaper to
/// tell than a hash lookup.
#[derive(Debug, Clone, Default)]
pub struct Bits([u64; 16]);

impl Bits {
    fn bit(w: &str) -> usize {
        (filter_hash(w.as_bytes()) >> (64 - 10)) as usize
    }

    pub fn insert(&mut self, w: &str) {
        let i = Bits::bit(w);
        self.0[i >> 6] |= 1 << (i & 63);
    }

    /// False when `w` was never inserted.
    #[inline]
    pub fn may(&self, w: &str) -> bool {
        let i = Bits::bit(w);
        self.0[i >> 6] >> (i & 63) & 1 == 1
    }
}

/// A set of single words, filtered ([`Bits`]).
#[derive(Debug, Default)]
pub struct WordSet {
    set: Set<String>,
    bits: Bits,
}

impl WordSet {
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.bits.may(w) && self.set.contains(w)
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.set.iter()
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> WordSet {
        let mut out = WordSet::default();
        for w in words {
            out.bits.insert(&w);
            out.set.insert(w);
        }
        out
    }
}

/// A set of phrases (one or more words each), looked up by first word.
#[derive(Debug, Default)]
pub struct Phrases {
    pub by_first: Map<String, Vec<Vec<String>>>,
    /// Every phrase, longest first.
    pub all: Vec<Vec<String>>,
    /// Filters: first words, last words of longer phrases, one-word phrases.
    pub firsts: Bits,
    pub lasts: Bits,
    pub singles: Bits,
}

impl Phrases {
    fn add(&mut self, words: Vec<String>) {
        if words.is_empty() || self.all.contains(&words) {
            return;
        }
        self.firsts.insert(&words[0]);
        if words.len() == 1 {
            self.singles.insert(&words[0]);
        } else {
            self.lasts.insert(&words[words.len() - 1]);
        }
        self.by_first.entry(words[0].clone()).or_default().push(words.clone());
        self.all.push(words);
    }

    /// Longest first (stable: among equals, in the order added), once all
    /// are added.
    fn finish(&mut self) {
        for list in self.by_first.values_mut() {
            crate::sort::by_key(list, |w| std::cmp::Reverse(w.len()));
        }
        crate::sort::by_key(&mut self.all, |w| std::cmp::Reverse(w.len()));
    }

    /// True when the one-word phrase `w` is in the set.
    #[inline]
    pub fn has(&self, w: &str) -> bool {
        self.singles.may(w) && self.by_first.get(w).is_some_and(|l| l.iter().any(|p| p.len() == 1))
    }

    /// The phrases starting with word `w`, longest first.
    #[inline]
    pub fn starting(&self, w: &str) -> Option<&Vec<Vec<String>>> {
        if !self.firsts.may(w) {
            return None;
        }
        self.by_first.get(w)
    }
}

/// The sections of the cue files the code reads, by name: a section is
/// found by a `match` the compiler resolves at each call (names are
/// literals), not by hashing its name.
#[inline(always)]
fn slot(name: &str) -> Option<usize> {
    Some(match name {
        "verb" => 0,
        "participle" => 1,
        "source" => 2,
        "relay" => 3,
        "complementizer" => 4,
        "after_quote_lead" => 5,
        "name_head" => 6,
        "preposition" => 7,
        "adverb" => 8,
        "subject_aux" => 9,
        "source_noun" => 10,
        "pronoun" => 11,
        "not_comp_after" => 12,
        "anaphoric_title" => 13,
        "statement" => 14,
        "about" => 15,
        "more" => 16,
        "less" => 17,
        "about_after" => 18,
        "more_after" => 19,
        "range_between" => 20,
        "range_from" => 21,
        "range_to" => 22,
        "range_or" => 23,
        "exchange_for" => 24,
        "exchange_each" => 25,
        "exchange_all" => 26,
        "exchange_trigger" => 27,
        "month" => 28,
        "year_before" => 29,
        "year_after" => 30,
        "label_before" => 31,
        "clock_after" => 32,
        "pronoun_after" => 33,
        "not_unit" => 34,
        "count_of" => 35,
        _ => return None,
    })
}

const SLOTS: usize = 36;

#[derive(Debug)]
pub struct Sections {
    /// The sections [`slot`] knows.
    fixed: Vec<Phrases>,
    /// Any other section of the files.
    other: Map<String, Phrases>,
    empty: Phrases,
}

impl Sections {
    /// `[name]` headers, then entries separated by commas (Arabic or Latin)
    /// or line breaks; `#` starts a comment line.
    fn parse(src: &str) -> Sections {
        let mut out = Sections { fixed: (0..SLOTS).map(|_| Phrases::default()).collect(), other: Map::default(), empty: Phrases::default() };
        let mut current = String::new();
        for line in src.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name.trim().to_string();
                continue;
            }
            let phrases = match slot(&current) {
                Some(k) => &mut out.fixed[k],
                None => out.other.entry(current.clone()).or_default(),
            };
            for entry in normalize(line).split(',') {
                let words: Vec<String> = entry.split_whitespace().map(str::to_string).collect();
                phrases.add(words);
            }
        }
        for p in out.fixed.iter_mut().chain(out.other.values_mut()) {
            p.finish();
        }
        out
    }

    #[inline]
    pub fn get(&self, name: &str) -> &Phrases {
        match slot(name) {
            Some(k) => &self.fixed[k],
            None => self.other.get(name).unwrap_or(&self.empty),
        }
    }
}

#[derive(Debug)]
pub struct Lex {
    pub numbers: Map<String, (f64, NumKind)>,
    pub units: Vec<UnitInfo>,
    /// Unit forms by first word, longest first.
    pub unit_forms: Map<String, Vec<UnitForm>>,
    /// Every singular one-word form (for "أكثر من ساعة").
    pub singular: Map<String, usize>,
    pub qc: Sections,
    pub sc: Sections,
    /// Single-word sets used on every token, for speed.
    pub verbs: WordSet,
    pub participles: WordSet,
    pub relays: WordSet,
    pub complementizers: WordSet,
    pub prepositions: WordSet,
    /// Every written form of a number word with its proclitics, read once
    /// (`crate::claims::numbers::atom` looks words up here), and the cue
    /// words: one lookup tells whether a token can matter at all.
    pub words: Map<String, WordInfo>,
    /// A bit for every key of `words` ([`filter_bit`]): most words miss it,
    /// which is cheaper to tell than a lookup.
    filter: Vec<u64>,
}

const FILTER_BITS: u32 = 18;

/// Where a word falls in [`Lex::word`]'s filter.
#[inline]
fn filter_bit(w: &[u8]) -> usize {
    (filter_hash(w) >> (64 - FILTER_BITS)) as usize
}

/// A word's length and first and last four bytes, mixed (the filters'
/// hash: cheap, and it tells most words apart).
#[inline]
fn filter_hash(w: &[u8]) -> u64 {
    let n = w.len();
    let (a, z) = if n >= 4 {
        (u32::from_le_bytes([w[0], w[1], w[2], w[3]]), u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]))
    } else {
        let h = w.iter().fold(0u32, |h, &b| (h << 8) | b as u32);
        (h, h)
    };
    (a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (z as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ (n as u64).wrapping_mul(0x1656_67B1_9E37_79F9)
}

impl Lex {
    /// `words.get(w)`, quickly for the words that are not there.
    #[inline]
    pub fn word(&self, w: &str) -> Option<&WordInfo> {
        let bit = filter_bit(w.as_bytes());
        if self.filter[bit >> 6] >> (bit & 63) & 1 == 0 {
            return None;
        }
        self.words.get(w)
    }
}

/// What one written word (with its proclitics) can be.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    /// The number atom: (value, kind, conj, prep, def).
    pub num: Option<(f64, NumKind, bool, bool, bool)>,
    /// A dual of a counted noun (ساعتين، ليومين).
    pub dual: Option<usize>,
    /// A reporting verb, participle or relay verb, or the first word of a
    /// source or statement phrase.
    pub cue: bool,
    /// Can start a quantity another way: a singular duration (أكثر من ساعة),
    /// an all-for-all word (الجميع مقابل الجميع), a fraction (نصف ساعة) or a
    /// currency sign.
    pub qty: bool,
}

/// The proclitic sequences a number word or dual can carry, as written
/// before normalisation does nothing to them.
const PREFIXES: &[&str] = &["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "ال", "وال", "فال", "بال", "لل", "كال", "وبال", "ولل", "وكال", "فبال", "فلل"];

pub fn lex() -> &'static Lex {
    static LEX: OnceLock<Lex> = OnceLock::new();
    LEX.get_or_init(build)
}

fn build() -> Lex {
    let mut numbers: Map<String, (f64, NumKind)> = Map::default();
    for line in NUMBER_WORDS.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let Ok(value) = cols[1].trim().parse::<f64>() else { continue };
        let kind = match cols[2].trim() {
            "one" => NumKind::One,
            "unit" => NumKind::Unit,
            "tens" => NumKind::Tens,
            "hundred" => NumKind::Hundred,
            "scale" => NumKind::Scale,
            "scale_dual" => NumKind::ScaleDual,
            "scale_pl" => NumKind::ScalePl,
            "vague" => NumKind::Vague,
            "fraction" => NumKind::Fraction,
            _ => continue,
        };
        numbers.entry(normalize(cols[0].trim())).or_insert((value, kind));
    }

    let mut units = Vec::new();
    let mut unit_forms: Map<String, Vec<UnitForm>> = Map::default();
    let mut duals: Map<String, usize> = Map::default();
    let mut singular: Map<String, usize> = Map::default();
    let mut plurals: Set<String> = Set::default();
    let mut dual_candidates: Vec<(String, usize)> = Vec::new();
    for line in UNITS.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            continue;
        }
        let lemma = cols[0].trim().to_string();
        let kind = match cols[1].trim() {
            "duration" => UnitKind::Duration,
            "measure" => UnitKind::Measure,
            "currency" => UnitKind::Currency,
            "percent" => UnitKind::Percent,
            _ => UnitKind::Count,
        };
        let idx = units.len();
        units.push(UnitInfo { lemma: lemma.clone(), kind });
        let split = |c: Option<&&str>| -> Vec<String> {
            c.map(|s| s.split(['،', ',']).map(|f| f.trim().to_string()).filter(|f| !f.is_empty()).collect())
                .unwrap_or_default()
        };
        let mut sing = vec![lemma.clone()];
        sing.extend(split(cols.get(2)));
        let plur = split(cols.get(3));
        for (forms, plural) in [(&sing, false), (&plur, true)] {
            for f in forms {
                let words: Vec<String> = normalize(f).split_whitespace().map(str::to_string).collect();
                if words.is_empty() {
                    continue;
                }
                if words.len() == 1 {
                    if plural {
                        plurals.insert(words[0].clone());
                    } else {
                        singular.entry(words[0].clone()).or_insert(idx);
                        if f.chars().count() >= 3 && f.chars().all(crate::tokenize::is_arabic_letter) {
                            for d in dual_forms(f) {
                                dual_candidates.push((d, idx));
                            }
                        }
                    }
                }
                let list = unit_forms.entry(words[0].clone()).or_default();
                if !list.iter().any(|u| u.words == words) {
                    list.push(UnitForm { words, unit: idx, plural });
                    crate::sort::by_key(list, |u| std::cmp::Reverse(u.words.len()));
                }
            }
        }
    }
    // A dual spelled like a sound plural (مسؤولين، مدنيين) is read as the plural.
    for (d, idx) in dual_candidates {
        if !plurals.contains(&d) && !unit_forms.contains_key(&d) {
            duals.entry(d).or_insert(idx);
        }
    }

    let qc = Sections::parse(QUANTITY_CUES);
    let sc = Sections::parse(QUOTE_CUES);
    let single = |s: &Sections, name: &str| -> WordSet {
        s.get(name).all.iter().filter(|p| p.len() == 1).map(|p| p[0].clone()).collect()
    };
    let verbs = single(&sc, "verb");
    let participles = single(&sc, "participle");
    let relays = single(&sc, "relay");

    let mut words: Map<String, WordInfo> = Map::default();
    let mut key = String::new();
    for p in PREFIXES {
        for f in numbers.keys() {
            key.clear();
            key.push_str(p);
            key.push_str(f);
            if words.get(&key).is_some_and(|w| w.num.is_some()) {
                continue;
            }
            if let Some(a) = super::numbers::atom_of_word(&key, &numbers) {
                words.entry(key.clone()).or_default().num = Some(a);
            }
        }
        for f in duals.keys() {
            if p.contains("ال") {
                continue;
            }
            key.clear();
            key.push_str(p);
            key.push_str(f);
            if let Some(u) = dual_of(&key, &duals) {
                words.entry(key.clone()).or_default().dual = Some(u);
            }
        }
    }
    for (w, &u) in singular.iter() {
        if units[u].kind == UnitKind::Duration {
            words.entry(w.clone()).or_default().qty = true;
        }
    }
    for w in qc.get("exchange_all").by_first.keys().chain(["$", "€", "£"].map(String::from).iter()) {
        for p in ["", "و", "ف"] {
            words.entry(format!("{p}{w}")).or_default().qty = true;
        }
    }
    for set in [&verbs, &participles, &relays] {
        for v in set.iter() {
            for p in ["", "و", "ف"] {
                words.entry(format!("{p}{v}")).or_default().cue = true;
            }
        }
    }
    for name in ["source", "statement"] {
        for first in sc.get(name).by_first.keys() {
            for p in ["", "و"] {
                words.entry(format!("{p}{first}")).or_default().cue = true;
            }
        }
    }

    let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
    for w in words.keys() {
        let bit = filter_bit(w.as_bytes());
        filter[bit >> 6] |= 1 << (bit & 63);
    }

    Lex {
        filter,
        numbers,
        units,
        unit_forms,
        singular,
        verbs,
        participles,
        relays,
        complementizers: single(&sc, "complementizer"),
        prepositions: single(&sc, "preposition"),
        words,
        qc,
        sc,
    }
}

/// A dual with its proclitics read off (ليومين → يومين), the article never.
pub fn dual_of(word: &str, duals: &Map<String, usize>) -> Option<usize> {
    for (_, _, def, rest) in super::numbers::clitic_splits(word) {
        if def {
            continue;
        }
        if let Some(&u) = duals.get(rest) {
            return Some(u);
        }
    }
    None
}

/// The nominative and oblique duals of a singular noun, normalised:
/// ساعة → ساعتان، ساعتين; يوم → يومان، يومين.
fn dual_forms(singular: &str) -> Vec<String> {
    let base = match singular.strip_suffix('ة') {
        Some(stem) => format!("{stem}ت"),
        None => match singular.strip_suffix('ى') {
            Some(stem) => format!("{stem}ي"),
            None => singular.to_string(),
        },
    };
    vec![normalize(&format!("{base}ان")), normalize(&format!("{base}ين"))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let l = lex();
        assert_eq!(l.numbers.get("ثلاثه"), Some(&(3.0, NumKind::Unit)));
        assert_eq!(l.numbers.get("الاف"), Some(&(1000.0, NumKind::ScalePl)));
        assert_eq!(l.numbers.get("الفا"), Some(&(1000.0, NumKind::Scale)));
        let dual = |w: &str| l.words.get(w).and_then(|i| i.dual).map(|u| l.units[u].lemma.as_str());
        assert_eq!(dual("ساعتين"), Some("ساعة"));
        assert_eq!(dual("ليومين"), Some("يوم"));
        assert_eq!(dual("عامين"), Some("سنة"));
        // A dual that reads as a sound plural is not a dual.
        assert_eq!(dual("مدنيين"), None);
        assert_eq!(dual("مسؤولين"), None);
        // Number words with their clitics, read once.
        assert!(matches!(l.words.get("وعشرون").and_then(|i| i.num), Some((v, NumKind::Tens, true, false, false)) if v == 20.0));
        assert!(matches!(l.words.get("بالالاف").and_then(|i| i.num), Some((v, NumKind::ScalePl, false, true, true)) if v == 1000.0));
        assert!(l.words.get("وقال").is_some_and(|i| i.cue));
        for w in l.words.keys() {
            assert!(l.word(w).is_some(), "{w}");
        }
        assert!(l.word("بيسكوف").is_none());
        assert!(l.verbs.contains("قال") && l.verbs.contains("اضاف"));
        assert!(l.complementizers.contains("ان") && l.complementizers.contains("بانه"));
        assert!(l.qc.get("more").all.iter().any(|p| p == &["اكثر", "من"]));
        assert!(l.qc.get("month").has("مايو"));
        let drone = &l.unit_forms["طائرات"];
        assert!(drone.iter().any(|f| f.words == ["طائرات", "بدون", "طيار"]));
        assert!(drone.windows(2).all(|w| w[0].words.len() >= w[1].words.len()), "longest form first");
    }
}
