//! Datelines at the head of a story's first paragraph:
//! `إسطنبول – 2 – 6 (كونا) —`, `القاهرة (رويترز) -`, `اسطنبول ، تركيا (AP) –`,
//! `واشنطن - رويترز:`, `لندن: «الشرق الأوسط»`.

use super::lexicon::{key, Lexicon};
use crate::model::Span;
use crate::normalize::is_ignorable;

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―' | '−' | '‐' | '‑')
}

fn is_sep(c: char) -> bool {
    is_dash(c) || c == ':' || c == '：'
}

/// Characters a place-and-date prefix is made of.
fn place_char(c: char) -> bool {
    // The Arabic letters and ASCII first: `is_alphanumeric` searches tables.
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | 'a'..='z' | 'A'..='Z' | '0'..='9')
        || c.is_alphanumeric()
        || c.is_whitespace()
        || is_ignorable(c)
        || matches!(c, '،' | ',' | '/' | '.' | ':' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
        || is_dash(c)
}

struct Words {
    letters: usize,
    numbers: usize,
}

fn words(s: &str) -> Words {
    let mut w = Words { letters: 0, numbers: 0 };
    for t in s.split(|c: char| c.is_whitespace() || is_dash(c) || matches!(c, '،' | ',' | '/')) {
        if t.chars().any(char::is_alphabetic) {
            w.letters += 1;
        } else if t.chars().any(|c| c.is_numeric()) {
            w.numbers += 1;
        }
    }
    w
}

/// Skip white space from byte `i` of `s`.
fn skip_space(s: &str, mut i: usize) -> usize {
    while let Some(c) = s[i..].chars().next() {
        if c.is_whitespace() || is_ignorable(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// After a bracket: an optional separator (dash or colon), then the dateline ends.
fn after_sep(s: &str, i: usize) -> Option<usize> {
    let j = skip_space(s, i);
    let c = s[j..].chars().next()?;
    is_sep(c).then(|| j + c.len_utf8())
}

/// The dateline at the start of `text[cs..ce]`, if any.
pub fn find(text: &str, cs: usize, ce: usize, lex: &Lexicon) -> Option<Span> {
    let mut limit = (cs + 240).min(ce);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let p = &text[cs..limit];
    let end = bracketed(p, lex).or_else(|| agency_after_dash(p, lex))?;
    let trimmed = p[..end].trim_end();
    Some(Span { start: cs, end: cs + trimmed.len() })
}

/// `PLACE [DATE] (AGENCY) -` and `PLACE: «OUTLET»`.
fn bracketed(p: &str, lex: &Lexicon) -> Option<usize> {
    let (open, oc) = p.char_indices().take(90).find(|&(_, c)| !place_char(c))?;
    if oc != '(' && oc != '«' {
        return None;
    }
    let prefix = p[..open].trim_end();
    let w = words(prefix);
    if w.letters == 0 || w.letters > 4 || w.numbers > 3 {
        return None;
    }
    let close_c = if oc == '(' { ')' } else { '»' };
    let inner_start = open + oc.len_utf8();
    let close = inner_start + p[inner_start..].find(close_c)?;
    let inner = &p[inner_start..close];
    if inner.chars().count() > 40 {
        return None;
    }
    let ik = key(inner);
    let iw = ik.split(' ').filter(|w| !w.is_empty()).count();
    if iw == 0 || iw > 5 {
        return None;
    }
    let after = close + close_c.len_utf8();
    if oc == '(' {
        // `القاهرة (رويترز) -`; a short non-agency bracket needs the dash.
        let agency = lex.has_agency(&ik);
        match after_sep(p, after) {
            Some(e) if agency || (iw <= 2 && w.letters <= 3) => Some(e),
            None if agency && w.letters <= 3 && w.numbers == 0 => Some(after),
            _ => None,
        }
    } else {
        // `لندن: «الشرق الأوسط»`: the place ends with a colon or a dash.
        let last = prefix.chars().next_back()?;
        if !is_sep(last) || w.letters > 3 || iw > 4 {
            return None;
        }
        Some(after_sep(p, after).unwrap_or(after))
    }
}

/// `واشنطن - رويترز:`, `دمشق-سانا`, `بيروت - أ ف ب -`.
fn agency_after_dash(p: &str, lex: &Lexicon) -> Option<usize> {
    let (dash, dc) = p.char_indices().take(40).find(|&(_, c)| is_dash(c))?;
    let prefix = &p[..dash];
    if !prefix.chars().all(place_char) {
        return None;
    }
    let w = words(prefix);
    if w.letters == 0 || w.letters > 3 || w.numbers > 0 {
        return None;
    }
    let rest_at = skip_space(p, dash + dc.len_utf8());
    let rest = &p[rest_at..];
    // Key of the next few words, mapped back word by word.
    let mut taken = 0;
    let mut best = None;
    let mut acc = String::new();
    for (i, c) in rest.char_indices() {
        let boundary = c.is_whitespace() || is_sep(c) || matches!(c, '،' | ',' | '(' | ')' | '«' | '»');
        if boundary || i + c.len_utf8() == rest.len() {
            let end = if boundary { i } else { i + c.len_utf8() };
            let k = key(&rest[..end]);
            if !k.is_empty() && k != acc {
                acc = k;
                taken += 1;
                if lex.agency.contains(&acc) {
                    best = Some(end);
                }
            }
            if taken >= 3 || matches!(c, ':' | '：' | '(' | ')' | '«' | '»') || (is_dash(c) && taken > 0) {
                break;
            }
        }
    }
    let end = rest_at + best?;
    Some(after_sep(p, end).unwrap_or(end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::articles::lexicon;

    fn dl(s: &str) -> Option<&str> {
        find(s, 0, s.len(), lexicon::get()).map(|sp| &s[sp.start..sp.end])
    }

    #[test]
    fn forms() {
        assert_eq!(dl("إسطنبول – 2 – 6 (كونا) — أعلن الوفد"), Some("إسطنبول – 2 – 6 (كونا) —"));
        assert_eq!(dl("القاهرة (رويترز) - قال مسؤول"), Some("القاهرة (رويترز) -"));
        assert_eq!(dl("اسطنبول ، تركيا (AP) – أول محادثات"), Some("اسطنبول ، تركيا (AP) –"));
        assert_eq!(dl("واشنطن - رويترز: قال البيت الأبيض"), Some("واشنطن - رويترز:"));
        assert_eq!(dl("دمشق-سانا أعلنت الوزارة"), Some("دمشق-سانا"));
        assert_eq!(dl("بيروت - أ ف ب - أعلن الجيش"), Some("بيروت - أ ف ب -"));
        assert_eq!(dl("لندن: «الشرق الأوسط» أعلن الجيش"), Some("لندن: «الشرق الأوسط»"));
        assert_eq!(dl("قال وزير الخارجية التركي هاكان فيدان (أ.ف.ب) إن"), None);
        assert_eq!(dl("وقال بيسكوف - المتحدث باسم الكرملين - إن"), None);
        assert_eq!(dl("عقد مسؤولون روس وأوكرانيون، يوم الجمعة، أول اجتماع"), None);
    }
}
