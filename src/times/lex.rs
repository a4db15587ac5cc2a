//! What each token can mean for a calendar reference.
//!
//! Words are looked up on their normalised form (`crate::normalize`). Each
//! lexicon entry says which proclitics it accepts (و ف, then ب ل ك, then
//! the article ال, which after ل is written لل), and the table is built
//! with every accepted prefixed form spelled out, so `بالأمس` is
//! "yesterday" but `لامس` ("touched") is not, and classifying a word costs
//! one hash lookup.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::tokenize::TokKind;

/// Relative marker after a date word: `الماضي`, `المقبل`, `الجاري`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    None,
    Past,
    Future,
    Current,
}

/// A number token: plain digits, possibly with proclitics (`و30`, `بـ2022`,
/// `الـ25`) and a calendar suffix (`2025م`, `1446هـ`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num {
    pub v: u32,
    /// Number of digits.
    pub nd: u8,
    /// A proclitic letter was attached (`و30`).
    pub clitic: bool,
    /// The proclitic was و (a range or list continuation).
    pub wa: bool,
    /// `م` (Gregorian) or `ه` (Hijri) suffix.
    pub mark: Mark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    Greg,
    Hijri,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    Other,
    Newline,
    Punct(char),
    Num(Num),
    /// `03.12.2025` as one token: three dot-separated digit groups and the
    /// digit count of the first.
    Dotted(u32, u32, u32, u8),
    /// A Gregorian month name; `true` when the word has another common
    /// meaning (`مارس` "practised", `آب`, `ماي`, `جوان`, `نيسان`, `أوت`).
    Month(u8, bool),
    /// First word of a two-word Levantine month: كانون, تشرين.
    MonthHead(u8),
    /// A Hijri month name (one word).
    HMonth(u8, bool),
    /// First word of a two-word Hijri month: ربيع (1), جمادى (2), ذو/ذي (3).
    HHead(u8),
    Weekday(u8),
    /// يوم, يومي.
    Yawm,
    /// اليوم.
    Today,
    /// أمس, الأمس, بالأمس.
    Yesterday,
    /// غداً, غد.
    Tomorrow,
    /// بعد (for بعد غد).
    After,
    /// أول (for أول أمس).
    First,
    /// ليل, ليلة.
    Night,
    /// مساء, صباح, فجر, ظهر… (not part of a span).
    DayPart,
    /// عام, سنة, عامي (`def` = with the article: العام, السنة).
    YearWord { def: bool },
    /// شهر (`def`: الشهر).
    MonthWord { def: bool },
    Rel(Rel),
    /// الجديد, الجديدة.
    New,
    /// نهاية, منتصف, مطلع, أوائل, أواخر, بداية, مستهل, أواسط.
    Mod,
    /// هذا, هذه.
    This,
    /// من.
    Min,
    /// A standalone range connector: و, إلى, حتى.
    Conj,
    /// Ordinal with the article: الأول…العاشر (1–10), الحادي (11 = "1 of a
    /// compound"), العشرين (20), الثلاثين (30); `wa` when written والعشرين.
    Ordinal(u8, bool),
    /// عشر, عشرة (the teen part of الحادي عشر).
    Ten,
    /// الموافق (links a Hijri and a Gregorian date).
    Muwafiq,
    /// هـ standalone, هجري, للهجرة.
    HijriMark,
    /// م standalone, ميلادي, للميلاد.
    GregMark,
    /// ص / am.
    Am,
    /// م / pm (only read after a clock time).
    Pm,
}

/// Which proclitics an entry accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clitics {
    /// None at all.
    No,
    /// و or ف only.
    Conj,
    /// Any (و ف ب ل ك).
    Any,
}

/// FxHash-style hasher: a word at a time, fast for short keys.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let mut tail = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            tail |= (b as u64) << (8 * i);
        }
        h = (h.rotate_left(5) ^ tail ^ bytes.len() as u64).wrapping_mul(K);
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Table = HashMap<&'static str, (Lex, Clitics), BuildHasherDefault<Fx>>;

/// Every accepted written form → its class.
type Full = HashMap<String, Lex, BuildHasherDefault<Fx>>;

fn table() -> &'static Full {
    static T: OnceLock<Full> = OnceLock::new();
    T.get_or_init(|| {
        let (bare, al) = entries();
        let mut full: Full = HashMap::default();
        let mut add = |k: String, v: Lex| {
            full.entry(k).or_insert(v);
        };
        // Whole words first, so they win over a prefixed reading.
        for pass in 0..2 {
            for (&w, &(lex, cl)) in bare.iter() {
                let pres: &[&str] = match (pass, cl) {
                    (0, _) => &[""],
                    (_, Clitics::No) => &[],
                    (_, Clitics::Conj) => &["و", "ف"],
                    (_, Clitics::Any) => &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"],
                };
                for p in pres {
                    add(format!("{p}{w}"), lex);
                }
            }
            for (&w, &(lex, cl)) in al.iter() {
                let lex = match lex {
                    Lex::Ordinal(o, _) if pass == 1 => {
                        // والعشرين, والثلاثين only.
                        if o == 20 || o == 30 {
                            add(format!("وال{w}"), Lex::Ordinal(o, true));
                        }
                        continue;
                    }
                    l => l,
                };
                let pres: &[&str] = match (pass, cl) {
                    (0, _) => &["ال"],
                    (_, Clitics::No) => &[],
                    (_, Clitics::Conj) => &["وال", "فال"],
                    (_, Clitics::Any) => &["وال", "فال", "بال", "كال", "وبال", "وكال", "فبال", "فكال", "لل", "ولل", "فلل"],
                };
                for p in pres {
                    add(format!("{p}{w}"), lex);
                }
            }
        }
        full
    })
}

/// The lexicon: bare words and stems after ال, with their clitic policy.
fn entries() -> (Table, Table) {
    {
        let mut bare: Table = HashMap::default();
        let mut al: Table = HashMap::default();
        use Clitics::*;
        let months: [(&str, u8, bool); 40] = [
            ("يناير", 1, false), ("جانفي", 1, false), ("ينير", 1, false),
            ("فبراير", 2, false), ("شباط", 2, false), ("فيفري", 2, false), ("فبرير", 2, false),
            ("مارس", 3, true), ("اذار", 3, false),
            ("ابريل", 4, false), ("نيسان", 4, true), ("افريل", 4, false), ("ابريل", 4, false),
            ("مايو", 5, false), ("ايار", 5, false), ("ماي", 5, true), ("مايس", 5, true),
            ("يونيو", 6, false), ("يونيه", 6, false), ("حزيران", 6, false), ("جوان", 6, true),
            ("يوليو", 7, false), ("يوليه", 7, false), ("تموز", 7, false), ("يوليوز", 7, false), ("جويليه", 7, false),
            ("اغسطس", 8, false), ("اب", 8, true), ("غشت", 8, false), ("اوت", 8, true), ("اغشت", 8, false),
            ("سبتمبر", 9, false), ("ايلول", 9, false), ("شتنبر", 9, false),
            ("اكتوبر", 10, false), ("نوفمبر", 11, false), ("نونبر", 11, false),
            ("ديسمبر", 12, false), ("دجنبر", 12, false), ("دیسمبر", 12, false),
        ];
        for (w, m, amb) in months {
            bare.insert(w, (Lex::Month(m, amb), Any));
        }
        bare.insert("كانون", (Lex::MonthHead(1), Any));
        bare.insert("تشرين", (Lex::MonthHead(2), Any));
        for (w, m, amb) in [
            ("محرم", 1, false), ("صفر", 2, true), ("رجب", 7, true), ("شعبان", 8, true),
            ("رمضان", 9, false), ("شوال", 10, false),
        ] {
            bare.insert(w, (Lex::HMonth(m, amb), Any));
        }
        al.insert("محرم", (Lex::HMonth(1, false), Any));
        bare.insert("ربيع", (Lex::HHead(1), Any));
        bare.insert("جمادي", (Lex::HHead(2), Any));
        bare.insert("ذو", (Lex::HHead(3), No));
        bare.insert("ذي", (Lex::HHead(3), No));
        for (w, d) in [
            ("احد", 0), ("اثنين", 1), ("ثلاثاء", 2), ("ثلاثا", 2), ("اربعاء", 3), ("اربعا", 3),
            ("خميس", 4), ("جمعه", 5), ("سبت", 6),
        ] {
            al.insert(w, (Lex::Weekday(d), Any));
        }
        bare.insert("يوم", (Lex::Yawm, Any));
        bare.insert("يومي", (Lex::Yawm, Any));
        al.insert("يوم", (Lex::Today, Conj));
        bare.insert("امس", (Lex::Yesterday, Conj));
        al.insert("امس", (Lex::Yesterday, Any));
        bare.insert("غدا", (Lex::Tomorrow, Conj));
        bare.insert("غد", (Lex::Tomorrow, Conj));
        bare.insert("بعد", (Lex::After, Conj));
        bare.insert("اول", (Lex::First, Conj));
        bare.insert("ليل", (Lex::Night, Any));
        bare.insert("ليله", (Lex::Night, Any));
        for w in ["مساء", "صباح", "فجر", "ظهر", "عصر", "ظهيره", "صبيحه", "ضحي"] {
            bare.insert(w, (Lex::DayPart, Any));
        }
        for w in ["عام", "سنه", "عامي", "سنتي"] {
            bare.insert(w, (Lex::YearWord { def: false }, Any));
        }
        for w in ["عام", "سنه"] {
            al.insert(w, (Lex::YearWord { def: true }, Any));
        }
        bare.insert("شهر", (Lex::MonthWord { def: false }, Any));
        bare.insert("شهري", (Lex::MonthWord { def: false }, Any));
        al.insert("شهر", (Lex::MonthWord { def: true }, Any));
        for w in ["ماضي", "ماضيه", "منصرم", "منصرمه", "فائت", "فائته"] {
            al.insert(w, (Lex::Rel(Rel::Past), No));
        }
        for w in ["مقبل", "مقبله", "قادم", "قادمه"] {
            al.insert(w, (Lex::Rel(Rel::Future), No));
        }
        for w in ["جاري", "جاريه", "حالي", "حاليه"] {
            al.insert(w, (Lex::Rel(Rel::Current), No));
        }
        al.insert("جديد", (Lex::New, No));
        al.insert("جديده", (Lex::New, No));
        for w in ["نهايه", "منتصف", "مطلع", "اوائل", "اواخر", "بدايه", "مستهل", "اواسط", "ختام"] {
            bare.insert(w, (Lex::Mod, Any));
        }
        bare.insert("هذا", (Lex::This, Conj));
        bare.insert("هذه", (Lex::This, Conj));
        bare.insert("من", (Lex::Min, No));
        bare.insert("و", (Lex::Conj, No));
        bare.insert("الي", (Lex::Conj, No));
        bare.insert("حتي", (Lex::Conj, No));
        for (w, n) in [
            ("اول", 1), ("ثاني", 2), ("ثالث", 3), ("رابع", 4), ("خامس", 5), ("سادس", 6), ("سابع", 7),
            ("ثامن", 8), ("تاسع", 9), ("عاشر", 10), ("حادي", 11), ("عشرين", 20), ("ثلاثين", 30),
        ] {
            al.insert(w, (Lex::Ordinal(n, false), Conj));
        }
        bare.insert("عشر", (Lex::Ten, No));
        bare.insert("عشره", (Lex::Ten, No));
        al.insert("موافق", (Lex::Muwafiq, No));
        for w in ["ه", "هجري", "هجريه"] {
            bare.insert(w, (Lex::HijriMark, No));
        }
        al.insert("هجره", (Lex::HijriMark, Any));
        for w in ["م", "ميلادي", "ميلاديه"] {
            bare.insert(w, (Lex::GregMark, No));
        }
        al.insert("ميلاد", (Lex::GregMark, Any));
        bare.insert("ص", (Lex::Am, No));
        bare.insert("am", (Lex::Am, No));
        bare.insert("pm", (Lex::Pm, No));
        (bare, al)
    }
}

/// Parse a token that is a number, possibly with proclitics and a calendar
/// suffix. `None` for anything else.
fn number(norm: &str, kind: TokKind) -> Option<Lex> {
    let b = norm.as_bytes();
    if b.is_empty() {
        return None;
    }
    if kind == TokKind::Number {
        if b.iter().all(u8::is_ascii_digit) {
            return digits(norm).map(|(v, nd)| Lex::Num(Num { v, nd, clitic: false, wa: false, mark: Mark::None }));
        }
        let parts: Vec<&str> = norm.split('.').collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit())) {
            let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
            return Some(Lex::Dotted(n[0], n[1], n[2], parts[0].len() as u8));
        }
        return None;
    }
    // Word: letters, digits, letters.
    let first_digit = norm.find(|c: char| c.is_ascii_digit())?;
    let pre = &norm[..first_digit];
    let after_pre = &norm[first_digit..];
    let dend = after_pre.find(|c: char| !c.is_ascii_digit()).unwrap_or(after_pre.len());
    let (ds, suf) = after_pre.split_at(dend);
    let (v, nd) = digits(ds)?;
    let p = pre.strip_suffix("ال").unwrap_or(pre);
    let wa = p.starts_with('و');
    let ok_pre = p.chars().count() <= 2 && p.chars().all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'));
    if !ok_pre {
        return None;
    }
    let mark = match suf {
        "" => Mark::None,
        "م" => Mark::Greg,
        "ه" => Mark::Hijri,
        _ => return None,
    };
    Some(Lex::Num(Num { v, nd, clitic: !pre.is_empty(), wa, mark }))
}

fn digits(s: &str) -> Option<(u32, u8)> {
    if s.is_empty() || s.len() > 6 {
        return None;
    }
    Some((s.parse().ok()?, s.len() as u8))
}

/// Classify one token from its normalised form. `raw` is its original text
/// (for the madda of آب, which normalisation drops).
pub fn classify(norm: &str, kind: TokKind, raw: &str) -> Lex {
    match kind {
        TokKind::Newline => return Lex::Newline,
        TokKind::Punct => return Lex::Punct(norm.chars().next().unwrap_or(' ')),
        _ => {}
    }
    if norm.len() > 40 {
        return Lex::Other;
    }
    if norm.bytes().any(|b| b.is_ascii_digit()) {
        return number(norm, kind).unwrap_or(Lex::Other);
    }
    match table().get(norm) {
        // آب (August) must be written with the madda: أب is "father".
        Some(&Lex::Month(8, true)) if norm.ends_with("اب") && !raw.contains('آ') => Lex::Other,
        Some(&l) => l,
        None => Lex::Other,
    }
}

/// True when the token's original text carries a tanwin (ً ٌ ٍ), which
/// marks غداً "tomorrow" as opposed to the verb غدا "became".
pub fn has_tanwin(raw: &str) -> bool {
    raw.contains(['\u{064B}', '\u{064C}', '\u{064D}'])
}
