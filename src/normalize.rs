//! Arabic normalisation for matching, never for display.
//!
//! Every rule folds one character to one character or drops it, so a
//! normalised string keeps a map back to the original byte offsets
//! ([`Normalized::origin`]); `crate::offsets` turns those into UTF-16.
//!
//! | rule | characters | becomes |
//! |---|---|---|
//! | diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) | U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED | dropped |
//! | tatweel | ـ U+0640 | dropped |
//! | alef forms | أ U+0623, إ U+0625, آ U+0622, ٱ U+0671 | ا U+0627 |
//! | alef maqsura, Persian yeh | ى U+0649, ی U+06CC | ي U+064A |
//! | teh marbuta | ة U+0629 | ه U+0647 |
//! | Persian keheh | ک U+06A9 | ك U+0643 |
//! | Arabic-Indic and Persian digits | ٠–٩ U+0660–U+0669, ۰–۹ U+06F0–U+06F9 | 0–9 |
//! | Arabic punctuation | ، U+060C, ؛ U+061B, ؟ U+061F, ٪ U+066A, ٫ U+066B, ٬ U+066C | , ; ? % . , |
//! | dashes | ‐ ‑ ‒ – — ― U+2010–U+2015, − U+2212 | - |
//! | bidi controls | U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069 | dropped |
//! | zero-width and BOM | U+200B–U+200D, U+2060, U+FEFF | dropped |
//! | spaces | U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000, tab | space |
//! | Latin letters | A–Z | a–z |
//!
//! `ة`→`ه` and `ى`→`ي` are lossy on purpose: outlets (and OCR, and machine
//! translation) write the same name both ways, so matching must not tell them
//! apart.

/// What one character becomes under normalisation.
#[inline]
pub fn fold(c: char) -> Option<char> {
    // Fast paths for ASCII and the Arabic letters (most of any text); the
    // table below has the same answers for them.
    let u = c as u32;
    if u < 0x80 {
        return Some(if u == 0x09 { ' ' } else { c.to_ascii_lowercase() });
    }
    if matches!(u, 0x0621..=0x063A | 0x0641..=0x064A) {
        return Some(match u {
            0x0622 | 0x0623 | 0x0625 => '\u{0627}',
            0x0629 => '\u{0647}',
            0x0649 => '\u{064A}',
            _ => c,
        });
    }
    fold_table(c)
}

/// [`fold`] by the table of the module documentation.
fn fold_table(c: char) -> Option<char> {
    Some(match c {
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => return None,
        '\u{0640}' => return None,
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => '\u{0627}',
        '\u{0649}' | '\u{06CC}' => '\u{064A}',
        '\u{0629}' => '\u{0647}',
        '\u{06A9}' => '\u{0643}',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '\u{060C}' | '\u{066C}' => ',',
        '\u{061B}' => ';',
        '\u{061F}' => '?',
        '\u{066A}' => '%',
        '\u{066B}' => '.',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => return None,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => ' ',
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    })
}

/// True for characters that normalisation drops (marks, tatweel, bidi,
/// zero-width): they never split a word.
#[inline]
pub fn is_ignorable(c: char) -> bool {
    fold(c).is_none()
}

/// A normalised copy of a text slice with a map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// `origin[i]` is the original byte offset of the character that produced
    /// normalised byte `i`; `origin[text.len()]` is the original end.
    pub origin: Vec<usize>,
}

impl Normalized {
    /// Normalise `src[range]`; origins are offsets into the whole of `src`.
    pub fn of(src: &str, start: usize, end: usize) -> Normalized {
        let slice = &src[start..end];
        let mut text = String::with_capacity(slice.len());
        let mut origin = Vec::with_capacity(slice.len() + 1);
        for (i, c) in slice.char_indices() {
            if let Some(f) = fold(c) {
                text.push(f);
                origin.resize(text.len(), start + i);
            }
        }
        origin.push(end);
        Normalized { text, origin }
    }

    /// Original byte range of normalised byte range `a..b`.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let s = self.origin[a];
        // The end is the start of whatever follows the last kept character,
        // so dropped marks on that character stay inside the span.
        let e = if b >= self.text.len() {
            *self.origin.last().unwrap_or(&s)
        } else {
            self.origin[b]
        };
        (s, e.max(s))
    }
}

/// Normalise a whole string (for keys and lexicon entries).
pub fn normalize(s: &str) -> String {
    // Never longer than the original: every rule keeps a character's length
    // or shortens it.
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter_map(fold));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_fold_agrees_with_the_table() {
        for u in (0..0x3100).chain(0xFB00..0x10000).chain([0x1F600, 0x10FFFF]) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(fold(c), fold_table(c), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn diacritics_and_tatweel_dropped() {
        assert_eq!(normalize("خَبَرَيْن"), "خبرين");
        assert_eq!(normalize("مـــصر"), "مصر");
        assert_eq!(normalize("الرَّحْمٰن"), "الرحمن");
    }

    #[test]
    fn alef_forms() {
        assert_eq!(normalize("أإآٱا"), "ااااا");
        assert_eq!(normalize("إسطنبول"), normalize("اسطنبول"));
    }

    #[test]
    fn yeh_and_teh_marbuta() {
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("تركية"), "تركيه");
        assert_eq!(normalize("کی"), "كي");
    }

    #[test]
    fn digits() {
        assert_eq!(normalize("٢٠٢٥"), "2025");
        assert_eq!(normalize("۱۴۴۶"), "1446");
        assert_eq!(normalize("١٬٠١٢٫٥"), "1,012.5");
    }

    #[test]
    fn punctuation_and_dashes() {
        assert_eq!(normalize("نعم، لا؛ ماذا؟ ٥٪"), "نعم, لا; ماذا? 5%");
        assert_eq!(normalize("2 – 6 — 7"), "2 - 6 - 7");
    }

    #[test]
    fn bidi_and_zero_width_dropped() {
        assert_eq!(normalize("بو\u{200B}تين\u{200F}"), "بوتين");
        assert_eq!(normalize("\u{FEFF}\u{202B}كييف\u{202C}"), "كييف");
        assert_eq!(normalize("a\u{00A0}B"), "a b");
    }

    #[test]
    fn origin_maps_back() {
        let src = "قالَ بوتين";
        let n = Normalized::of(src, 0, src.len());
        assert_eq!(n.text, "قال بوتين");
        let at = n.text.find("بوتين").unwrap();
        let (s, e) = n.span(at, at + "بوتين".len());
        assert_eq!(&src[s..e], "بوتين");
        // A dropped mark at the end of a word stays inside its span.
        let (s, e) = n.span(0, "قال".len());
        assert_eq!(&src[s..e], "قالَ");
    }

    #[test]
    fn origin_of_sub_range() {
        let src = "مرحبا يا عالم";
        let start = src.find("عالم").unwrap();
        let n = Normalized::of(src, start, src.len());
        assert_eq!(n.origin[0], start);
        assert_eq!(*n.origin.last().unwrap(), src.len());
    }
}
