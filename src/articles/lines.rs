//! A page as lines, each given the part it plays: title, body paragraph,
//! caption, byline, section tag, boilerplate, related-stories heading.

use super::lexicon::{key, word_char, Lexicon};
use crate::normalize::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Nothing but white space.
    Blank,
    /// A heading over other stories (`مقالات ذات صلة`).
    Header,
    /// A "see also" heading alone on its line (`اقرأ أيضاً:`).
    InlineHeader,
    /// A "see also" link (`شاهد أيضاً: …`), or a title under an inline heading.
    Link,
    /// Navigation, sharing, widgets (`TT`, `شارك`, `زر الذهاب إلى الأعلى`).
    Boiler,
    /// Article metadata after its body (`كلمات دلالية: …`, `آخر تحديث: …`).
    EndMarker,
    /// A date or time line (`الجمعة 16 مايو 2025 - 10:30 م`).
    Date,
    /// A bulleted item (`• …`): a headline in a list, or a point in a body.
    Bullet,
    /// A photo caption: ends with an agency credit, or printed twice.
    Caption,
    /// Author and place (`رنا أبتر (واشنطن)`, `«الشرق الأوسط» (كييف)`).
    Byline,
    /// A section tag (`أوروبا`, `رئيسيشؤون دولية`).
    Section,
    /// A short line that is none of the above (`خلفية:`).
    Short,
    /// Short, no final punctuation: a title or a subheading.
    Title,
    /// A title or a paragraph, by length alone.
    Ambig,
    /// A paragraph of running text.
    Body,
}

#[derive(Debug, Clone)]
pub struct Line {
    /// Byte offset of the line's first character.
    pub start: usize,
    /// The line's content without surrounding white space.
    pub cs: usize,
    pub ce: usize,
    pub kind: Kind,
    /// Its words, counted up to 19 (more than the 18 the line kinds and
    /// keys tell apart); [`Line::words_up_to_46`] counts further.
    pub words: usize,
    /// The key of the line, or of its first [`KEY_CUT`] bytes when it has
    /// more than 18 words; of such a line, only the start of that (longer
    /// than any list entry: enough to classify it) unless `whole`.
    /// The key is `Lines::keys[k0..k1]`.
    k0: u32,
    k1: u32,
    pub whole: bool,
    /// Ends with a colon (a label such as `الردود الدولية:`).
    pub colon: bool,
    /// Opens with a word that continues earlier text (`وأضاف`, `من جهته`).
    pub continues: bool,
}

fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t' | '\n' | '\r' => true,
        '!'..='\u{7F}' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => false,
        _ => c.is_whitespace() || crate::normalize::is_ignorable(c),
    }
}

/// A page's lines and their keys, in one string.
pub struct Lines {
    pub lines: Vec<Line>,
    pub keys: String,
}

impl Lines {
    /// The key of a line of this page.
    #[inline]
    pub fn key_of(&self, l: &Line) -> &str {
        &self.keys[l.k0 as usize..l.k1 as usize]
    }
}

/// Split the text into lines at `\n` and classify each.
pub fn split(text: &str, lex: &Lexicon) -> Lines {
    let mut out = Vec::new();
    let mut keys: Vec<u8> = Vec::with_capacity(text.len() / 2);
    let mut pos = 0;
    while pos < text.len() {
        let start = pos;
        pos = next_newline(text.as_bytes(), pos).map_or(text.len(), |k| k + 1);
        let piece = &text[start..pos];
        let body = piece.trim_start_matches(is_space);
        let cs = start + (piece.len() - body.len());
        let body = body.trim_end_matches(is_space);
        let ce = cs + body.len();
        let k0 = keys.len();
        let (words, whole) = words_and_key(body, prefix(body, KEY_CUT).len(), 18, lex.longest_entry() + 4, &mut keys);
        // SAFETY: `words_and_key` appends whole characters only.
        let k = unsafe { std::str::from_utf8_unchecked(&keys[k0..]) };
        let colon = body.ends_with(':') || body.ends_with('：');
        let kind = classify(body, k, words, lex);
        let continues = matches!(kind, Kind::Body | Kind::Ambig) && lex.may_start(k) && lex.continuation.starts(k).is_some();
        out.push(Line { start, cs, ce, kind, words, k0: k0 as u32, k1: keys.len() as u32, whole, colon, continues });
    }
    // SAFETY: as above.
    let mut lines = Lines { lines: out, keys: unsafe { String::from_utf8_unchecked(keys) } };
    mark_duplicates(&mut lines, text);
    lines
}

/// The first `\n` at or after `from`, eight bytes at a time.
fn next_newline(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = from;
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
        let x = w ^ (ONES * b'\n' as u64);
        // The lowest byte of `x` that is zero sets the lowest bit here.
        let z = x.wrapping_sub(ONES) & !x & (ONES << 7);
        if z != 0 {
            return Some(i + (z.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b[i..].iter().position(|&x| x == b'\n').map(|k| i + k)
}

/// At most the first `n` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, n: usize) -> &str {
    let mut e = n.min(s.len());
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    &s[..e]
}

const BULLETS: &[char] = &['•', '●', '▪', '◦', '·', '○', '■', '□', '►', '▸', '◆', '◇', '‣', '⁃', '✓', '✔', '-', '*', '–', '—', '»'];

/// The last character that is not white space, a closing quote or bracket.
fn final_char(s: &str) -> Option<char> {
    s.chars()
        .rev()
        .find(|&c| !(is_space(c) || matches!(c, '"' | '»' | '”' | '’' | '\'' | ')' | ']' | '*' | '﴾' | '﴿')))
}

fn sentence_final(s: &str) -> bool {
    matches!(final_char(s), Some('.' | '!' | '?' | '؟' | '…' | '۔' | '。'))
}

/// The bracketed tail of a line: (text before it, text inside).
fn trailing_paren(s: &str) -> Option<(&str, &str)> {
    let t = s.trim_end_matches(|c: char| is_space(c) || c == '.');
    let inner_end = t.strip_suffix(')')?;
    let open = inner_end.rfind('(')?;
    let inner = &inner_end[open + 1..];
    if inner.contains(')') || inner.chars().count() > 80 {
        return None;
    }
    Some((&inner_end[..open], inner))
}

/// The whole line is a dateline.
pub fn is_dateline_line(raw: &str, lex: &Lexicon) -> bool {
    super::dateline::find(raw, 0, raw.len(), lex).is_some_and(|s| s.end >= raw.trim_end_matches(is_space).len())
}

/// A line's [`word_count`] (up to `most + 1`), and its [`key`] when it
/// has at most `most` words, else the key of its first `cut` bytes — or only
/// the start of that, longer than `need` bytes (`false` then: the key is not
/// whole). The key is appended to `out`.
///
/// The key is built while counting, up to `need` bytes: a line with more
/// words is matched by that start, and a line with fewer, shorter, has its
/// key built again in full.
fn words_and_key(s: &str, cut: usize, most: usize, need: usize, out: &mut Vec<u8>) -> (usize, bool) {
    let base = out.len();
    let limit = cut.min(s.len());
    let (stop, n, word) = key_and_count(s, limit, need, out);
    let n = if stop < s.len() { n + word_count_from(s, stop, word, (most + 1).saturating_sub(n)) } else { n + word as usize };
    let n = n.min(most + 1);
    if n <= most {
        if stop < s.len() {
            out.truncate(base);
            key_and_count(s, s.len(), usize::MAX, out);
        }
        (n, true)
    } else {
        (n, stop >= limit)
    }
}

/// Append the key of `s[..until]` to `out` while it is at most `need` bytes
/// long, counting words: where it stopped, the words ended before there, and
/// whether the run going on there has a word character.
fn key_and_count(s: &str, until: usize, need: usize, out: &mut Vec<u8>) -> (usize, usize, bool) {
    let t = tables();
    let b = s.as_bytes();
    let mut key = KeyBuf { base: out.len(), v: out };
    let mut gap = false;
    let mut n = 0;
    let mut word = false;
    let mut p = 0;
    while p < until && key.len() <= need {
        let x = b[p];
        if (x == 0xD8 || x == 0xD9) && matches!(((x as u32 & 0x1F) << 6) | (b[p + 1] as u32 & 0x3F), 0x0621..=0x063A | 0x0641..=0x064A) {
            // A run of Arabic letters (most of the text): word characters
            // whose folds are known (it may take the key a little past
            // `need`, which does no harm).
            if gap && !key.is_empty() {
                key.push(b' ');
            }
            gap = false;
            word = true;
            loop {
                let u = ((b[p] as u32 & 0x1F) << 6) | (b[p + 1] as u32 & 0x3F);
                key.extend_from_slice(&crate::tokenize::fold_letter(u));
                p += 2;
                if p >= until || !(b[p] == 0xD8 || b[p] == 0xD9) || !matches!(((b[p] as u32 & 0x1F) << 6) | (b[p + 1] as u32 & 0x3F), 0x0621..=0x063A | 0x0641..=0x064A) {
                    break;
                }
            }
            continue;
        }
        let (cls, len, f) = if x < 0x80 {
            (t.class[x as usize], 1, t.fold[x as usize])
        } else if x < 0xE0 {
            let u = ((x as usize & 0x1F) << 6) | (b[p + 1] as usize & 0x3F);
            (t.class[u], 2, t.fold[u])
        } else {
            let c = s[p..].chars().next().unwrap_or(' ');
            let f = match fold(c) {
                Some(f) => (f as u32, if word_char(f) { KEEP } else { GAP }),
                None => (0, DROP),
            };
            ((is_space(c) as u8) | (word_char(c) as u8) << 1, c.len_utf8(), f)
        };
        let space = cls & SPACE != 0;
        n += (space & word) as usize;
        word = !space & (word | (cls & WORD != 0));
        match f.1 {
            KEEP => {
                if gap && !key.is_empty() {
                    key.push(b' ');
                }
                gap = false;
                push_code(key.v, f.0);
            }
            GAP => gap = true,
            _ => {}
        }
        p += len;
    }
    (p, n, word)
}

/// The key being built at the end of the page's keys (`base` on).
struct KeyBuf<'v> {
    v: &'v mut Vec<u8>,
    base: usize,
}

impl KeyBuf<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.v.len() - self.base
    }
    #[inline]
    fn is_empty(&self) -> bool {
        self.v.len() == self.base
    }
    #[inline]
    fn push(&mut self, x: u8) {
        self.v.push(x);
    }
    #[inline]
    fn extend_from_slice(&mut self, x: &[u8]) {
        self.v.extend_from_slice(x);
    }
}

/// Push the UTF-8 of code point `u` (a character of [`Tables::fold`]).
#[inline]
fn push_code(v: &mut Vec<u8>, u: u32) {
    if u < 0x80 {
        v.push(u as u8);
    } else if u < 0x800 {
        v.extend_from_slice(&[0xC0 | (u >> 6) as u8, 0x80 | (u & 0x3F) as u8]);
    } else {
        let mut buf = [0u8; 4];
        v.extend_from_slice(char::from_u32(u).unwrap_or(' ').encode_utf8(&mut buf).as_bytes());
    }
}

/// Runs between spaces ([`is_space`]) that hold a word character.
pub(super) fn word_count(s: &str) -> usize {
    word_count_from(s, 0, false, usize::MAX)
}

/// Words are counted up to this where more matter: a card has at most 45
/// words; a few line kinds look at 25 or 40.
pub const MAX_WORDS: usize = 46;

impl Line {
    /// The line's words, counted up to [`MAX_WORDS`] (`text` is the page).
    pub fn words_up_to_46(&self, text: &str) -> usize {
        if self.words <= 18 {
            self.words
        } else {
            word_count_from(&text[self.cs..self.ce], 0, false, MAX_WORDS).min(MAX_WORDS)
        }
    }
}

/// [`word_count`] of `s[from..]`, the run at `from` having a word character
/// already when `word`, counted up to `most`.
fn word_count_from(s: &str, from: usize, word: bool, most: usize) -> usize {
    let t = tables();
    let b = s.as_bytes();
    let mut n = 0;
    // The current run has a word character.
    let mut word = word;
    let mut p = from;
    while p < b.len() && n < most {
        let x = b[p];
        if x == 0xD8 || x == 0xD9 {
            // A run of Arabic letters: one word, whatever its length.
            let run = p;
            while p < b.len() && (b[p] == 0xD8 || b[p] == 0xD9) && matches!(((b[p] as u32 & 0x1F) << 6) | (b[p + 1] as u32 & 0x3F), 0x0621..=0x063A | 0x0641..=0x064A) {
                p += 2;
            }
            if p > run {
                word = true;
                continue;
            }
        }
        // One- and two-byte characters by table; the rest one by one.
        let (cls, len) = if x < 0x80 {
            (t.class[x as usize], 1)
        } else if x < 0xE0 {
            (t.class[((x as usize & 0x1F) << 6) | (b[p + 1] as usize & 0x3F)], 2)
        } else {
            let c = s[p..].chars().next().unwrap_or(' ');
            ((is_space(c) as u8) | (word_char(c) as u8) << 1, c.len_utf8())
        };
        let space = cls & SPACE != 0;
        n += (space & word) as usize;
        word = !space & (word | (cls & WORD != 0));
        p += len;
    }
    n + word as usize
}

const SPACE: u8 = 1;
const WORD: u8 = 2;

/// What a character does to a key: nothing (dropped by normalisation),
/// a gap, or its folded form kept.
const DROP: u8 = 0;
const GAP: u8 = 1;
const KEEP: u8 = 2;

/// What the one- and two-byte characters (U+0000–U+07FF) are, precomputed:
/// for counting words ([`is_space`], [`word_char`]) and for keys (`fold`).
struct Tables {
    class: [u8; 0x800],
    /// The folded character and what it does to a key.
    fold: [(u32, u8); 0x800],
}

fn tables() -> &'static Tables {
    static T: std::sync::OnceLock<Box<Tables>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = Box::new(Tables { class: [0; 0x800], fold: [(0, DROP); 0x800] });
        for u in 0..0x800u32 {
            let Some(c) = char::from_u32(u) else { continue };
            t.class[u as usize] = (is_space(c) as u8) | (word_char(c) as u8) << 1;
            t.fold[u as usize] = match fold(c) {
                Some(f) => (f as u32, if word_char(f) { KEEP } else { GAP }),
                None => (0, DROP),
            };
        }
        t
    })
}

fn classify(raw: &str, k: &str, words: usize, lex: &Lexicon) -> Kind {
    if raw.is_empty() {
        return Kind::Blank;
    }
    if k.is_empty() {
        return Kind::Boiler;
    }
    // Most lines start with no listed word: one test skips all prefix tests.
    let pre = lex.may_start(k);
    if words <= 6 && (lex.related_block.contains(k) || (pre && lex.related_block.matches(k))) {
        return Kind::Header;
    }
    if lex.related_inline.contains(k) {
        return Kind::InlineHeader;
    }
    if words >= 2 && pre && lex.related_inline.starts(k).is_some() {
        // `شاهد أيضاً: عنوان`: the phrase, a colon or bar, then a headline.
        let head: String = raw.chars().take(24).collect();
        if head.contains(':') || head.contains('|') || head.contains('：') {
            return Kind::Link;
        }
    }
    if raw.starts_with('©') || (words <= 15 && raw.contains('©')) {
        return Kind::Boiler;
    }
    if lex.boiler.contains(k) || (pre && lex.boiler.matches(k)) {
        return Kind::Boiler;
    }
    // `words` stops at 19: the tests of more count again (only lines that
    // start like an entry get there).
    let many = || if words <= 18 { words } else { word_count_from(raw, 0, false, MAX_WORDS).min(MAX_WORDS) };
    if pre && lex.end_prefix.starts(k).is_some() && many() <= 40 {
        let head: String = raw.chars().take(30).collect();
        if head.contains(':') || words <= 8 || k.starts_with("طباعه") {
            return Kind::EndMarker;
        }
    }
    if pre && lex.boiler_prefix.starts(k).is_some() && many() <= 25 {
        return Kind::Boiler;
    }
    let first = raw.chars().next().unwrap_or(' ');
    if BULLETS.contains(&first) && raw[first.len_utf8()..].starts_with(is_space) {
        return Kind::Bullet;
    }
    if pre && lex.caption_prefix.starts(k).is_some() && many() <= 40 {
        return Kind::Caption;
    }
    if let Some((before, inner)) = trailing_paren(raw) {
        let ik = key(inner);
        if !ik.is_empty() && lex.has_agency(&ik) {
            return Kind::Caption;
        }
        let bw = word_count(before);
        if !ik.is_empty()
            && word_count(inner) <= 4
            && (1..=5).contains(&bw)
            && !lex.title_paren.starts(&ik).is_some()
            && !sentence_final(before)
            && !before.trim_end_matches(is_space).ends_with([':', '،', ','])
        {
            return Kind::Byline;
        }
    }
    if (words <= 4 || (words <= 7 && raw.contains(':'))) && pre && lex.byline_prefix.starts(k).is_some() {
        return Kind::Byline;
    }
    if words <= 14 && lex.is_date_line(k) {
        return Kind::Date;
    }
    if words <= 5 && lex.is_section(k) {
        return Kind::Section;
    }
    // `لندن: «الشرق الأوسط»`: a place, a colon, an outlet or a name.
    if words <= 5 && !sentence_final(raw) {
        if let Some((place, rest)) = raw.split_once(':') {
            let rest = rest.trim_matches(is_space);
            let quoted = rest.starts_with('«') && rest.ends_with('»');
            // `واشنطن: علي بردى`: a place and a name of two or three words.
            let name = (2..=3).contains(&word_count(rest)) && !rest.contains([':', '،', ',']);
            if (1..=2).contains(&word_count(place)) && (quoted || name) {
                return Kind::Byline;
            }
        }
    }
    // A dateline alone on its line (`أبوظبي - سكاي نيوز عربية`).
    if words <= 6 && is_dateline_line(raw, lex) {
        return Kind::Byline;
    }
    let colon = raw.ends_with(':') || raw.ends_with('：');
    if sentence_final(raw) {
        // Headlines may ask or exclaim: `هل تنجح مفاوضات إسطنبول؟`
        let asks = matches!(final_char(raw), Some('?' | '؟' | '!'));
        return match words {
            0..=2 => Kind::Short,
            3..=12 if asks => Kind::Title,
            3 => Kind::Short,
            _ => Kind::Body,
        };
    }
    if colon {
        return if words >= 13 { Kind::Body } else { Kind::Short };
    }
    match words {
        0..=2 => Kind::Short,
        3..=12 => Kind::Title,
        13..=18 => Kind::Ambig,
        _ => Kind::Body,
    }
}

/// Paragraphs are matched on their opening words only: the lists hold short
/// lines and prefixes, and titles are shorter.
const KEY_CUT: usize = 200;

/// The two lines have the same key (working out whole keys only when the
/// starts kept agree).
fn same_key(lines: &Lines, a: &Line, b: &Line, text: &str) -> bool {
    let (ka, kb) = (lines.key_of(a), lines.key_of(b));
    if a.whole && b.whole {
        return ka == kb;
    }
    let m = ka.len().min(kb.len());
    if ka.as_bytes()[..m] != kb.as_bytes()[..m] {
        return false;
    }
    let whole = |l: &Line, k: &str| if l.whole { k.to_string() } else { key(prefix(&text[l.cs..l.ce], KEY_CUT)) };
    whole(a, ka) == whole(b, kb)
}

/// A paragraph printed twice in a row (with at most one blank line between)
/// is a photo caption; a repeated short title stays a title.
fn mark_duplicates(lines: &mut Lines, text: &str) {
    let mut prev: Option<usize> = None;
    let mut blanks = 0;
    for i in 0..lines.lines.len() {
        if lines.lines[i].kind == Kind::Blank {
            blanks += 1;
            continue;
        }
        if let Some(p) = prev {
            let (a, b) = (&lines.lines[p], &lines.lines[i]);
            let same = same_key(lines, a, b, text) && (b.words <= 18 || text[a.cs..a.ce] == text[b.cs..b.ce]);
            if blanks <= 1 && same {
                let long = |l: &Line| matches!(l.kind, Kind::Body | Kind::Ambig);
                if long(&lines.lines[p]) && long(&lines.lines[i]) {
                    lines.lines[p].kind = Kind::Caption;
                    lines.lines[i].kind = Kind::Caption;
                }
            }
        }
        prev = Some(i);
        blanks = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::articles::lexicon;

    fn kind(s: &str) -> Kind {
        split(s, lexicon::get()).lines[0].kind
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("مقالات ذات صلة"), Kind::Header);
        assert_eq!(kind("إقرأ أيضاً:"), Kind::InlineHeader);
        assert_eq!(kind("شاهد ايضاً: حرب روسيا وأوكرانيا: قائمة بالأحداث"), Kind::Link);
        assert_eq!(kind("TT"), Kind::Boiler);
        assert_eq!(kind("زر الذهاب إلى الأعلى"), Kind::Boiler);
        assert_eq!(kind("آخر تحديث: 2 يونيو 2025 - 17:16"), Kind::EndMarker);
        assert_eq!(kind("طباعة شارك سيرجي لافروف الأزمة"), Kind::EndMarker);
        assert_eq!(kind("الوفد الروسي في مفاوضات إسطنبول (أ.ف.ب)"), Kind::Caption);
        assert_eq!(kind("رنا أبتر (واشنطن)"), Kind::Byline);
        assert_eq!(kind("«الشرق الأوسط» (لندن - باريس)"), Kind::Byline);
        assert_eq!(kind("ترمب يلتقي بوتين في ألاسكا (فيديو)"), Kind::Title);
        assert_eq!(kind("رئيسيشؤون دولية"), Kind::Section);
        assert_eq!(kind("تقرير: ترمب سيلتقي زيلينسكي يوم الأحد في فلوريدا"), Kind::Title);
        assert_eq!(kind("روسيا ترى تقدماً «بطيئاً ولكنه ثابت» في محادثات السلام."), Kind::Body);
        assert_eq!(kind("  • خبر أول عن المفاوضات في إسطنبول"), Kind::Bullet);
        assert_eq!(kind("الردود الدولية:"), Kind::Short);
        assert_eq!(kind("واشنطن: علي بردى"), Kind::Byline);
        assert_eq!(kind("هل تنجح مفاوضات إسطنبول في وقف الحرب؟"), Kind::Title);
        assert_eq!(kind("أبوظبي - سكاي نيوز عربية"), Kind::Byline);
        assert_eq!(kind("لندن: «الشرق الأوسط»"), Kind::Byline);
        assert_eq!(kind("الجمعة 16 مايو 2025 - 10:30 م"), Kind::Date);
        assert_eq!(kind("منذ ساعتين"), Kind::Date);
        assert_eq!(kind("16 مايو 2025"), Kind::Date);
    }

    #[test]
    fn fast_word_count_agrees_with_splitting() {
        let alphabet: Vec<char> = "اأبةى١0a Z.,:\n\r\t\u{000B}\u{000C}\u{001F}\u{00A0}\u{2003}\u{200B}\u{200F}\u{064B}\u{0640}«»-–é中😀ـ۱\u{0670}".chars().collect();
        let mut seed: u64 = 0x0BAD_CAFE_1234_5678;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for round in 0..5000 {
            // Long lines now and then, past the words counted and the cut.
            let len = if round % 8 == 0 { rnd(400) } else { rnd(30) };
            let s: String = (0..len).map(|_| alphabet[rnd(alphabet.len())]).collect();
            assert_eq!(word_count(&s), s.split(is_space).filter(|w| w.chars().any(word_char)).count(), "{s:?}");
            for from in 0..=s.len() {
                assert_eq!(next_newline(s.as_bytes(), from), s.as_bytes()[from..].iter().position(|&x| x == b'\n').map(|k| from + k));
            }
            for (cut, most) in [(200, 18), (7, 2), (0, 0), (3, 1)] {
                let cut = prefix(&s, cut).len();
                let n = word_count(&s);
                let want = if n > most { key(&s[..cut]) } else { key(&s) };
                for need in [0, 5, 60, 1000] {
                    let mut buf = b"x".to_vec();
                    let (got_n, whole) = words_and_key(&s, cut, most, need, &mut buf);
                    let got_k = String::from_utf8(buf[1..].to_vec()).unwrap();
                    assert_eq!(got_n, n.min(most + 1), "{s:?} {cut} {most} {need}");
                    if whole {
                        assert_eq!(got_k, want, "{s:?} {cut} {most} {need}");
                    } else {
                        assert!(n > most && got_k.len() > need && want.starts_with(&got_k), "{s:?} {cut} {most} {need} {got_k:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn duplicate_paragraph_is_a_caption() {
        let s = "نص طويل يصف صورة الوفدين على الطاولة في القصر قبل بدء الجلسة الأولى من المحادثات.\nنص طويل يصف صورة الوفدين على الطاولة في القصر قبل بدء الجلسة الأولى من المحادثات.\n";
        let l = split(s, lexicon::get()).lines;
        assert_eq!(l[0].kind, Kind::Caption);
        assert_eq!(l[1].kind, Kind::Caption);
    }
}
