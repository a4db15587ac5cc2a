//! Transliteration-aware consonant skeletons for linking spelling variants.
//!
//! Arabic renderings of a foreign name differ in long vowels (`عمروف`,
//! `عميروف`, `أوميروف`), in the letter chosen for a foreign g/h (`غ ج ه`),
//! and in doubled or dropped letters; Latin and Cyrillic spellings of the same
//! name differ again. A skeleton keeps one symbol per consonant class:
//!
//! | class | Arabic | Latin | Cyrillic |
//! |---|---|---|---|
//! | dropped | ا و ي ى ء ئ ؤ ع, a final ه, a leading ال | a e i o u y w | а е ё и і ї й о у ы э ю я ь ъ є |
//! | ب | ب پ | b p | б п |
//! | ت | ت ط | t | т |
//! | س | س ص ث | s, th, c before e/i | с |
//! | ج | ج غ ه ح گ | g h j gh dj zh | г ґ ж |
//! | خ | خ | kh | х |
//! | د | د ض | d | д |
//! | ز | ز ذ ظ | z | з |
//! | ش | ش چ تش | sh ch ç ş š č | ш щ ч |
//! | ف | ف ڤ | f v ph | ф в |
//! | ك | ك ق | k q c ck | к |
//! | ل م ن ر | themselves | l m n r | л м н р |
//!
//! and collapses doubled symbols. `x` is `كس`, `ts`/`ц` is `تس`.

/// Fold Latin diacritics (`Dolmabahçe` → `dolmabahce`) in a normalised token.
pub fn latin_fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    fold_chars(s)
}

/// Does [`latin_fold`] change anything in `s`? (Every letter it folds is
/// in U+00C0..U+017F.)
#[inline]
pub fn needs_latin_fold(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(|c| ('\u{00C0}'..='\u{017F}').contains(&c))
}

/// [`latin_fold`] without a copy when nothing changes.
#[inline]
pub fn latin_fold_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_latin_fold(s) {
        std::borrow::Cow::Owned(fold_chars(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn fold_chars(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'ç' | 'ć' | 'č' | 'Ç' | 'Č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'É' | 'È' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' | 'İ' | 'Í' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ö' | 'Ó' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'Ü' | 'Ú' => 'u',
            'ý' | 'ÿ' => 'y',
            'ş' | 'ś' | 'š' | 'Ş' | 'Š' => 's',
            'ğ' | 'Ğ' => 'g',
            'ž' | 'ź' | 'ż' | 'Ž' => 'z',
            'ł' | 'Ł' => 'l',
            'ř' => 'r',
            'ť' => 't',
            'ď' => 'd',
            _ => c,
        })
        .collect()
}

fn arabic_class(c: char) -> Option<char> {
    Some(match c {
        'ا' | 'و' | 'ي' | 'ى' | 'ء' | 'ئ' | 'ؤ' | 'أ' | 'إ' | 'آ' | 'ع' | 'ة' => return None,
        'ب' | 'پ' => 'ب',
        'ت' | 'ط' => 'ت',
        'س' | 'ص' | 'ث' => 'س',
        'ج' | 'غ' | 'ه' | 'ح' | 'گ' => 'ج',
        'خ' => 'خ',
        'د' | 'ض' => 'د',
        'ز' | 'ذ' | 'ظ' => 'ز',
        'ش' | 'چ' => 'ش',
        'ف' | 'ڤ' => 'ف',
        'ك' | 'ق' | 'ک' => 'ك',
        'ل' | 'م' | 'ن' | 'ر' => c,
        _ if c.is_ascii_digit() => c,
        _ => return None,
    })
}

fn cyrillic_class(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'е' | 'ё' | 'и' | 'і' | 'ї' | 'й' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'ь' | 'ъ' | 'є' => "",
        'б' | 'п' => "ب",
        'в' | 'ф' => "ف",
        'г' | 'ґ' | 'ж' => "ج",
        'д' => "د",
        'з' => "ز",
        'к' => "ك",
        'л' => "ل",
        'м' => "م",
        'н' => "ن",
        'р' => "ر",
        'с' => "س",
        'т' => "ت",
        'х' => "خ",
        'ц' => "تس",
        'ч' | 'ш' | 'щ' => "ش",
        _ => return None,
    })
}

/// The consonant skeleton of one normalised word (Arabic, Latin or Cyrillic).
pub fn skeleton(word: &str) -> String {
    let mut out = String::new();
    skeleton_into(word, &mut out);
    out
}

/// [`skeleton`] into a reused buffer.
pub fn skeleton_into(word: &str, out: &mut String) {
    out.clear();
    // Fast path: an Arabic word needs no case folding.
    if word.chars().all(|c| ('\u{0620}'..='\u{06FF}').contains(&c)) {
        arabic_skeleton_into(word, out);
    } else {
        out.push_str(&general_skeleton(word));
    }
}

#[cfg(test)]
fn arabic_skeleton(word: &str) -> String {
    let mut out = String::new();
    arabic_skeleton_into(word, &mut out);
    out
}

fn arabic_skeleton_into(word: &str, out: &mut String) {
    let mut w = word;
    if w.starts_with("ال") && w.chars().count() >= 5 {
        w = &w["ال".len()..];
    }
    let n = w.chars().count();
    let mut last: Option<char> = None;
    let mut it = w.chars().enumerate().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, d)| d);
        let sym = if c == 'ت' && next == Some('ش') {
            it.next();
            Some('ش')
        } else if c == 'ه' && i + 1 == n && n > 2 {
            None
        } else {
            arabic_class(c)
        };
        if let Some(k) = sym {
            if last != Some(k) {
                out.push(k);
                last = Some(k);
            }
        }
    }
}

/// Lower case for the scripts names come in (Latin, Greek, Cyrillic),
/// without Unicode's case tables (kilobytes of wasm for what names need).
fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 | 0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        0x400..=0x40F => u + 0x50,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

fn general_skeleton(word: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    let lower: String = latin_fold(&word.chars().map(lower).collect::<String>());
    let mut w: &str = &lower;
    if w.starts_with("ال") && w.chars().count() >= 5 {
        w = &w["ال".len()..];
    }
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    let mut i = 0;
    let push = |out: &mut Vec<char>, c: char| {
        if out.last() != Some(&c) {
            out.push(c);
        }
    };
    while i < n {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_ascii_alphabetic() {
            let two = next.map(|d| (c, d));
            let (sym, step): (&str, usize) = match two {
                Some(('k', 'h')) => ("خ", 2),
                Some(('s', 'h')) | Some(('c', 'h')) => ("ش", 2),
                Some(('z', 'h')) | Some(('g', 'h')) | Some(('d', 'j')) => ("ج", 2),
                Some(('t', 'h')) => ("س", 2),
                Some(('p', 'h')) => ("ف", 2),
                Some(('c', 'k')) => ("ك", 2),
                _ => (
                    match c {
                        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' => "",
                        'b' | 'p' => "ب",
                        'c' if matches!(next, Some('e' | 'i' | 'y')) => "س",
                        'c' | 'k' | 'q' => "ك",
                        'd' => "د",
                        'f' | 'v' => "ف",
                        'g' | 'h' | 'j' => "ج",
                        'l' => "ل",
                        'm' => "م",
                        'n' => "ن",
                        'r' => "ر",
                        's' => "س",
                        't' => "ت",
                        'x' => "كس",
                        'z' => "ز",
                        _ => "",
                    },
                    1,
                ),
            };
            for s in sym.chars() {
                push(&mut out, s);
            }
            i += step;
            continue;
        }
        if let Some(sym) = cyrillic_class(c) {
            for s in sym.chars() {
                push(&mut out, s);
            }
            i += 1;
            continue;
        }
        // Arabic: تش is one sound (ch); a word-final ه is a vowel.
        if c == 'ت' && next == Some('ش') {
            push(&mut out, 'ش');
            i += 2;
            continue;
        }
        if c == 'ه' && (i + 1 == n) && n > 2 {
            i += 1;
            continue;
        }
        if let Some(k) = arabic_class(c) {
            push(&mut out, k);
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// Words that join the next one into one surname (`عبد الله`, `أبو عبيدة`).
const JOINERS: [&str; 10] = ["عبد", "ابو", "ابي", "بن", "ابن", "ال", "بنت", "ولد", "دي", "فان"];

/// The surname skeleton of a name's tokens (normalised): the last word's,
/// or the last two words' together when the last is short (`نصر الله`) or
/// follows a joiner (`عبد الله`), so `حسن عبد الله` and `حسن نصر الله` differ.
pub fn surname_key(toks: &[&str]) -> String {
    let n = toks.len();
    if n == 0 {
        return String::new();
    }
    let last = skeleton(toks[n - 1]);
    if n >= 2 && (last.chars().count() < 3 || JOINERS.contains(&toks[n - 2])) {
        let joined = format!("{}{}", toks[n - 2], toks[n - 1]);
        return skeleton(&joined);
    }
    last
}

/// `distance(a, b) <= 1`, in one pass without allocating: the same
/// characters, or one substituted, inserted or deleted.
pub fn within_one(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let (long, short) = match la.abs_diff(lb) {
        0 => {
            // One substitution: the rest agrees.
            let mut diff = 0;
            for (x, y) in a.chars().zip(b.chars()) {
                if x != y {
                    diff += 1;
                    if diff > 1 {
                        return false;
                    }
                }
            }
            return diff <= 1;
        }
        1 if la > lb => (a, b),
        1 => (b, a),
        _ => return false,
    };
    // One deletion from the longer gives the shorter: after the common
    // prefix, skip one character of the longer, then all must agree.
    let mut l = long.chars();
    let mut s = short.chars();
    loop {
        match (l.next(), s.clone().next()) {
            (Some(x), Some(y)) if x == y => {
                s.next();
            }
            (Some(_), _) => return l.eq(s),
            (None, _) => return true,
        }
    }
}

/// Levenshtein distance between two short strings (by chars).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether two first-name skeletons can belong to one person: either is
/// missing, or they differ by at most one symbol (`سرج`/`سره` for
/// Serhiy/Sergey), and never when both are long and clearly different
/// (`لكسندر`/`ندر`).
pub fn first_compatible(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() || a == b {
        return true;
    }
    let la = a.chars().count();
    let lb = b.chars().count();
    // One letter apart only for long names (`فولوديمير`/`فلاديمير`): short
    // ones one letter apart are other names (`محمد`/`ماجد`, `أحمد`/`حامد`).
    la.min(lb) >= 4 && within_one(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn sk(s: &str) -> String {
        skeleton(&normalize(s))
    }

    #[test]
    fn umerov_spellings_agree() {
        let want = sk("عمروف");
        for v in ["عميروف", "أوميروف", "أومروف", "Umerov"] {
            assert_eq!(sk(v), want, "{v}");
        }
    }

    #[test]
    fn other_variants() {
        assert_eq!(sk("ترامب"), sk("ترمب"));
        assert_eq!(sk("بوتين"), sk("بوتن"));
        assert_eq!(sk("Putin"), sk("بوتين"));
        assert_eq!(sk("زيلينسكي"), sk("زيلنسكي"));
        assert_eq!(sk("زيلينسكيي"), sk("Zelenskyy"));
        assert_eq!(sk("Зеленський"), sk("زيلينسكي"));
        assert_eq!(sk("كيلوغ"), sk("كيلوج"));
        assert_eq!(sk("كالين"), sk("قالن"));
        assert_eq!(sk("Kremlin"), sk("الكرملين"));
        assert_eq!(sk("Peskov"), sk("بيسكوف"));
        assert_eq!(sk("Tykhii"), sk("تيخيي"));
        assert_eq!(sk("Heorhii"), sk("غورغي"));
        assert_eq!(sk("سيرهي"), sk("سيرغي"));
        assert_eq!(sk("أندريه"), sk("أندري"));
        assert_eq!(sk("يرماك"), sk("ييرماك"));
    }

    #[test]
    fn fast_path_agrees() {
        for w in ["عمروف", "أوميروف", "الكرملين", "تشارلز", "أندريه", "دولمه", "ستمرر", "زيلينسكيي"] {
            let n = normalize(w);
            assert_eq!(arabic_skeleton(&n), general_skeleton(&n), "{w}");
        }
    }

    #[test]
    fn within_one_is_distance_at_most_one() {
        let words = ["", "ا", "اب", "با", "ابب", "ابا", "فيدان", "فيان", "فيدن", "فيدانن", "فدان", "فيداني", "ففيدان", "abc", "abd", "ab", "bc", "acb", "aabc", "abcc", "xyz", "ميدينسكي", "ميدنسكي", "aa", "aaa", "a"];
        for a in words {
            for b in words {
                assert_eq!(within_one(a, b), distance(a, b) <= 1, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn fold_without_copy_agrees() {
        for w in ["Dolmabahçe", "zelenskyy", "Łódź", "ميدينسكي", "Зеленський", "straße", "ÀÖøſ"] {
            assert_eq!(latin_fold_cow(w), latin_fold(w), "{w}");
        }
    }

    #[test]
    fn lower_agrees_with_unicode_on_the_scripts_of_names() {
        // Basic Latin, Latin-1, Latin Extended-A, Greek and Cyrillic letters.
        let ranges = [0x41..0x7B, 0xC0..0x180, 0x391..0x3AC, 0x400..0x4C0, 0x4C1..0x4CF, 0x4D0..0x500];
        for u in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(u) else { continue };
            let std: Vec<char> = c.to_lowercase().collect();
            if std.len() == 1 {
                assert_eq!(lower(c), std[0], "U+{u:04X}");
            }
        }
    }

    #[test]
    fn different_names_differ() {
        assert_ne!(sk("بوتين"), sk("ميدينسكي"));
        assert!(!first_compatible(&sk("ألكسندر"), &sk("آندريه")));
        assert!(first_compatible(&sk("فولوديمير"), &sk("فلاديمير")));
        assert!(!first_compatible(&sk("محمد"), &sk("ماجد")));
        assert_eq!(distance(&sk("فيدان"), &sk("فيان")), 1);
    }
}
