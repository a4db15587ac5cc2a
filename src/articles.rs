//! A page → its articles: title, body, captions, boilerplate, dateline and
//! publication date.
//!
//! A scraped page is read line by line ([`lines`]): each line is a title, a
//! body paragraph, a caption, a byline, a section tag, boilerplate or a
//! heading over related stories. A *unit* is a title followed (past captions,
//! section tags and a repeat of the title) by body text. The page starts with
//! its main story, which runs from offset 0. Inside it, subheadings are units
//! too, so a new article starts there only on strong evidence: the title is
//! printed twice around its photo (as sites print a story's head). Once a
//! heading over related stories (`مقالات ذات صلة`) or the main story's own
//! end matter (`كلمات دلالية`, `آخر تحديث`) has been seen, every unit that
//! follows a byline, a heading, end matter, a wide gap, a one-paragraph card
//! or a title seen before starts an article, from its first line (a section
//! tag or caption line above the title belongs to it). Lines under a heading
//! that never reach body text are a headline list, not an article. A page with
//! one article is one article from offset 0 to the end.

mod dateline;
mod lexicon;
mod lines;

use crate::calendar::Date;
use crate::model::{Article, Span};
use crate::published;
use lines::{Kind, Line, Lines};
use std::collections::{HashMap, HashSet};

/// One article inside a document (byte offsets).
#[derive(Debug, Clone)]
pub struct ArticleSeg {
    pub start: usize,
    pub end: usize,
    pub title: Span,
    pub published: Option<Date>,
    pub published_from: Option<&'static str>,
    pub dateline: Option<Span>,
    pub captions: Vec<Span>,
    pub boilerplate: Vec<Span>,
}

impl ArticleSeg {
    pub fn to_model(&self, text: &str) -> Article {
        Article {
            start: self.start,
            end: self.end,
            title: text[self.title.start..self.title.end].trim().to_string(),
            published: self.published.map(|d| d.iso()),
            published_from: self.published_from,
            dateline: self.dateline,
            captions: self.captions.clone(),
            boilerplate: self.boilerplate.clone(),
        }
    }
}

/// How far (in non-blank lines) a title looks for its body or its repeat.
const HEAD_REACH: usize = 10;
/// How many lines (blank ones included) that look may cross.
const HEAD_LINES: usize = 40;
/// The longest teaser of a related-story card, in words.
const CARD_WORDS: usize = 45;

/// An article being laid out: line indices.
#[derive(Debug, Clone)]
struct Plan {
    start: usize,
    end: usize,
    title: Option<usize>,
    /// Body paragraphs seen in it, and their words.
    bodies: usize,
    words: usize,
}

impl Plan {
    fn new(start: usize, end: usize, title: Option<usize>) -> Plan {
        Plan { start, end, title, bodies: 0, words: 0 }
    }

    /// Body line `l` (of page text `text`): only the first one's words
    /// matter (`is_card`), so only they are counted past 19.
    fn body(&mut self, l: &Line, text: &str) {
        self.words += if self.bodies == 0 { l.words_up_to_46(text) } else { l.words };
        self.bodies += 1;
    }

    /// A related-story card: a teaser of one short paragraph.
    fn is_card(&self) -> bool {
        self.bodies <= 1 && self.words <= CARD_WORDS
    }
}

/// What follows a title line: its head (captions, tags, a repeat of the
/// title, a byline or date) and then body text.
#[derive(Debug, Default)]
struct Unit {
    /// The same title is printed again before the body.
    repeated: bool,
    /// A byline or a date line sits under the title: a story, not a
    /// subheading.
    signed: bool,
    /// Body paragraphs in a row after the head (counted up to 3).
    bodies: usize,
    /// The first paragraph continues earlier text (`وأضاف …`).
    continues: bool,
}

struct Page<'a> {
    text: &'a str,
    lines: &'a [Line],
    /// The lines and their keys.
    split: &'a Lines,
    /// Blank lines just before each line.
    blanks_before: Vec<usize>,
    /// A gap this wide (in blank lines) separates stories.
    wide_gap: usize,
}

/// Lines a title's head may hold between the title and its body.
fn head_kind(k: Kind) -> bool {
    matches!(
        k,
        Kind::Caption | Kind::Section | Kind::Boiler | Kind::Short | Kind::EndMarker | Kind::Byline | Kind::Date
    )
}

impl<'a> Page<'a> {
    fn new(text: &'a str, split: &'a Lines) -> Page<'a> {
        let lines = &split.lines[..];
        let mut blanks_before = Vec::with_capacity(lines.len());
        let mut run = 0;
        // How paragraphs of running text are usually spaced.
        let mut gaps = [0usize; 4];
        let mut prev_body = false;
        for l in lines {
            blanks_before.push(run);
            if l.kind == Kind::Blank {
                run += 1;
                continue;
            }
            let body = l.kind == Kind::Body;
            if body && prev_body {
                gaps[run.min(3)] += 1;
            }
            prev_body = body;
            run = 0;
        }
        let typical = (0..4).max_by_key(|&g| (gaps[g], std::cmp::Reverse(g))).unwrap_or(1);
        let wide_gap = if typical >= 3 { usize::MAX } else { (typical + 1).max(2) };
        Page { text, lines, split, blanks_before, wide_gap }
    }

    /// The key of line `i`.
    fn key(&self, i: usize) -> &'a str {
        self.split.key_of(&self.lines[i])
    }

    fn kind(&self, i: usize) -> Kind {
        self.lines[i].kind
    }

    /// Title line `i` followed by body text: the unit, or None.
    fn unit(&self, i: usize) -> Option<Unit> {
        let key = self.key(i);
        let mut u = Unit::default();
        let mut seen = 0;
        let mut body_at = None;
        for j in (i + 1..self.lines.len()).take(HEAD_LINES) {
            let l = &self.lines[j];
            match l.kind {
                Kind::Blank => continue,
                Kind::Byline | Kind::Date => u.signed = true,
                Kind::EndMarker => u.signed |= l.words <= 12,
                k if head_kind(k) => {}
                Kind::Title | Kind::Ambig if self.split.key_of(l) == key => u.repeated = true,
                Kind::Body => {
                    body_at = Some(j);
                    break;
                }
                // A long headline-like line is body text only when running
                // text or a byline follows it, not in a list of headlines.
                Kind::Ambig if self.ambig_is_body(j) => {
                    body_at = Some(j);
                    break;
                }
                _ => return None,
            }
            seen += 1;
            if seen >= HEAD_REACH {
                return None;
            }
        }
        let b = body_at?;
        u.continues = self.lines[b].continues;
        for l in self.lines[b..].iter().take(HEAD_LINES) {
            match l.kind {
                Kind::Blank | Kind::Caption => {}
                Kind::Body | Kind::Ambig => {
                    u.bodies += 1;
                    if u.bodies >= 3 {
                        break;
                    }
                }
                _ => break,
            }
        }
        Some(u)
    }

    /// Whether the long title-like line `j` is running text: what comes
    /// after it (past more such lines) is body text, a byline or end matter.
    fn ambig_is_body(&self, j: usize) -> bool {
        let mut seen = 0;
        for l in self.lines[j + 1..].iter().take(HEAD_LINES) {
            match l.kind {
                Kind::Blank => continue,
                Kind::Ambig | Kind::Caption => {}
                Kind::Body | Kind::Byline | Kind::EndMarker => return true,
                _ => return false,
            }
            seen += 1;
            if seen >= 4 {
                break;
            }
        }
        false
    }

    /// Title line `i` repeats a title just above it, in the same head.
    fn is_repeat(&self, i: usize, floor: usize) -> bool {
        let key = self.key(i);
        let mut seen = 0;
        for j in (floor..i).rev().take(HEAD_LINES) {
            let l = &self.lines[j];
            match l.kind {
                Kind::Blank => continue,
                Kind::Title | Kind::Ambig if self.split.key_of(l) == key => return true,
                Kind::Body | Kind::Header | Kind::InlineHeader | Kind::Bullet => return false,
                _ => {}
            }
            seen += 1;
            if seen >= HEAD_REACH {
                break;
            }
        }
        false
    }

    /// First line of the head of the unit titled at line `i`: section tags
    /// and captions just above the title belong to it.
    fn head_start(&self, i: usize, floor: usize) -> usize {
        let mut k = i;
        let mut seen = 0;
        let mut j = i;
        while j > floor && seen < HEAD_REACH && i - j < HEAD_LINES {
            j -= 1;
            match self.kind(j) {
                Kind::Blank => {
                    if self.blanks_before[j + 1] >= self.wide_gap {
                        break;
                    }
                    continue;
                }
                Kind::Caption | Kind::Section => k = j,
                Kind::Boiler => {}
                _ => break,
            }
            seen += 1;
        }
        k
    }

    /// The last non-blank line before line `i`.
    fn prev_content(&self, i: usize) -> Option<usize> {
        (0..i).rev().take(HEAD_LINES).find(|&j| self.kind(j) != Kind::Blank)
    }

    /// The next line after `i` that is neither blank nor page furniture.
    fn next_content(&self, i: usize) -> Option<Kind> {
        self.lines[i + 1..]
            .iter()
            .take(HEAD_LINES)
            .map(|l| l.kind)
            .find(|&k| !matches!(k, Kind::Blank | Kind::Boiler | Kind::EndMarker | Kind::Date | Kind::Byline))
    }

    /// Title of the page's first story: the title nearest above its first
    /// paragraph, or that title's first printing when the head repeats it,
    /// or the title above a one-line deck; none when the page opens with
    /// running text. Titles further up in a run of three or more are a
    /// headline list, not this story's.
    fn first_title(&self, from: usize) -> Option<usize> {
        let b = from + self.lines[from..].iter().position(|l| matches!(l.kind, Kind::Body | Kind::Ambig))?;
        let mut nearest = None;
        let mut same = None;
        let mut above = Vec::new();
        let mut seen = 0;
        for j in (from..b).rev() {
            match self.kind(j) {
                Kind::Blank => continue,
                Kind::Title | Kind::Ambig => match nearest {
                    None => nearest = Some(j),
                    Some(t) if self.key(t) == self.key(j) => same = Some(j),
                    Some(_) => above.push(j),
                },
                k if head_kind(k) => {}
                _ => break,
            }
            seen += 1;
            if seen >= HEAD_REACH {
                break;
            }
        }
        same.or(if above.len() == 1 { above.first().copied() } else { nearest })
    }
}

/// The articles of a page, as line ranges.
fn plan(page: &Page) -> Vec<Plan> {
    let lines = page.lines;
    let n = lines.len();
    let mut done: Vec<Plan> = Vec::new();
    let mut cur: Option<Plan> = Some(Plan::new(0, n, page.first_title(0)));
    // Whether the open article's end matter was seen.
    let mut ended = false;
    // Past a heading over related stories (and whether we were before it).
    let mut zone = false;
    let mut zone_before = false;
    // Lines before `floor` belong to an earlier article or heading.
    let mut floor = 0;
    // Titles right under an inline "see also" are links until body text.
    let mut links = false;
    let mut titles: HashSet<&str> = HashSet::new();

    for i in 0..n {
        let l = &lines[i];
        match l.kind {
            Kind::Header | Kind::InlineHeader => {
                let bodies = cur.as_ref().map_or(0, |c| c.bodies);
                let opens = l.kind == Kind::Header || cur.is_none() || ended || page.blanks_before[i] >= page.wide_gap;
                if opens {
                    if let Some(mut c) = cur.take() {
                        c.end = i;
                        done.push(c);
                    }
                    if cur.is_none() && bodies > 0 {
                        zone_before = zone;
                    }
                    zone = true;
                    floor = i + 1;
                    links = false;
                } else {
                    links = true;
                }
            }
            Kind::EndMarker => {
                // End matter closes the article unless its text goes on.
                if cur.as_ref().is_some_and(|c| c.bodies > 0)
                    && !matches!(page.next_content(i), Some(Kind::Body | Kind::Ambig | Kind::Caption))
                {
                    ended = true;
                }
            }
            Kind::Body => {
                links = false;
                match cur.as_mut() {
                    Some(c) => c.body(l, page.text),
                    // Running text under a heading with no title of its own:
                    // the heading sat inside the previous article.
                    None => {
                        if let Some(mut c) = done.pop() {
                            c.end = n;
                            c.body(l, page.text);
                            cur = Some(c);
                            zone = zone_before;
                            floor = i;
                        }
                    }
                }
            }
            Kind::Title | Kind::Ambig => {
                let unit = if links || l.words < 3 { None } else { page.unit(i) };
                // A paragraph that goes on from earlier text (`وأضاف …`) under
                // a bare title: the title was a subheading or a link.
                let unit = unit.filter(|u| !u.continues || u.repeated || u.signed);
                let unit = match unit {
                    Some(u) if !page.is_repeat(i, floor) => u,
                    Some(_) => continue,
                    None => {
                        if l.kind == Kind::Ambig && !links {
                            if let Some(c) = cur.as_mut() {
                                c.body(l, page.text);
                            }
                        }
                        continue;
                    }
                };
                let head = page.head_start(i, floor);
                let prior = page.prev_content(head).map(|j| page.kind(j));
                let after_list = matches!(prior, Some(Kind::Title | Kind::Ambig | Kind::Bullet | Kind::Link));
                let strong = unit.repeated
                    || unit.signed
                    || titles.contains(page.key(i))
                    || matches!(prior, Some(Kind::Header | Kind::InlineHeader | Kind::Byline | Kind::EndMarker))
                    || page.blanks_before[head] >= page.wide_gap;
                let split = match &cur {
                    // Under a heading: a story, unless this is the last line
                    // of a headline list running into more text (a footer,
                    // or the story the list was set into).
                    None => !after_list || unit.repeated || unit.signed,
                    Some(c) if c.bodies == 0 => false,
                    Some(c) if zone || ended => {
                        !l.colon && (strong || (l.kind == Kind::Title && c.is_card() && !after_list))
                    }
                    Some(c) => {
                        c.bodies >= 2 && (unit.repeated || unit.signed)
                    }
                };
                if split {
                    if let Some(mut c) = cur.take() {
                        c.end = head;
                        done.push(c);
                    }
                    cur = Some(Plan::new(head, n, Some(i)));
                    titles.insert(page.key(i));
                    zone = true;
                    zone_before = true;
                    ended = false;
                    floor = head;
                } else if l.kind == Kind::Ambig {
                    if let Some(c) = cur.as_mut() {
                        c.body(l, page.text);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(c) = cur.take() {
        done.push(c);
    }
    // A stretch with no running text (a menu, a headline list) is no article.
    done.retain(|p| p.start < p.end && p.bodies > 0);
    if done.len() <= 1 {
        let title = done.first().and_then(|p| p.title).or_else(|| page.first_title(0));
        return vec![Plan { start: 0, end: n, title, bodies: 1, words: 0 }];
    }
    done[0].start = 0;
    done
}

/// Split a document into articles.
pub fn segment(text: &str, given: Option<Date>) -> Vec<ArticleSeg> {
    let lex = lexicon::get();
    let split = lines::split(text, lex);
    let lines = &split.lines;
    if lines.is_empty() {
        let (published, from) = date_of(&published::Page::new(text), 0, 0, given);
        return vec![ArticleSeg {
            start: 0,
            end: 0,
            title: Span { start: 0, end: 0 },
            published,
            published_from: from,
            dateline: None,
            captions: Vec::new(),
            boilerplate: Vec::new(),
        }];
    }
    let page = Page::new(text, &split);
    let plans = plan(&page);
    let single = plans.len() == 1;
    let scanned = published::Page::new(text);
    let mut out: Vec<ArticleSeg> = plans
        .iter()
        .map(|p| {
            let (start, end) = if single { (0, text.len()) } else { (lines[p.start].start, line_end(&lines, p.end, text)) };
            let title = p.title.map_or(Span { start, end: start }, |t| Span { start: lines[t].cs, end: lines[t].ce });
            let mut captions = Vec::new();
            let mut boilerplate = Vec::new();
            let mut dl = None;
            let mut first_body = true;
            for l in &lines[p.start..p.end] {
                let span = Span { start: l.cs, end: l.ce };
                match l.kind {
                    Kind::Byline if first_body && dl.is_none() && lines::is_dateline_line(&text[l.cs..l.ce], lex) => {
                        dl = Some(span);
                    }
                    Kind::Caption | Kind::Byline => captions.push(span),
                    Kind::Boiler | Kind::EndMarker | Kind::Header | Kind::InlineHeader | Kind::Link | Kind::Section => {
                        boilerplate.push(span)
                    }
                    Kind::Body | Kind::Ambig if first_body && Some(l.cs) != p.title.map(|t| lines[t].cs) => {
                        first_body = false;
                        if dl.is_none() {
                            dl = dateline::find(text, l.cs, l.ce, lex);
                        }
                    }
                    _ => {}
                }
            }
            let (published, from) = date_of(&scanned, start, end, given);
            ArticleSeg { start, end, title, published, published_from: from, dateline: dl, captions, boilerplate }
        })
        .collect();
    share_dates(&mut out, text);
    out
}

/// Byte offset where line `i` starts (the text's end past the last line).
fn line_end(lines: &[Line], i: usize, text: &str) -> usize {
    lines.get(i).map_or(text.len(), |l| l.start)
}

/// The article's own date, else the date given for the document.
fn date_of(page: &published::Page, start: usize, end: usize, given: Option<Date>) -> (Option<Date>, Option<&'static str>) {
    match published::detect_on(page, start, end, given) {
        (Some(d), from) => (Some(d), from.or(Some("inferred"))),
        (None, _) => match given {
            Some(d) => (Some(d), Some("given")),
            None => (None, None),
        },
    }
}

/// How much a date source is worth: said in the text, inferred, given.
fn rank(from: Option<&str>, date: Option<Date>) -> u8 {
    match (date, from) {
        (None, _) => 0,
        (Some(_), Some("text")) => 3,
        (Some(_), Some("given")) => 1,
        (Some(_), _) => 2,
    }
}

/// A related-story card and the full story under the same title are one
/// article: both take the better-founded date (the longer text on a tie).
fn share_dates(arts: &mut [ArticleSeg], text: &str) {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in arts.iter().enumerate() {
        let k = lexicon::key(&text[a.title.start..a.title.end]);
        if !k.is_empty() {
            groups.entry(k).or_default().push(i);
        }
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let best = members
            .iter()
            .copied()
            .max_by_key(|&i| (rank(arts[i].published_from, arts[i].published), arts[i].end - arts[i].start))
            .unwrap_or(members[0]);
        let (date, from) = (arts[best].published, arts[best].published_from);
        if date.is_none() {
            continue;
        }
        let r = rank(from, date);
        for &i in members {
            if rank(arts[i].published_from, arts[i].published) < r || arts[i].published.is_none() {
                arts[i].published = date;
                arts[i].published_from = from;
            } else if arts[i].published != date && rank(arts[i].published_from, arts[i].published) == r {
                arts[i].published = date;
                arts[i].published_from = from;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(start: usize, end: usize, title: Span, date: Option<&str>, from: Option<&'static str>) -> ArticleSeg {
        ArticleSeg {
            start,
            end,
            title,
            published: date.and_then(Date::parse_iso),
            published_from: from,
            dateline: None,
            captions: Vec::new(),
            boilerplate: Vec::new(),
        }
    }

    #[test]
    fn card_and_full_story_share_the_better_date() {
        let text = "عنوان القصة الأولى\nعنوان آخر\nعنوان القصة الأولى\n";
        let t1 = Span { start: 0, end: text.find('\n').unwrap() };
        let other = Span { start: t1.end + 1, end: text[t1.end + 1..].find('\n').unwrap() + t1.end + 1 };
        let t2 = Span { start: text.rfind("عنوان القصة").unwrap(), end: text.len() - 1 };
        // The card has no date, the full story one inferred: both take it.
        let mut arts = vec![
            seg(0, 10, t1, None, None),
            seg(10, 20, other, Some("2025-01-02"), Some("inferred")),
            seg(20, 90, t2, Some("2025-12-26"), Some("inferred")),
        ];
        share_dates(&mut arts, text);
        assert_eq!(arts[0].published.map(|d| d.iso()).as_deref(), Some("2025-12-26"));
        assert_eq!(arts[0].published_from, Some("inferred"));
        assert_eq!(arts[1].published.map(|d| d.iso()).as_deref(), Some("2025-01-02"));
        // A date said in the text beats an inferred one, and a given one.
        let mut arts = vec![
            seg(0, 10, t1, Some("2025-12-25"), Some("text")),
            seg(20, 90, t2, Some("2025-12-26"), Some("inferred")),
        ];
        share_dates(&mut arts, text);
        assert_eq!(arts[1].published.map(|d| d.iso()).as_deref(), Some("2025-12-25"));
        let mut arts = vec![
            seg(0, 10, t1, Some("2025-12-24"), Some("inferred")),
            seg(20, 90, t2, Some("2025-01-01"), Some("given")),
        ];
        share_dates(&mut arts, text);
        assert_eq!(arts[1].published.map(|d| d.iso()).as_deref(), Some("2025-12-24"));
    }

    /// `KHABAR_DUMP=file cargo test dump_lines -- --ignored --nocapture`
    /// prints each line's kind: a tool for reading a new site's pages.
    #[test]
    #[ignore]
    fn dump_lines() {
        let Ok(path) = std::env::var("KHABAR_DUMP") else { return };
        let text = std::fs::read_to_string(path).unwrap();
        for (i, l) in lines::split(&text, lexicon::get()).lines.iter().enumerate() {
            if l.kind != Kind::Blank {
                let s: String = text[l.cs..l.ce].chars().take(70).collect();
                let words = lines::word_count(&text[l.cs..l.ce]);
                println!("{:>4} {:<12} {:>3} {}", i + 1, format!("{:?}", l.kind), words, s);
            }
        }
    }
}
