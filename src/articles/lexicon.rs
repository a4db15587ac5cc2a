//! Word lists of page furniture (`src/data/page_boilerplate.txt`), compiled
//! in and parsed once.

use crate::normalize::fold;
use crate::tokenize::is_word_char;
use crate::claims::{Map, Set};
use std::sync::OnceLock;

const DATA: &str = data_file!("page_boilerplate.txt");

/// A letter, digit or mark ([`is_word_char`]) with a fast path for ASCII
/// and the Arabic block.
#[inline]
pub fn word_char(c: char) -> bool {
    match c {
        '0'..='9' | 'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{065F}' | '\u{0660}'..='\u{0669}' | '\u{0670}'..='\u{06D3}' => true,
        '\u{0600}'..='\u{06FF}' => is_word_char(c),
        _ => is_word_char(c),
    }
}

/// The matching key of a piece of text: normalised (`crate::normalize`),
/// every run of non-word characters one space, no leading or trailing space.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    key_into(s, &mut out);
    out
}

/// [`key`], appended to `out` (which must be empty or end a word).
fn key_into(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let start = out.len();
    // SAFETY: only whole characters are pushed (ASCII bytes, the two bytes
    // of an Arabic letter, or an encoded char), so `out` stays UTF-8.
    let v = unsafe { out.as_mut_vec() };
    let mut gap = false;
    let mut p = 0;
    while p < b.len() {
        let x = b[p];
        // Fast paths: ASCII, and the Arabic letters (D8/D9), whose folds
        // are known; the rest through `fold`.
        if x < 0x80 {
            if x.is_ascii_alphanumeric() {
                if gap && v.len() > start {
                    v.push(b' ');
                }
                gap = false;
                v.push(x.to_ascii_lowercase());
            } else {
                // ASCII punctuation, spaces and controls fold to themselves
                // (a tab to a space): never word characters.
                gap = true;
            }
            p += 1;
            continue;
        }
        if x == 0xD8 || x == 0xD9 {
            let y = b[p + 1];
            let u = ((x as u32 & 0x1F) << 6) | (y as u32 & 0x3F);
            if matches!(u, 0x0621..=0x063A | 0x0641..=0x064A) {
                if gap && v.len() > start {
                    v.push(b' ');
                }
                gap = false;
                match u {
                    0x0622 | 0x0623 | 0x0625 => v.extend_from_slice(&[0xD8, 0xA7]),
                    0x0629 => v.extend_from_slice(&[0xD9, 0x87]),
                    0x0649 => v.extend_from_slice(&[0xD9, 0x8A]),
                    _ => v.extend_from_slice(&[x, y]),
                }
                p += 2;
                continue;
            }
        }
        let c = s[p..].chars().next().unwrap_or(' ');
        p += c.len_utf8();
        match fold(c) {
            None => {}
            Some(f) if word_char(f) => {
                if gap && v.len() > start {
                    v.push(b' ');
                }
                gap = false;
                let mut buf = [0u8; 4];
                v.extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
            }
            Some(_) => gap = true,
        }
    }
}

/// The first version of [`key`], kept to check the fast one against.
#[cfg(test)]
pub fn key_reference(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        match fold(c) {
            None => {}
            Some(f) if word_char(f) => {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(f);
            }
            Some(_) => gap = true,
        }
    }
    out
}

/// A list of phrases (keys), matched whole or as the first words of a key.
#[derive(Default)]
pub struct Phrases {
    exact: Set<String>,
    /// The longest exact entry: longer keys are not looked up.
    longest: usize,
    /// A bit for each exact entry and for each first word ([`bit`]): most
    /// keys of a page miss them, which is cheaper to tell than a lookup.
    exact_bits: [u64; 16],
    first_bits: [u64; 16],
    /// Entries by their first word: (entry, matches any continuation).
    by_first: Map<String, Vec<(String, bool)>>,
}

impl Phrases {
    fn add(&mut self, entry: &str) {
        let (entry, wild) = match entry.strip_suffix(" *") {
            Some(e) => (e, true),
            None => (entry, false),
        };
        let k = key(entry);
        if k.is_empty() {
            return;
        }
        if !wild {
            self.longest = self.longest.max(k.len());
            set_bit(&mut self.exact_bits, &k);
            self.exact.insert(k.clone());
        }
        let first = k.split(' ').next().unwrap_or("").to_string();
        set_bit(&mut self.first_bits, &first);
        self.by_first.entry(first).or_default().push((k, wild));
    }

    /// The key is one of the phrases (or starts with a ` *` entry).
    pub fn matches(&self, k: &str) -> bool {
        self.contains(k) || self.prefix_len(k, true).is_some()
    }

    /// The key starts with one of the phrases (whole words): the byte length
    /// of the longest such phrase.
    pub fn starts(&self, k: &str) -> Option<usize> {
        self.prefix_len(k, false)
    }

    fn prefix_len(&self, k: &str, wild_only: bool) -> Option<usize> {
        let first = &k[..k.bytes().position(|b| b == b' ').unwrap_or(k.len())];
        if !has_bit(&self.first_bits, first) {
            return None;
        }
        let list = self.by_first.get(first)?;
        list.iter()
            .filter(|(e, wild)| (!wild_only || *wild) && starts_words(k, e))
            .map(|(e, _)| e.len())
            .max()
    }

    pub fn contains(&self, k: &str) -> bool {
        k.len() <= self.longest && has_bit(&self.exact_bits, k) && self.exact.contains(k)
    }
}

/// Where a key falls in a [`Phrases`] filter: its length and its first and
/// last bytes, mixed into 10 bits.
#[inline]
fn bit(k: &str) -> usize {
    let b = k.as_bytes();
    let n = b.len();
    let head = |s: &[u8]| s.iter().take(4).fold(0u64, |h, &x| (h << 8) | x as u64);
    let h = head(b).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ head(&b[n.saturating_sub(4)..]).wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ (n as u64).wrapping_mul(0x1656_67B1_9E37_79F9);
    (h >> 54) as usize
}

fn set_bit(bits: &mut [u64; 16], k: &str) {
    let i = bit(k);
    bits[i >> 6] |= 1 << (i & 63);
}

#[inline]
fn has_bit(bits: &[u64; 16], k: &str) -> bool {
    let i = bit(k);
    bits[i >> 6] >> (i & 63) & 1 == 1
}

/// `k` starts with the words of `e`.
fn starts_words(k: &str, e: &str) -> bool {
    k.starts_with(e) && (k.len() == e.len() || k.as_bytes()[e.len()] == b' ')
}

#[derive(Default)]
pub struct Lexicon {
    pub related_block: Phrases,
    pub related_inline: Phrases,
    pub boiler: Phrases,
    pub boiler_prefix: Phrases,
    pub end_prefix: Phrases,
    pub agency: Phrases,
    pub caption_prefix: Phrases,
    pub byline_prefix: Phrases,
    pub title_paren: Phrases,
    pub section: Phrases,
    pub date_word: Phrases,
    pub continuation: Phrases,
    /// Section keys, longest first, for tags printed without a space.
    pub section_list: Vec<String>,
    /// The longest key of any entry.
    longest_entry: usize,
    /// The first words of the lists a line's key is matched against by its
    /// start ([`Lexicon::may_start`]).
    firsts: [u64; 16],
}

impl Lexicon {
    fn parse(data: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut current = "";
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name;
                continue;
            }
            let list = match current {
                "related_block" => &mut lex.related_block,
                "related_inline" => &mut lex.related_inline,
                "boilerplate" => &mut lex.boiler,
                "boilerplate_prefix" => &mut lex.boiler_prefix,
                "end_marker_prefix" => &mut lex.end_prefix,
                "agency" => &mut lex.agency,
                "caption_prefix" => &mut lex.caption_prefix,
                "byline_prefix" => &mut lex.byline_prefix,
                "title_paren" => &mut lex.title_paren,
                "date_word" => &mut lex.date_word,
                "continuation" => &mut lex.continuation,
                "section" => {
                    let k = key(line);
                    if !k.is_empty() && !lex.section_list.contains(&k) {
                        lex.section_list.push(k);
                    }
                    &mut lex.section
                }
                _ => continue,
            };
            list.add(line);
            lex.longest_entry = lex.longest_entry.max(key(line).len());
        }
        crate::sort::by_key(&mut lex.section_list, |s| std::cmp::Reverse(s.len()));
        for list in [&lex.related_block, &lex.related_inline, &lex.boiler, &lex.end_prefix, &lex.boiler_prefix, &lex.caption_prefix, &lex.byline_prefix, &lex.continuation] {
            for (f, b) in lex.firsts.iter_mut().zip(list.first_bits.iter()) {
                *f |= b;
            }
        }
        lex
    }

    /// Whether the key can start with an entry of the related-story,
    /// boilerplate, end-matter, caption, byline or continuation lists: when
    /// not, none of their prefix tests (`starts`, the prefix half of
    /// `matches`) can succeed.
    #[inline]
    pub fn may_start(&self, k: &str) -> bool {
        has_bit(&self.firsts, &k[..k.bytes().position(|b| b == b' ').unwrap_or(k.len())])
    }

    /// The longest key of any entry (a line's key this long and more is
    /// matched by its start).
    pub fn longest_entry(&self) -> usize {
        self.longest_entry
    }

    /// Some run of one to three words of `k` is an agency name.
    pub fn has_agency(&self, k: &str) -> bool {
        let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
        if words.len() > 12 {
            return false;
        }
        let mut buf = String::new();
        for i in 0..words.len() {
            buf.clear();
            for w in words.iter().skip(i).take(3) {
                if !buf.is_empty() {
                    buf.push(' ');
                }
                buf.push_str(w);
                if self.agency.contains(&buf) {
                    return true;
                }
            }
        }
        false
    }

    /// The key starts with an agency name: its byte length in the key.
    #[allow(dead_code)]
    pub fn agency_prefix(&self, k: &str) -> Option<usize> {
        self.agency.starts(k)
    }

    /// A date or time line: mostly date words and numbers, some number or
    /// `منذ` among them.
    pub fn is_date_line(&self, k: &str) -> bool {
        let mut n = 0;
        let mut dated = 0;
        let mut number = false;
        for w in k.split(' ') {
            n += 1;
            let digits = w.bytes().all(|b| b.is_ascii_digit());
            number |= digits || w == "منذ";
            if digits || self.date_word.contains(w) {
                dated += 1;
            }
            // Four words that are not dates, or fifteen words, and no count
            // of words to come can make three quarters of them dates.
            if n - dated >= 4 || n > 14 {
                return false;
            }
        }
        number && n <= 14 && dated * 4 >= n * 3
    }

    /// A line made only of section tags, possibly run together.
    pub fn is_section(&self, k: &str) -> bool {
        self.section_rest(k, 0)
    }

    fn section_rest(&self, k: &str, depth: usize) -> bool {
        let k = k.trim_start();
        if k.is_empty() {
            return depth > 0;
        }
        if self.section.contains(k) {
            return true;
        }
        if depth >= 3 {
            return false;
        }
        self.section_list
            .iter()
            .any(|s| k.len() > s.len() && k.starts_with(s.as_str()) && self.section_rest(&k[s.len()..], depth + 1))
    }
}

pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(DATA))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_and_drop_punctuation() {
        assert_eq!(key("إقرأ أيضاً:"), "اقرا ايضا");
        assert_eq!(key("(أ.ف.ب)"), "ا ف ب");
        assert_eq!(key("  TT "), "tt");
        assert_eq!(key("«الشرق الأوسط» (كييف)"), "الشرق الاوسط كييف");
    }

    #[test]
    fn fast_key_agrees_with_the_reference() {
        let alphabet: Vec<char> = "اأإآبتةثلمنويىءؤئ١٢٣0189 .,/:٫٬،؛؟!?\n\r\t\u{00A0}\u{200B}\u{200F}\u{FEFF}\u{064B}\u{0651}\u{0640}«»“”\"()-–aBzXé中😀ـ۱ڪکی\u{0670}\u{0671}".chars().collect();
        let mut seed: u64 = 0xDEAD_BEEF_1234_5678;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..5000 {
            let len = rnd(30);
            let s: String = (0..len).map(|_| alphabet[rnd(alphabet.len())]).collect();
            assert_eq!(key(&s), key_reference(&s), "{s:?}");
        }
    }

    #[test]
    fn lists_match() {
        let lex = get();
        assert!(lex.related_block.matches(&key("مقالات ذات صلة")));
        assert!(lex.related_block.matches(&key("المزيد من أخبار العالم")));
        assert!(lex.related_inline.matches(&key("اقرأ أيضاً:")));
        assert!(lex.boiler.matches(&key("زر الذهاب إلى الأعلى")));
        assert!(lex.has_agency(&key("ليون نيل/تجمع عبر AP")));
        assert!(lex.has_agency(&key("إ.ب.أ")));
        assert!(!lex.has_agency(&key("واشنطن")));
        assert!(lex.is_section(&key("رئيسيشؤون دولية")));
        assert!(lex.is_section(&key("أوروبا")));
        assert!(!lex.is_section(&key("أوروبا تدعم كييف")));
    }
}
