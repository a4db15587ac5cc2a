//! A page as lines, each given the part it plays: title, body paragraph,
//! caption, byline, section tag, boilerplate, related-stories heading.

use super::lexicon::{key, word_char, Lexicon};

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
    pub words: usize,
    pub key: String,
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

/// Split the text into lines at `\n` and classify each.
pub fn split(text: &str, lex: &Lexicon) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in text.split_inclusive('\n') {
        let start = pos;
        pos += piece.len();
        let body = piece.trim_start_matches(is_space);
        let cs = start + (piece.len() - body.len());
        let body = body.trim_end_matches(is_space);
        let ce = cs + body.len();
        let words = body.split(is_space).filter(|w| w.chars().any(word_char)).count();
        // Paragraphs are matched on their opening words only: the lists
        // hold short lines and prefixes, and titles are shorter.
        let k = if words > 18 { key(prefix(body, 200)) } else { key(body) };
        let colon = body.ends_with(':') || body.ends_with('：');
        let kind = classify(body, &k, words, lex);
        let continues = matches!(kind, Kind::Body | Kind::Ambig) && lex.continuation.starts(&k).is_some();
        out.push(Line { start, cs, ce, kind, words, key: k, colon, continues });
    }
    mark_duplicates(&mut out, text);
    out
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

fn word_count(s: &str) -> usize {
    s.split(is_space).filter(|w| w.chars().any(word_char)).count()
}

fn classify(raw: &str, k: &str, words: usize, lex: &Lexicon) -> Kind {
    if raw.is_empty() {
        return Kind::Blank;
    }
    if k.is_empty() {
        return Kind::Boiler;
    }
    if words <= 6 && lex.related_block.matches(k) {
        return Kind::Header;
    }
    if lex.related_inline.contains(k) {
        return Kind::InlineHeader;
    }
    if words >= 2 && lex.related_inline.starts(k).is_some() {
        // `شاهد أيضاً: عنوان`: the phrase, a colon or bar, then a headline.
        let head: String = raw.chars().take(24).collect();
        if head.contains(':') || head.contains('|') || head.contains('：') {
            return Kind::Link;
        }
    }
    if raw.starts_with('©') || (words <= 15 && raw.contains('©')) {
        return Kind::Boiler;
    }
    if lex.boiler.matches(k) {
        return Kind::Boiler;
    }
    if words <= 40 && lex.end_prefix.starts(k).is_some() {
        let head: String = raw.chars().take(30).collect();
        if head.contains(':') || words <= 8 || k.starts_with("طباعه") {
            return Kind::EndMarker;
        }
    }
    if words <= 25 && lex.boiler_prefix.starts(k).is_some() {
        return Kind::Boiler;
    }
    let first = raw.chars().next().unwrap_or(' ');
    if BULLETS.contains(&first) && raw[first.len_utf8()..].starts_with(is_space) {
        return Kind::Bullet;
    }
    if words <= 40 && lex.caption_prefix.starts(k).is_some() {
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
    if (words <= 4 || (words <= 7 && raw.contains(':'))) && lex.byline_prefix.starts(k).is_some() {
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

/// A paragraph printed twice in a row (with at most one blank line between)
/// is a photo caption; a repeated short title stays a title.
fn mark_duplicates(lines: &mut [Line], text: &str) {
    let mut prev: Option<usize> = None;
    let mut blanks = 0;
    for i in 0..lines.len() {
        if lines[i].kind == Kind::Blank {
            blanks += 1;
            continue;
        }
        if let Some(p) = prev {
            let (a, b) = (&lines[p], &lines[i]);
            let same = a.key == b.key && (b.words <= 18 || text[a.cs..a.ce] == text[b.cs..b.ce]);
            if blanks <= 1 && same {
                let long = |l: &Line| matches!(l.kind, Kind::Body | Kind::Ambig);
                if long(&lines[p]) && long(&lines[i]) {
                    lines[p].kind = Kind::Caption;
                    lines[i].kind = Kind::Caption;
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
        split(s, lexicon::get())[0].kind
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
    fn duplicate_paragraph_is_a_caption() {
        let s = "نص طويل يصف صورة الوفدين على الطاولة في القصر قبل بدء الجلسة الأولى من المحادثات.\nنص طويل يصف صورة الوفدين على الطاولة في القصر قبل بدء الجلسة الأولى من المحادثات.\n";
        let l = split(s, lexicon::get());
        assert_eq!(l[0].kind, Kind::Caption);
        assert_eq!(l[1].kind, Kind::Caption);
    }
}
