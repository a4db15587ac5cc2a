//! Numbers written in digits or words, and their combinations:
//! `1,012`, `3.7`, `بـ339`, `ستة آلاف`, `6 آلاف`, `3.7 مليون`, `12 ألفاً`,
//! `خمسة وعشرون`, `ثلاثمئة ألف`, `ألف وخمسمئة`, `أحد عشر`, `عشرات الآلاف`.
//!
//! [`parse`] reads the longest number starting at a token; what the number
//! counts, and whether it is a date, is for `quantities`.

use super::lexicon::{lex, Map, NumKind};
use crate::tokenize::{Tok, TokKind};

/// How a number was written when it is a single run of digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DigitInfo {
    /// Digits before the decimal point.
    pub int_digits: usize,
    /// Thousands separators were written (`1,012`).
    pub sep: bool,
    pub decimal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AtomKind {
    Digits(DigitInfo),
    Word(NumKind),
}

/// One token read as a number, with its proclitics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Atom {
    pub value: f64,
    pub kind: AtomKind,
    /// Starts with و or ف.
    pub conj: bool,
    /// Carries ب، ل or ك.
    pub prep: bool,
    /// Carries the article (الثلاثة، الآلاف، الـ25).
    pub def: bool,
}

/// Digits with `,` thousands separators or a `.` decimal point, already
/// normalised. Several dots are thousands separators (`1.000.000`) when every
/// group after the first has three digits.
pub fn parse_digits(s: &str) -> Option<(f64, DigitInfo)> {
    if s.is_empty() || !s.bytes().next()?.is_ascii_digit() || !s.bytes().last()?.is_ascii_digit() {
        return None;
    }
    if !s.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return None;
    }
    let dots = s.bytes().filter(|&b| b == b'.').count();
    let sep = s.contains(',');
    let (clean, decimal, sep) = if dots > 1 {
        let groups: Vec<&str> = s.split('.').collect();
        if sep || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
        (s.replace('.', ""), false, true)
    } else {
        (s.replace(',', ""), dots == 1, sep)
    };
    let value: f64 = clean.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let int_part = clean.split('.').next().unwrap_or("");
    Some((value, DigitInfo { int_digits: int_part.len(), sep, decimal }))
}

/// Read one token as a number: digits or a number word, with و/ف, ب/ل/ك and
/// ال in front.
pub fn atom(tok: &Tok, arena: &str) -> Option<Atom> {
    let norm = &arena[tok.n0()..tok.n1()];
    match tok.kind {
        TokKind::Number => {
            let (value, info) = parse_digits(norm)?;
            Some(Atom { value, kind: AtomKind::Digits(info), conj: false, prep: false, def: false })
        }
        TokKind::Word => {
            let s = norm;
            if !s.bytes().any(|b| b.is_ascii_digit()) {
                // Every written form of a number word is listed, clitics and all.
                let (value, kind, conj, prep, def) = lex().word(s)?.num?;
                return Some(Atom { value, kind: AtomKind::Word(kind), conj, prep, def });
            }
            for (conj, prep, def, rest) in clitic_splits(s) {
                if rest.as_bytes().first().is_some_and(|b| b.is_ascii_digit()) {
                    if let Some((value, info)) = parse_digits(rest) {
                        return Some(Atom { value, kind: AtomKind::Digits(info), conj, prep, def });
                    }
                }
            }
            None
        }
        _ => None,
    }
}

/// A number word with its proclitics read off, against the number list.
pub fn atom_of_word(s: &str, numbers: &Map<String, (f64, NumKind)>) -> Option<(f64, NumKind, bool, bool, bool)> {
    for (conj, prep, def, rest) in clitic_splits(s) {
        if let Some(&(value, kind)) = numbers.get(rest) {
            return Some((value, kind, conj, prep, def));
        }
    }
    None
}

/// The ways to read proclitics off a normalised word, plainest first:
/// `(conj, prep, def, rest)`.
pub fn clitic_splits(s: &str) -> impl Iterator<Item = (bool, bool, bool, &str)> {
    // At most ten readings: kept in arrays, not allocated.
    let mut out = [(false, false, false, ""); 10];
    let mut n = 0;
    let mut push = |x| {
        out[n] = x;
        n += 1;
    };
    push((false, false, false, s));
    let mut bases = [(false, s); 2];
    let mut nb = 1;
    if let Some(r) = s.strip_prefix('و').or_else(|| s.strip_prefix('ف')) {
        push((true, false, false, r));
        bases[1] = (true, r);
        nb = 2;
    }
    let mut with_prep = [(false, false, ""); 4];
    let mut np = 0;
    for &(c, b) in &bases[..nb] {
        with_prep[np] = (c, false, b);
        np += 1;
    }
    for &(c, b) in &bases[..nb] {
        if let Some(r) = b.strip_prefix('ل').filter(|r| r.starts_with('ل')) {
            // لل = ل + ال
            push((c, true, true, &r['ل'.len_utf8()..]));
        }
        if let Some(r) = b.strip_prefix('ب').or_else(|| b.strip_prefix('ل')).or_else(|| b.strip_prefix('ك')) {
            push((c, true, false, r));
            with_prep[np] = (c, true, r);
            np += 1;
        }
    }
    for &(c, p, b) in &with_prep[..np] {
        if let Some(r) = b.strip_prefix("ال") {
            push((c, p, true, r));
        }
    }
    out.into_iter().take(n)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Digits,
    One,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale(f64),
    ScalePl,
    Vague,
    Fraction,
}

/// A number read from tokens `first..=last`.
#[derive(Debug, Clone, PartialEq)]
pub struct Num {
    pub first: usize,
    pub last: usize,
    pub value: f64,
    /// A vague plural (عشرات، مئات، آلاف): `value` is a lower bound.
    pub vague: bool,
    /// Set when the number is one run of digits.
    pub digits: Option<DigitInfo>,
    /// A scale word was applied (6 آلاف، مليون).
    pub scaled: bool,
    /// Only a fraction word (نصف، ربع): a number only before a noun.
    pub fraction_only: bool,
    /// The first token carries ب/ل/ك (بـ339، بثلاثة).
    pub prep: bool,
    /// The last scale applied (1000 in `ألف`, 10^6 in `3.7 مليون`), else 1:
    /// what `ونصف` is half of.
    pub scale: f64,
}

/// The longest number starting at token `i`, or None.
pub fn parse(toks: &[Tok], arena: &str, i: usize) -> Option<Num> {
    let a = atom(toks.get(i)?, arena)?;
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let (mut ones, mut tens, mut vague, mut scaled, mut fraction_only) = (false, false, false, false, false);
    let mut digits = None;
    let last0 = match a.kind {
        AtomKind::Digits(info) => {
            if a.def {
                return None;
            }
            cur = a.value;
            digits = Some(info);
            Last::Digits
        }
        AtomKind::Word(k) => {
            if a.def && !matches!(k, NumKind::Vague | NumKind::ScalePl) {
                return None;
            }
            let v = a.value;
            match k {
                NumKind::One => {
                    cur = v;
                    ones = true;
                    Last::One
                }
                NumKind::Unit => {
                    cur = v;
                    if v < 10.0 {
                        ones = true;
                    } else {
                        tens = true;
                    }
                    Last::Unit
                }
                NumKind::Tens => {
                    cur = v;
                    tens = true;
                    Last::Tens
                }
                NumKind::Hundred => {
                    cur = v;
                    Last::Hundred
                }
                NumKind::Scale => {
                    total = v;
                    scaled = true;
                    Last::Scale(v)
                }
                NumKind::ScaleDual => {
                    total = v;
                    scaled = true;
                    Last::Scale(v / 2.0)
                }
                NumKind::ScalePl => {
                    total = v;
                    vague = true;
                    scaled = true;
                    Last::ScalePl
                }
                NumKind::Vague => {
                    cur = v;
                    vague = true;
                    Last::Vague
                }
                NumKind::Fraction => {
                    cur = v;
                    fraction_only = true;
                    Last::Fraction
                }
            }
        }
    };
    let mut last = last0;
    let mut j = i + 1;
    while j < toks.len() {
        let t = &toks[j];
        if !t.is_word() {
            break;
        }
        let Some(b) = atom(t, arena) else { break };
        if b.prep {
            break;
        }
        let AtomKind::Word(k) = b.kind else { break };
        let v = b.value;
        if b.def && !(last == Last::Vague && matches!(k, NumKind::ScalePl)) {
            break;
        }
        if !b.conj {
            match k {
                // ثلاثة عشر، إحدى عشرة
                NumKind::Unit if v == 10.0 && matches!(last, Last::One | Last::Unit) && cur < 10.0 => {
                    cur += 10.0;
                    tens = true;
                    last = Last::Teen;
                }
                // ثلاث مئة
                NumKind::Hundred if v == 100.0 && last == Last::Unit && (3.0..=9.0).contains(&cur) => {
                    cur *= 100.0;
                    last = Last::Hundred;
                }
                // نصف مليون، ربع مليار
                NumKind::Scale if last == Last::Fraction => {
                    total += cur * v;
                    cur = 0.0;
                    scaled = true;
                    fraction_only = false;
                    last = Last::Scale(v);
                }
                // عشرات الآلاف، مئات آلاف
                NumKind::ScalePl | NumKind::Scale if last == Last::Vague => {
                    cur *= v;
                    scaled = true;
                    last = Last::ScalePl;
                }
                // ستة آلاف، 6 آلاف
                NumKind::ScalePl
                    if matches!(last, Last::Unit | Last::Digits) && cur > 0.0 && (last == Last::Digits || cur <= 10.0) =>
                {
                    total += cur * v;
                    cur = 0.0;
                    scaled = true;
                    last = Last::Scale(v);
                }
                // 3.7 مليون، خمسة وعشرين ألفاً، ثلاثمئة ألف
                NumKind::Scale
                    if matches!(last, Last::Digits | Last::Unit | Last::Teen | Last::Tens | Last::Hundred) && cur > 0.0 =>
                {
                    total += cur * v;
                    cur = 0.0;
                    scaled = true;
                    last = Last::Scale(v);
                }
                _ => break,
            }
        } else {
            match k {
                // ونصف: added after the loop
                NumKind::Fraction => break,
                // مئة وخمسة، ألف وثلاثة
                NumKind::One | NumKind::Unit
                    if matches!(last, Last::Scale(_) | Last::Hundred) && !ones && !tens && v < 10.0 =>
                {
                    cur += v;
                    ones = true;
                    last = if k == NumKind::One { Last::One } else { Last::Unit };
                }
                // خمسة وعشرون، واحد وعشرون، مئة وعشرون
                NumKind::Tens
                    if matches!(last, Last::One | Last::Unit | Last::Scale(_) | Last::Hundred) && !tens =>
                {
                    cur += v;
                    tens = true;
                    last = Last::Tens;
                }
                NumKind::Unit if v == 10.0 && matches!(last, Last::Scale(_) | Last::Hundred) && !ones && !tens => {
                    cur += v;
                    tens = true;
                    last = Last::Unit;
                }
                // ألف ومئتان
                NumKind::Hundred if matches!(last, Last::Scale(_)) && cur == 0.0 => {
                    cur += v;
                    last = Last::Hundred;
                }
                // مليون وألف، مليون وألفان
                NumKind::Scale | NumKind::ScaleDual => {
                    let unit = if k == NumKind::ScaleDual { v / 2.0 } else { v };
                    match last {
                        Last::Scale(s) if unit < s && cur == 0.0 => {
                            total += v;
                            last = Last::Scale(unit);
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        j += 1;
    }
    let end = j - 1;
    // A lone واحد/أحد is not a number here (لا أحد، أحد الجنود).
    if end == i && last0 == Last::One {
        return None;
    }
    let value = total + cur;
    if !value.is_finite() {
        return None;
    }
    let digits = if end == i { digits } else { None };
    let scale = match last {
        Last::Scale(s) if cur == 0.0 => s,
        Last::ScalePl if cur == 0.0 || vague => 1.0,
        _ => 1.0,
    };
    Some(Num { first: i, last: end, value, vague, digits, scaled, fraction_only, prep: a.prep, scale })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::Tokens;

    fn num(s: &str) -> Option<(f64, usize, bool)> {
        let t = Tokens::new(s, 0, s.len());
        parse(&t.toks, &t.arena, 0).map(|n| (n.value, n.last + 1, n.vague))
    }

    #[test]
    fn digits() {
        assert_eq!(num("1,012"), Some((1012.0, 1, false)));
        assert_eq!(num("12,000"), Some((12000.0, 1, false)));
        assert_eq!(num("3.7"), Some((3.7, 1, false)));
        assert_eq!(num("١٢٠٠٠"), Some((12000.0, 1, false)));
        assert_eq!(num("١٬٠١٢"), Some((1012.0, 1, false)));
        assert_eq!(num("بـ339"), Some((339.0, 1, false)));
        assert_eq!(num("و3.7"), Some((3.7, 1, false)));
        assert_eq!(num("1.000.000"), Some((1_000_000.0, 1, false)));
        assert_eq!(num("الـ25"), None);
    }

    #[test]
    fn digits_with_scale() {
        assert_eq!(num("6 آلاف"), Some((6000.0, 2, false)));
        assert_eq!(num("3.7 مليون"), Some((3_700_000.0, 2, false)));
        assert_eq!(num("12 ألفاً"), Some((12000.0, 2, false)));
        assert_eq!(num("2.5 مليار"), Some((2_500_000_000.0, 2, false)));
    }

    #[test]
    fn words() {
        assert_eq!(num("ثلاثة"), Some((3.0, 1, false)));
        assert_eq!(num("ثلاث"), Some((3.0, 1, false)));
        assert_eq!(num("عشرة"), Some((10.0, 1, false)));
        assert_eq!(num("أحد عشر"), Some((11.0, 2, false)));
        assert_eq!(num("إحدى عشرة"), Some((11.0, 2, false)));
        assert_eq!(num("اثنا عشر"), Some((12.0, 2, false)));
        assert_eq!(num("تسعة عشر"), Some((19.0, 2, false)));
        assert_eq!(num("عشرون"), Some((20.0, 1, false)));
        assert_eq!(num("خمسة وعشرون"), Some((25.0, 2, false)));
        assert_eq!(num("واحد وعشرين"), Some((21.0, 2, false)));
        assert_eq!(num("مئة"), Some((100.0, 1, false)));
        assert_eq!(num("مائة"), Some((100.0, 1, false)));
        assert_eq!(num("مئتان"), Some((200.0, 1, false)));
        assert_eq!(num("مئتين"), Some((200.0, 1, false)));
        assert_eq!(num("ثلاثمئة"), Some((300.0, 1, false)));
        assert_eq!(num("ثلاث مئة"), Some((300.0, 2, false)));
        assert_eq!(num("ثلاثمائة وخمسة وعشرون"), Some((325.0, 3, false)));
        assert_eq!(num("ألف"), Some((1000.0, 1, false)));
        assert_eq!(num("ألفين"), Some((2000.0, 1, false)));
        assert_eq!(num("ألفان"), Some((2000.0, 1, false)));
        assert_eq!(num("ستة آلاف"), Some((6000.0, 2, false)));
        assert_eq!(num("ألف وخمسمئة"), Some((1500.0, 2, false)));
        assert_eq!(num("خمسة وعشرين ألفاً"), Some((25000.0, 3, false)));
        assert_eq!(num("ثلاثمئة ألف"), Some((300_000.0, 2, false)));
        assert_eq!(num("مليون"), Some((1e6, 1, false)));
        assert_eq!(num("مليونين"), Some((2e6, 1, false)));
        assert_eq!(num("مليون وخمسمئة ألف"), Some((1_500_000.0, 3, false)));
        assert_eq!(num("مليار"), Some((1e9, 1, false)));
        assert_eq!(num("وعشرون"), Some((20.0, 1, false)));
    }

    #[test]
    fn vague_counts() {
        assert_eq!(num("عشرات"), Some((10.0, 1, true)));
        assert_eq!(num("مئات"), Some((100.0, 1, true)));
        assert_eq!(num("آلاف"), Some((1000.0, 1, true)));
        assert_eq!(num("ملايين"), Some((1e6, 1, true)));
        assert_eq!(num("عشرات الآلاف"), Some((10000.0, 2, true)));
        assert_eq!(num("مئات الآلاف"), Some((100_000.0, 2, true)));
        assert_eq!(num("الآلاف"), Some((1000.0, 1, true)));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(num("أحد"), None);
        assert_eq!(num("واحد"), None);
        assert_eq!(num("الثلاثة"), None);
        assert_eq!(num("العشرين"), None);
        assert_eq!(num("الثالثة"), None);
        assert_eq!(num("الثاني"), None);
        assert_eq!(num("1446هـ"), None);
        // Two numbers side by side are not one.
        assert_eq!(num("ثلاثة خمسة"), Some((3.0, 1, false)));
        assert_eq!(num("عشرون وخمسة"), Some((20.0, 1, false)));
    }
}
