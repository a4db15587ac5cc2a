//! The compiled-in gazetteer (data files under `src/data/`), parsed once.
//!
//! - `places.tsv`, `people.tsv`, `orgs.tsv`: `id<TAB>kind<TAB>English<TAB>Arabic forms | separated`.
//! - `nationalities.tsv`: `place-id<TAB>forms | separated` (without ال; the
//!   feminine, the regular plurals, ال and the accusative are added here).
//! - `titles.txt`, `given_names.txt` (an `# ambiguous` section at the end),
//!   `org_heads.txt`, `reporting_verbs.txt`, `not_names.txt`: one entry a line.
//! - `entity_words.txt`: the recogniser's own lexicon, in `[sections]`.
//!
//! Every name form is keyed by its normalised tokens joined with one space,
//! exactly as the recogniser builds keys from a text, so a lookup is one hash
//! probe per candidate n-gram.

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast non-cryptographic hasher (the Fx hash of rustc) for the lexicon's
/// many short-string probes; the data is compiled in, so no hash flooding.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The rest zero-padded to 8 bytes, little-endian (shifts, not a
            // copy: this runs on every probe).
            let mut w = 0u64;
            for (k, &x) in rest.iter().enumerate() {
                w |= (x as u64) << (8 * k);
            }
            self.add(w);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Distinct strings numbered in first-seen order, all in one string: no
/// allocation per string, and a probe reads an entry only when the stored
/// hash bits match. (Open addressing; the upper 40 hash bits share each slot
/// with the string's number.)
#[derive(Clone)]
pub struct StrTable {
    /// 0: empty; else the hash's upper 40 bits | 1 + the string's number.
    slots: Vec<u64>,
    /// Where each string is in `text`.
    spans: Vec<(u32, u32)>,
    text: String,
}

impl Default for StrTable {
    fn default() -> StrTable {
        StrTable { slots: vec![0; 64], spans: Vec::new(), text: String::new() }
    }
}

impl StrTable {
    const TAG: u64 = !0xFF_FFFF;

    #[inline]
    fn hash(s: &str) -> u64 {
        let mut h = FxHasher { hash: s.len() as u64 };
        h.write(s.as_bytes());
        h.hash
    }

    #[inline]
    fn home(h: u64, mask: usize) -> usize {
        (h >> 32) as usize & mask
    }

    /// How many strings.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// String number `k`.
    #[inline]
    pub fn get(&self, k: u32) -> &str {
        let (a, b) = self.spans[k as usize];
        &self.text[a as usize..b as usize]
    }

    /// The number of `s`, if present.
    pub fn find(&self, s: &str) -> Option<u32> {
        let h = Self::hash(s);
        let mask = self.slots.len() - 1;
        let mut i = Self::home(h, mask);
        loop {
            let x = self.slots[i];
            if x == 0 {
                return None;
            }
            if x & Self::TAG == h & Self::TAG {
                let k = (x & !Self::TAG) as u32 - 1;
                if self.get(k) == s {
                    return Some(k);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The number of `s`, added if new: (number, whether new).
    pub fn intern(&mut self, s: &str) -> (u32, bool) {
        let h = Self::hash(s);
        let mask = self.slots.len() - 1;
        let mut i = Self::home(h, mask);
        loop {
            let x = self.slots[i];
            if x == 0 {
                break;
            }
            if x & Self::TAG == h & Self::TAG {
                let k = (x & !Self::TAG) as u32 - 1;
                if self.get(k) == s {
                    return (k, false);
                }
            }
            i = (i + 1) & mask;
        }
        let k = self.spans.len() as u32;
        let a = self.text.len() as u32;
        self.text.push_str(s);
        self.spans.push((a, self.text.len() as u32));
        self.slots[i] = (h & Self::TAG) | (k as u64 + 1);
        if self.spans.len() * 2 > self.slots.len() {
            self.grow();
        }
        (k, true)
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![0; old.len() * 2];
        let mask = self.slots.len() - 1;
        for x in old.into_iter().filter(|&x| x != 0) {
            let mut i = Self::home(x, mask);
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = x;
        }
    }
}
pub type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

/// Flags of one word in the merged lexicon ([`Gazetteer::lex`]).
pub mod flag {
    pub const STOP: u32 = 1;
    pub const GIVEN: u32 = 1 << 1;
    pub const GIVEN_AMB: u32 = 1 << 2;
    pub const TITLE: u32 = 1 << 3;
    pub const TITLE_PREFIX: u32 = 1 << 4;
    pub const VERB: u32 = 1 << 5;
    pub const ORG_GEN: u32 = 1 << 6;
    pub const ORG_GEN_WEAK: u32 = 1 << 7;
    pub const ORG_NAME: u32 = 1 << 8;
    pub const QUOTE_PLACE: u32 = 1 << 9;
    pub const QUOTE_ORG: u32 = 1 << 10;
    pub const MINISTRY: u32 = 1 << 11;
    pub const FORCES: u32 = 1 << 12;
    pub const ORG_STOP: u32 = 1 << 13;
    pub const PARTICLE: u32 = 1 << 14;
    pub const REGION: u32 = 1 << 15;
    /// A one-word gazetteer name.
    pub const NAME: u32 = 1 << 16;
    /// The first word of a longer gazetteer name.
    pub const NAME_PREFIX: u32 = 1 << 17;
    pub const NAT: u32 = 1 << 18;
    pub const NAT_PREFIX: u32 = 1 << 19;
    /// A one-word name with a person among its entries.
    pub const PERSON: u32 = 1 << 20;
    /// A one-word name of places/organisations only.
    pub const NONPERSON: u32 = 1 << 21;
    pub const ORG_HEAD: u32 = 1 << 22;
    /// The first word of a two-word head (`وكالة أنباء`).
    pub const HEAD_PREFIX: u32 = 1 << 23;
    pub const LANGUAGE: u32 = 1 << 24;
}

use crate::entities::skeleton::{latin_fold, skeleton, surname_key};
use crate::tokenize::{tokenize, TokKind};

const PLACES: &str = data_file!("places.tsv");
const PEOPLE: &str = data_file!("people.tsv");
const ORGS: &str = data_file!("orgs.tsv");
const NATIONALITIES: &str = data_file!("nationalities.tsv");
const TITLES: &str = data_file!("titles.txt");
const GIVEN: &str = data_file!("given_names.txt");
const ORG_HEADS: &str = data_file!("org_heads.txt");
const VERBS: &str = data_file!("reporting_verbs.txt");
const NOT_NAMES: &str = data_file!("not_names.txt");
const OWN: &str = data_file!("entity_words.txt");

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    /// "person", "place" or "org".
    pub kind: &'static str,
    /// A news agency, broadcaster or newspaper (kind `org:media` in the
    /// data): it reports events rather than taking part in them.
    pub media: bool,
    pub en: Option<String>,
    /// Canonical Arabic form (the first one listed).
    pub ar: String,
    /// Every listed form, as written.
    pub forms: Vec<String>,
    /// The forms' lookup keys.
    pub keys: Vec<String>,
}

/// A person entry's name as consonant skeletons, for linking spelling
/// variants (`زيلنسكي`, `Zelenskyy`) to it.
#[derive(Debug, Clone)]
pub struct NameKey {
    pub entry: u32,
    /// Skeleton of the first name ("" when the form is a surname alone).
    pub first: String,
    pub surname: String,
    /// The surname as written (normalised).
    pub form: String,
    /// The first name as written (normalised), "" when none.
    pub first_form: String,
}

pub struct Gazetteer {
    pub entries: Vec<Entry>,
    pub by_id: HashMap<String, u32>,
    /// Normalised token key → entries (several when a form is shared).
    pub names: HashMap<String, Vec<u32>>,
    /// Every proper token prefix of a key in `names`.
    pub name_prefixes: HashSet<String>,
    /// Normalised nationality form (with and without ال) → place id.
    pub nationalities: HashMap<String, String>,
    /// Proper token prefixes of multi-word nationality forms.
    pub nat_prefixes: HashSet<String>,
    /// Title phrases and their prefixes (value: true when a full title).
    pub titles: HashMap<String, bool>,
    pub given: HashSet<String>,
    pub given_ambiguous: HashSet<String>,
    pub particles: HashSet<String>,
    pub region_heads: HashSet<String>,
    pub verbs: HashSet<String>,
    pub stop: HashSet<String>,
    /// Quote heads: normalised head → kind of the quoted name.
    pub quote_heads: HashMap<String, &'static str>,
    pub org_genitive: HashSet<String>,
    pub org_genitive_weak: HashSet<String>,
    pub org_name: HashSet<String>,
    pub org_heads_all: HashSet<String>,
    pub ministry_short: HashSet<String>,
    /// Definite head + adjective that a nationality makes a body's name
    /// (`البنك المركزي` + `المصري`).
    pub org_adjectival: HashSet<String>,
    pub forces: HashSet<String>,
    pub org_stop: HashSet<String>,
    /// Person surname skeleton → name keys.
    pub surnames: HashMap<String, Vec<NameKey>>,
    /// Single-deletion variants of person surname skeletons → name keys.
    pub surname_fuzzy: HashMap<String, Vec<NameKey>>,
    /// Person surname skeleton → the normalised surnames with it.
    pub surname_forms: HashMap<String, Vec<String>>,
    /// Place/org skeleton of a whole single-word form → entries (Latin
    /// spellings of known names: `Kremlin`).
    pub skeletons: HashMap<String, Vec<u32>>,
    /// A media name without its head, for quotations: «الشرق الأوسط» is
    /// the newspaper listed as `صحيفة الشرق الأوسط`.
    pub quoted_alias: HashMap<String, Vec<u32>>,
    /// Proper token prefixes (two words or more) of organisation forms →
    /// organisations (`هيئة الأركان العامة` → the general staffs).
    pub org_prefix: HashMap<String, Vec<u32>>,
    /// Every single word of every lexicon above with its [`flag`]s, so a
    /// token costs one probe per proclitic reading.
    pub lex: HashMap<String, u32>,
}

static GAZ: OnceLock<Gazetteer> = OnceLock::new();

/// The gazetteer, parsed on first use.
pub fn get() -> &'static Gazetteer {
    GAZ.get_or_init(build)
}

/// Build a fresh gazetteer (benchmarks only). TEMPORARY.
#[doc(hidden)]
pub fn __bench_build() -> usize {
    build().entries.len()
}

/// Data lines: trimmed, without comments and blanks.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lookup key of a form: its normalised tokens joined by one space.
pub fn key_of(form: &str) -> String {
    let mut out = String::new();
    for t in tokenize(form, 0, form.len()) {
        if t.kind == TokKind::Newline {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&latin_fold(&t.norm));
    }
    out
}

fn kind_of(s: &str) -> &'static str {
    match s.trim().split(':').next().unwrap_or_default() {
        "person" | "per" | "PER" => "person",
        "place" | "loc" | "LOC" | "gpe" | "GPE" => "place",
        _ => "org",
    }
}

/// Masculine/feminine/plural/accusative forms of one nationality form; in a
/// multi-word form every adjective agrees (`كوري شمالي` → `كوريه شماليه`).
fn inflect(f: &str) -> Vec<String> {
    if f.contains(' ') {
        let words: Vec<&str> = f.split(' ').collect();
        let mut v = vec![f.to_string()];
        if words.iter().all(|w| w.ends_with('ي')) {
            for suf in ["ه", "ين", "ون", "ان", "تان", "تين", "ات"] {
                v.push(words.iter().map(|w| format!("{w}{suf}")).collect::<Vec<_>>().join(" "));
            }
        }
        return v;
    }
    inflect_word(f)
}

fn inflect_word(f: &str) -> Vec<String> {
    let mut v = vec![f.to_string()];
    if f.ends_with('ي') {
        for suf in ["ه", "ين", "ون", "ان", "تان", "تين", "ات", "ا"] {
            v.push(format!("{f}{suf}"));
        }
    } else if !f.ends_with('ه') {
        v.push(format!("{f}ا"));
    }
    v
}

fn build() -> Gazetteer {
    let mut g = Gazetteer {
        entries: Vec::new(),
        by_id: HashMap::default(),
        names: HashMap::default(),
        name_prefixes: HashSet::default(),
        nationalities: HashMap::default(),
        nat_prefixes: HashSet::default(),
        titles: HashMap::default(),
        given: HashSet::default(),
        given_ambiguous: HashSet::default(),
        particles: HashSet::default(),
        region_heads: HashSet::default(),
        verbs: HashSet::default(),
        stop: HashSet::default(),
        quote_heads: HashMap::default(),
        org_genitive: HashSet::default(),
        org_genitive_weak: HashSet::default(),
        org_name: HashSet::default(),
        org_heads_all: HashSet::default(),
        ministry_short: HashSet::default(),
        org_adjectival: HashSet::default(),
        forces: HashSet::default(),
        org_stop: HashSet::default(),
        surnames: HashMap::default(),
        surname_fuzzy: HashMap::default(),
        surname_forms: HashMap::default(),
        skeletons: HashMap::default(),
        quoted_alias: HashMap::default(),
        org_prefix: HashMap::default(),
        lex: HashMap::default(),
    };

    // Own lexicon first: the shared files only add to it.
    let mut section = "";
    for l in lines(OWN) {
        if l.starts_with('[') && l.ends_with(']') {
            section = match &l[1..l.len() - 1] {
                "stop" => "stop",
                "titles" => "titles",
                "verbs" => "verbs",
                "given" => "given",
                "particles" => "particles",
                "given_ambiguous" => "given_ambiguous",
                "region_heads" => "region_heads",
                "quote_place" => "quote_place",
                "quote_org" => "quote_org",
                "org_genitive" => "org_genitive",
                "org_genitive_weak" => "org_genitive_weak",
                "org_name" => "org_name",
                "ministry_short" => "ministry_short",
                "forces" => "forces",
                "org_stop" => "org_stop",
                "org_adjectival" => "org_adjectival",
                _ => "",
            };
            continue;
        }
        let k = key_of(l);
        if k.is_empty() {
            continue;
        }
        match section {
            "stop" => {
                g.stop.insert(k);
            }
            "titles" => add_title(&mut g.titles, &k),
            "verbs" => {
                g.verbs.insert(k);
            }
            "given" => {
                g.given.insert(k);
            }
            "particles" => {
                g.particles.insert(k);
            }
            "given_ambiguous" => {
                g.given_ambiguous.insert(k);
            }
            "region_heads" => {
                g.region_heads.insert(k);
            }
            "quote_place" => {
                g.quote_heads.insert(k, "place");
            }
            "quote_org" => {
                g.quote_heads.insert(k, "org");
            }
            "org_genitive" => {
                g.org_heads_all.insert(k.clone());
                g.org_genitive.insert(k);
            }
            "org_genitive_weak" => {
                g.org_genitive_weak.insert(k);
            }
            "org_name" => {
                g.org_heads_all.insert(k.clone());
                g.org_name.insert(k);
            }
            "ministry_short" => {
                g.ministry_short.insert(k);
            }
            "forces" => {
                g.forces.insert(k);
            }
            "org_stop" => {
                g.org_stop.insert(k);
            }
            "org_adjectival" => {
                g.org_adjectival.insert(k);
            }
            _ => {}
        }
    }
    for l in lines(TITLES) {
        let k = key_of(l);
        if !k.is_empty() {
            add_title(&mut g.titles, &k);
        }
    }
    let mut ambiguous = false;
    for l in GIVEN.lines().map(str::trim) {
        if l == "[ambiguous]" {
            ambiguous = true;
            continue;
        }
        if l.starts_with('#') {
            continue;
        }
        let k = key_of(l);
        if k.is_empty() {
            continue;
        }
        if ambiguous {
            g.given.remove(&k);
            g.given_ambiguous.insert(k);
        } else if !g.given_ambiguous.contains(&k) {
            g.given.insert(k);
        }
    }
    for k in g.given_ambiguous.clone() {
        g.given.remove(&k);
    }
    for l in lines(ORG_HEADS) {
        let k = key_of(l);
        if !k.is_empty() && !g.org_heads_all.contains(&k) && !g.quote_heads.contains_key(&k) {
            // A head the recogniser has no finer rule for: a construct head
            // that needs two genitive words (`مستشفى الشفاء` stays out,
            // `برنامج الأغذية العالمي` is in).
            g.org_heads_all.insert(k.clone());
            g.org_genitive_weak.insert(k);
        }
    }
    for l in lines(VERBS) {
        let k = key_of(l);
        if !k.is_empty() {
            g.verbs.insert(k);
        }
    }
    for l in lines(NOT_NAMES) {
        let k = key_of(l);
        if !k.is_empty() && !g.given.contains(&k) {
            g.stop.insert(k);
        }
    }

    // A head in both lists is a weak one.
    for k in g.org_genitive_weak.clone() {
        g.org_genitive.remove(&k);
    }
    // A given name that is also a function word after normalisation
    // (علي/على) needs context.
    let clash: Vec<String> = g.given.iter().filter(|k| g.stop.contains(*k)).cloned().collect();
    for k in clash {
        g.given.remove(&k);
        g.given_ambiguous.insert(k);
    }

    for src in [PLACES, PEOPLE, ORGS] {
        for l in lines(src) {
            let cols: Vec<&str> = l.split('\t').collect();
            if cols.len() < 4 {
                continue;
            }
            let id = cols[0].trim().to_string();
            if id.is_empty() || g.by_id.contains_key(&id) {
                continue;
            }
            let forms: Vec<String> =
                cols[3].split('|').map(|f| f.trim().to_string()).filter(|f| !f.is_empty()).collect();
            if forms.is_empty() {
                continue;
            }
            // An empty English name is the id in title case (src/data/build.rs
            // drops those from the compiled copy).
            let en = cols[2].trim();
            let en = Some(if en.is_empty() { english_from_id(&id) } else { en.to_string() });
            let idx = g.entries.len() as u32;
            g.by_id.insert(id.clone(), idx);
            let keys = forms.iter().map(|f| key_of(f)).collect();
            g.entries.push(Entry { id, kind: kind_of(cols[1]), media: cols[1].trim() == "org:media", en, ar: forms[0].clone(), forms, keys });
        }
    }

    for idx in 0..g.entries.len() {
        let e = g.entries[idx].clone();
        let idx = idx as u32;
        let mut keys: Vec<String> = e.forms.iter().map(|f| key_of(f)).filter(|k| !k.is_empty()).collect();
        // The English name is a Latin-script form of the same referent.
        if let Some(en) = &e.en {
            // `Associated Press (AP)`: the acronym is a form too.
            if let (Some(a), Some(b)) = (en.find('('), en.find(')')) {
                let inner = en[a + 1..b].trim();
                if (2..=6).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase()) {
                    keys.push(key_of(inner));
                }
            }
            let clean: String = en.split('(').next().unwrap_or("").trim().to_string();
            let k = key_of(&clean);
            if !k.is_empty() && clean.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                keys.push(k.clone());
                if e.kind == "place" {
                    // `Dolmabahçe Palace` → `dolmabahce`.
                    for generic in [" palace", " square", " mosque", " airport", " hotel"] {
                        if let Some(s) = k.strip_suffix(generic) {
                            keys.push(s.to_string());
                        }
                    }
                }
            }
        }
        let mut person_keys: Vec<(String, String, String, String)> = Vec::new();
        for k in &keys {
            let toks: Vec<&str> = k.split(' ').collect();
            if e.kind == "person" {
                let last = *toks.last().unwrap();
                let v = g.surname_forms.entry(surname_key(&toks)).or_default();
                if !v.iter().any(|x| x == last) {
                    v.push(last.to_string());
                }
                let first = if toks.len() > 1 { skeleton(toks[0]) } else { String::new() };
                let first_form = if toks.len() > 1 { toks[0].to_string() } else { String::new() };
                person_keys.push((first, surname_key(&toks), last.to_string(), first_form));
            } else if toks.len() == 1 {
                let s = skeleton(toks[0]);
                if s.chars().count() >= 4 {
                    let v = g.skeletons.entry(s).or_default();
                    if !v.contains(&idx) {
                        v.push(idx);
                    }
                }
            }
        }
        if e.kind == "org" {
            for k in &keys {
                let toks: Vec<&str> = k.split(' ').collect();
                for n in 2..toks.len() {
                    let v = g.org_prefix.entry(toks[..n].join(" ")).or_default();
                    if !v.contains(&idx) {
                        v.push(idx);
                    }
                }
                if let Some((head, rest)) = k.split_once(' ') {
                    if g.quote_heads.get(head) == Some(&"org") && !rest.is_empty() {
                        let v = g.quoted_alias.entry(rest.to_string()).or_default();
                        if !v.contains(&idx) {
                            v.push(idx);
                        }
                    }
                }
            }
        }
        for k in keys.iter().cloned().collect::<Vec<_>>() {
            insert_name(&mut g, &k, idx);
            // A person's surname alone names them too (`زيلينسكي`), unless it
            // is a common word or too short to be safe.
            if e.kind == "person" {
                let toks: Vec<&str> = k.split(' ').collect();
                if toks.len() >= 2 {
                    let last = toks[toks.len() - 1];
                    let prev = toks[toks.len() - 2];
                    if last.chars().count() >= 4
                        && !last.starts_with("ال")
                        && !g.stop.contains(last)
                        && !g.particles.contains(prev)
                        && !g.given.contains(last)
                    {
                        insert_name(&mut g, last, idx);
                    }
                }
            }
        }
        for (first, surname, form, first_form) in person_keys {
            if surname.is_empty() {
                continue;
            }
            let nk = NameKey { entry: idx, first, surname: surname.clone(), form, first_form };
            let v = g.surnames.entry(surname.clone()).or_default();
            if !v.iter().any(|x| x.entry == idx && x.first == nk.first) {
                v.push(nk.clone());
            }
            for d in deletions(&surname) {
                let v = g.surname_fuzzy.entry(d).or_default();
                if !v.iter().any(|x| x.entry == idx && x.first == nk.first) {
                    v.push(nk.clone());
                }
            }
        }
    }

    for l in lines(NATIONALITIES) {
        let mut cols = l.split('\t');
        let (Some(place), Some(forms)) = (cols.next(), cols.next()) else { continue };
        let place = place.trim();
        for f in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
            // Forms come without the article; one written with it anyway
            // loses it (ال only, never the أل of ألماني).
            let f = f.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(f);
            let f = key_of(f);
            for form in inflect(&f) {
                let al = form.split(' ').map(|w| format!("ال{w}")).collect::<Vec<_>>().join(" ");
                for k in [form.clone(), al] {
                    // A name wins over an inflected adjective (`روسيا` is the
                    // country, not روسي + accusative alef).
                    if g.names.contains_key(&k) {
                        continue;
                    }
                    let mut p = 0;
                    while let Some(sp) = k[p..].find(' ') {
                        g.nat_prefixes.insert(k[..p + sp].to_string());
                        p += sp + 1;
                    }
                    g.nationalities.entry(k).or_insert_with(|| place.to_string());
                }
            }
        }
    }
    build_lex(&mut g);
    g
}

fn build_lex(g: &mut Gazetteer) {
    use flag::*;
    let mut lex: HashMap<String, u32> = HashMap::default();
    let mut add = |k: &str, f: u32| {
        if let Some((first, _)) = k.split_once(' ') {
            let pf = match f {
                TITLE => TITLE_PREFIX,
                NAME => NAME_PREFIX,
                NAT => NAT_PREFIX,
                ORG_GEN | ORG_GEN_WEAK | ORG_NAME | QUOTE_PLACE | QUOTE_ORG | ORG_HEAD => HEAD_PREFIX,
                _ => 0,
            };
            *lex.entry(first.to_string()).or_default() |= pf;
        } else {
            *lex.entry(k.to_string()).or_default() |= f;
        }
    };
    for k in &g.stop {
        add(k, STOP);
    }
    for k in &g.given {
        add(k, GIVEN);
    }
    for k in &g.given_ambiguous {
        add(k, GIVEN_AMB);
    }
    for (k, full) in &g.titles {
        if *full {
            add(k, TITLE);
        }
    }
    let sets: [(&HashSet<String>, u32); 10] = [
        (&g.verbs, VERB),
        (&g.org_genitive, ORG_GEN),
        (&g.org_genitive_weak, ORG_GEN_WEAK),
        (&g.org_genitive_weak, ORG_HEAD),
        (&g.org_name, ORG_NAME),
        (&g.org_heads_all, ORG_HEAD),
        (&g.ministry_short, MINISTRY),
        (&g.forces, FORCES),
        (&g.org_stop, ORG_STOP),
        (&g.particles, PARTICLE),
    ];
    for (set, flag) in sets {
        for k in set {
            add(k, flag);
        }
    }
    for (k, kind) in &g.quote_heads {
        add(k, if *kind == "place" { QUOTE_PLACE } else { QUOTE_ORG });
    }
    for k in &g.region_heads {
        add(k, REGION);
    }
    for (k, v) in &g.names {
        add(k, NAME);
        if !k.contains(' ') {
            let person = v.iter().any(|&e| g.entries[e as usize].kind == "person");
            add(k, if person { PERSON } else { NONPERSON });
        }
    }
    for k in g.nationalities.keys() {
        add(k, NAT);
    }
    for k in ["لغه", "اللغه", "لغات", "اللغات"] {
        add(k, LANGUAGE);
    }
    g.lex = lex;
}

fn insert_name(g: &mut Gazetteer, key: &str, idx: u32) {
    let v = g.names.entry(key.to_string()).or_default();
    if !v.contains(&idx) {
        v.push(idx);
    }
    let mut p = 0;
    while let Some(sp) = key[p..].find(' ') {
        g.name_prefixes.insert(key[..p + sp].to_string());
        p += sp + 1;
    }
}

fn add_title(titles: &mut HashMap<String, bool>, k: &str) {
    titles.insert(k.to_string(), true);
    let mut p = 0;
    while let Some(sp) = k[p..].find(' ') {
        titles.entry(k[..p + sp].to_string()).or_insert(false);
        p += sp + 1;
    }
}

/// The string and every string with one character deleted (for edit
/// distance 1 by symmetric deletion).
pub fn deletions(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = vec![s.to_string()];
    if chars.len() < 3 {
        return out;
    }
    for i in 0..chars.len() {
        let d: String = chars.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, c)| c).collect();
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// Calls `f` with every string of [`deletions`], in the same order,
/// without allocating them (`buf` is scratch). Deleting one of a run of
/// equal characters gives the same string whichever is deleted, so only the
/// first of each run is.
pub fn for_each_deletion(s: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    f(s);
    let mut it = s.char_indices();
    if it.nth(2).is_none() {
        return;
    }
    let mut prev: Option<char> = None;
    for (at, c) in s.char_indices() {
        if prev != Some(c) {
            buf.clear();
            buf.push_str(&s[..at]);
            buf.push_str(&s[at + c.len_utf8()..]);
            f(buf);
        }
        prev = Some(c);
    }
}

impl Gazetteer {
    pub fn entry(&self, idx: u32) -> &Entry {
        &self.entries[idx as usize]
    }
    pub fn id_index(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_keys() {
        let g = get();
        assert!(!g.entries.is_empty());
        assert_eq!(key_of("أ.ف.ب"), "ا.ف.ب");
        assert_eq!(key_of("وزارة الخارجية"), "وزاره الخارجيه");
        assert!(g.names.contains_key(&key_of("روسيا")));
        assert!(g.nationalities.contains_key("الروسيه"));
        assert!(g.nationalities.contains_key("الاوكرانيين"));
    }

    #[test]
    fn str_table_numbers_strings() {
        let mut t = StrTable::default();
        let words: Vec<String> = (0..1000).map(|k| format!("w{k}")).collect();
        for (k, w) in words.iter().enumerate() {
            assert_eq!(t.intern(w), (k as u32, true));
        }
        for (k, w) in words.iter().enumerate() {
            assert_eq!(t.intern(w), (k as u32, false));
            assert_eq!(t.find(w), Some(k as u32));
            assert_eq!(t.get(k as u32), w);
        }
        assert_eq!(t.find("x"), None);
        assert_eq!(t.intern(""), (1000, true));
        assert_eq!(t.find(""), Some(1000));
    }

    #[test]
    fn deletions_without_allocating_agree() {
        let mut buf = String::new();
        for w in ["", "ا", "اب", "ابت", "فيدان", "اللا", "aaab", "abba", "llll", "مممدد", "زيلينسكي"] {
            let mut got = Vec::new();
            for_each_deletion(w, &mut buf, |d| got.push(d.to_string()));
            assert_eq!(got, deletions(w), "{w}");
        }
    }

    #[test]
    fn inflections() {
        let v = inflect("روسي");
        assert!(v.contains(&"روسيه".to_string()));
        assert!(v.contains(&"روسيين".to_string()));
        assert!(v.contains(&"روسيا".to_string()));
    }
}

include!("data/english_names.rs");
