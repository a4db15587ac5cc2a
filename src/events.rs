//! Dated happenings merged into one timeline across sources.
//!
//! A sentence that carries a resolved date and an event word (talks, meeting,
//! attack, statement … from `data/event_triggers.tsv`) is an event: its date
//! is the date the sentence names, its place the place it happens *in* (a
//! place mention after في or with the ب proclitic), its participants the
//! people and organisations in it. The same happening told by several
//! sources (same date and class, sharing a participant or the place) becomes
//! one item with every source's evidence.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::calendar::Date;
use crate::claims::Claims;
use crate::model::{
    Disagreement, Entity, Evidence, Figure, Mention, Quantity, Quote, SourceSays, Time,
    TimelineItem,
};
use crate::normalize::normalize;
use crate::tokenize::{sentences, stems, tokenize_into, Tokens};
use crate::DocText;

struct Trigger {
    class: &'static str,
    label: &'static str,
    planned: bool,
}

/// Trigger words: exact normalised stems, prefixes (forms ending in `*`),
/// and multi-word phrases (matched on the sentence's words in order).
struct Triggers {
    exact: HashMap<String, usize>,
    prefixes: HashMap<String, usize>,
    /// The most characters in a listed prefix.
    longest_prefix: usize,
    phrases: Vec<(Vec<String>, usize)>,
    /// Every word of a phrase: a word that is none of these starts no
    /// phrase match, so its readings need not be kept.
    phrase_words: crate::gazetteer::HashSet<String>,
    list: Vec<Trigger>,
    /// The class of dated photo captions.
    caption: usize,
}

fn triggers() -> &'static Triggers {
    static T: OnceLock<Triggers> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Triggers {
            exact: HashMap::new(),
            prefixes: HashMap::new(),
            longest_prefix: 0,
            phrases: Vec::new(),
            phrase_words: Default::default(),
            list: Vec::new(),
            caption: 0,
        };
        for line in data_file!("event_triggers.tsv").lines() {
            let cols: Vec<&'static str> = line.split('\t').collect();
            if line.starts_with('#') || cols.len() != 4 {
                continue;
            }
            let k = t.list.len();
            if cols[0] == "caption" {
                t.caption = k;
            }
            t.list.push(Trigger {
                class: cols[0],
                label: cols[1],
                planned: cols[2] == "yes",
            });
            for form in cols[3].split('|').filter(|f| !f.is_empty()) {
                if form.contains(' ') {
                    let words: Vec<String> = form.split(' ').map(normalize).collect();
                    t.phrase_words.extend(words.iter().cloned());
                    t.phrases.push((words, k));
                    continue;
                }
                match form.strip_suffix('*') {
                    Some(p) => {
                        let p = normalize(p);
                        t.longest_prefix = t.longest_prefix.max(p.chars().count());
                        t.prefixes.entry(p).or_insert(k);
                    }
                    None => {
                        t.exact.entry(normalize(form)).or_insert(k);
                    }
                }
            }
        }
        t
    })
}

impl Triggers {
    /// The triggers among a sentence's words: single words and phrases.
    fn in_words(&self, words: &[&str], seen: &mut SeenWords) -> Vec<usize> {
        // What each distinct word is, worked out once per run: a word's
        // readings (its proclitics stripped) cost allocations, and most
        // words of a text come back many times.
        let info: Vec<(Option<usize>, bool)> = words
            .iter()
            .map(|w| match seen.get(*w) {
                Some(&i) => i,
                None => {
                    let r = stems(w);
                    let i = (self.of(&r), r.iter().any(|(_, s)| self.phrase_words.contains(s)));
                    seen.insert(w.to_string(), i);
                    i
                }
            })
            .collect();
        // Phrases first: `مؤتمر صحافي` is a press conference before
        // `مؤتمر` alone is a summit.
        let mut out: Vec<usize> = Vec::new();
        if info.iter().any(|i| i.1) {
            let readings: Vec<Vec<(usize, String)>> =
                words.iter().zip(&info).map(|(w, i)| if i.1 { stems(w) } else { Vec::new() }).collect();
            for (phrase, k) in &self.phrases {
                if readings.windows(phrase.len()).any(|w| w.iter().zip(phrase).all(|(r, b)| r.iter().any(|(_, s)| s == b))) {
                    out.push(*k);
                }
            }
        }
        out.extend(info.iter().filter_map(|i| i.0));
        out
    }

    /// The trigger a word is, given its readings: an exact stem, else the
    /// longest listed prefix of a stem. The list holds bare forms, so a
    /// stem is also read without the article (`المفاوضات`, `الغزو`), and
    /// an exact form also with the accusative alef (`اجتماعاً`).
    fn of(&self, readings: &[(usize, String)]) -> Option<usize> {
        let bare = readings
            .iter()
            .filter_map(|(_, s)| s.strip_prefix("ال").filter(|r| r.chars().count() >= 3));
        for stem in readings.iter().map(|(_, s)| s.as_str()).chain(bare) {
            if let Some(&k) = self.exact.get(stem) {
                return Some(k);
            }
            if let Some(&k) = stem.strip_suffix('ا').and_then(|s| self.exact.get(s)) {
                return Some(k);
            }
            let cut = stem
                .char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .chain([stem.len()]);
            let longest = cut
                .take(self.longest_prefix)
                .filter_map(|i| self.prefixes.get(&stem[..i]))
                .last();
            if let Some(&k) = longest {
                return Some(k);
            }
        }
        None
    }
}

/// Is `date` (ISO at any granularity, or a range `a/b`) wholly after or
/// wholly before the day `published`? Compared at the date's own
/// granularity, so `2025-06` is neither on 2 June 2025.
fn future_past(date: &str, published: Option<Date>) -> (bool, bool) {
    let Some(p) = published.map(|p| p.iso()) else { return (false, false) };
    let first = date.split('/').next().unwrap_or(date);
    let last = date.rsplit('/').next().unwrap_or(date);
    let cut = |d: &str| &p[..d.len().min(p.len())];
    (first > cut(first), last < cut(last))
}

/// Bit of event class `k` in a class set.
fn bit(k: usize) -> u64 {
    if k < 64 {
        1 << k
    } else {
        0
    }
}

/// One event as found in one sentence of one document.
struct Found {
    /// ISO date; empty for an undated report (its sentence names a day the
    /// text cannot fix, `يوم الجمعة` with no publication date), which only
    /// joins a dated item of another source (`merge`).
    date: String,
    class: usize,
    /// Every event class the sentence names (statements and plans left
    /// out), as bits: an undated report may match an item of any of them.
    classes: u64,
    /// The weekday an undated report's sentence names, if any.
    weekday: Option<u32>,
    planned: bool,
    /// Dated more than a week before the article: told as background
    /// (`وكان الجانبان قد …`), not as the news.
    background: bool,
    place: Option<String>,
    participants: Vec<String>,
    evidence: Evidence,
    /// The quantities and quotes of the sentence that reports it.
    quantities: Vec<Quantity>,
    quotes: Vec<Quote>,
}

pub fn timeline(
    docs: &[DocText],
    mentions: &[Vec<Mention>],
    entities: &[Entity],
    times: &[Vec<Time>],
    claims: &[Claims],
) -> Vec<TimelineItem> {
    let t = triggers();
    let mut found = Vec::new();
    let mut seen = SeenWords::default();
    let mut buf = Tokens::default();
    for (((doc, mentions), times), claims) in docs.iter().zip(mentions).zip(times).zip(claims) {
        find_in_doc(t, doc, (mentions, times, claims), (&mut seen, &mut buf), &mut found);
    }
    merge(t, found, entities)
}

/// What a sentence's event words say: the class of the happening it
/// reports, every class it names, whether it speaks of a plan, and its
/// attack word if any (a bare year goes with that: `غزو 2022`).
#[derive(Default)]
struct Words {
    class: Option<usize>,
    classes: u64,
    planned: bool,
    attack: Option<usize>,
}

/// The trigger (if any) of each word met so far, and whether it is a word
/// of a phrase trigger.
type SeenWords = crate::gazetteer::HashMap<String, (Option<usize>, bool)>;

fn sentence_words(t: &Triggers, text: &str, (s, e): (usize, usize), seen: &mut SeenWords, buf: &mut Tokens) -> Words {
    tokenize_into(text, s, e, buf);
    let words: Vec<&str> = buf.toks.iter().filter(|w| w.is_word()).map(|w| buf.norm_of(w)).collect();
    let mut w = Words::default();
    for k in t.in_words(&words, seen) {
        let class = t.list[k].class;
        if t.list[k].planned {
            w.planned = true;
            continue;
        }
        if class != "statement" {
            w.classes |= bit(k);
        }
        if class == "attack" && w.attack.is_none() {
            w.attack = Some(k);
        }
        if w.class.is_none_or(|c| t.list[c].class == "statement") {
            // A more specific class wins over a bare statement.
            w.class = Some(k);
        }
    }
    w
}

fn find_in_doc(
    t: &Triggers,
    doc: &DocText,
    (mentions, times, claims): (&[Mention], &[Time], &Claims),
    (seen, buf): (&mut SeenWords, &mut Tokens),
    out: &mut Vec<Found>,
) {
    let mut ti = 0; // times and mentions are sorted: walk them with the sentences
    let mut mi = 0;
    let (mut qi, mut ui) = (0, 0); // quantities and quotes, sorted by start too
    for art in &doc.articles {
        // Captions and boilerplate are not reports of events... except a
        // caption with a date (a photo of the event), which is kept.
        let skip = |s: usize, e: usize| art.boilerplate.iter().any(|b| b.start <= s && e <= b.end);
        // Figures and quotes in sentences that name no date belong to a
        // happening the article has told (see `Carry`).
        let mut carry = Carry::default();
        let mut prev_end = art.start;
        for (s, e) in sentences(doc.text, art.start, art.end) {
            if doc.text[prev_end..s].contains('\n') {
                carry.last = None;
            }
            prev_end = e;
            while ti < times.len() && times[ti].start < s {
                ti += 1;
            }
            while qi < claims.quantities.len() && claims.quantities[qi].start < s {
                qi += 1;
            }
            while ui < claims.quotes.len() && claims.quotes[ui].start < s {
                ui += 1;
            }
            let quantities: Vec<Quantity> = claims.quantities[qi..]
                .iter()
                .take_while(|q| q.start < e)
                .filter(|q| q.end <= e)
                .cloned()
                .collect();
            let quotes: Vec<Quote> = claims.quotes[ui..]
                .iter()
                .take_while(|q| q.start < e)
                .filter(|q| q.end <= e)
                .cloned()
                .collect();
            let found_before = out.len();
            let here = || times[ti..].iter().take_while(|x| x.end <= e);
            let dated: Vec<&Time> = here().filter(|x| x.value.is_some()).collect();
            let undated = here().find(|x| x.value.is_none());
            let report = (!dated.is_empty() || undated.is_some()) && !skip(s, e);
            let has_claims = !quantities.is_empty() || !quotes.is_empty();
            if !report && !has_claims {
                continue;
            }
            // A sentence that reports nothing needs its trigger words only
            // to send its claims to a happening of the same kind.
            let words = if report || !carry.by_class.is_empty() { sentence_words(t, doc.text, (s, e), seen, buf) } else { Words::default() };
            if report {
                event_in_sentence(
                    t,
                    doc,
                    art,
                    (s, e),
                    (&dated, undated),
                    &words,
                    mentions,
                    &mut mi,
                    (&quantities, &quotes),
                    out,
                );
            }
            carry.sentence(out, found_before, words.classes, quantities, quotes);
        }
    }
}

/// Claims waiting for, or carried over to, an event of the same article: a
/// sentence that names no date tells more of the latest happening of its
/// own kind (its figures of dead go to the attack, not to the talks told
/// since), else of the happening the sentence before it in the paragraph
/// told of, else of the latest happening told, background left aside.
/// Planned happenings take no claims from later sentences: nothing is
/// counted of them yet.
#[derive(Default)]
struct Carry {
    /// The last event the article told (not planned), and the last that is
    /// not background (`Found::background`).
    current: Option<usize>,
    news: Option<usize>,
    /// The event the claims of the paragraph's last sentence went to.
    last: Option<usize>,
    /// The last such event of each class, background and news apart:
    /// (class, background, index in `out`).
    by_class: Vec<(usize, bool, usize)>,
    /// Claims of the sentences before the article's first event.
    pending: Vec<(Vec<Quantity>, Vec<Quote>)>,
}

impl Carry {
    /// Sentences before an article's first event whose claims go to it.
    const BEFORE: usize = 2;

    fn sentence(
        &mut self,
        out: &mut [Found],
        found_before: usize,
        classes: u64,
        quantities: Vec<Quantity>,
        quotes: Vec<Quote>,
    ) {
        if out.len() > found_before {
            // This sentence reported events (its own claims are on them).
            let first = (found_before..out.len()).find(|&i| !out[i].planned).unwrap_or(found_before);
            for (q, u) in self.pending.drain(..) {
                out[first].quantities.extend(q);
                out[first].quotes.extend(u);
            }
            self.last = None;
            for (i, f) in out.iter().enumerate().skip(found_before) {
                if f.planned {
                    continue;
                }
                self.current = Some(i);
                self.last = Some(i);
                if !f.background {
                    self.news = Some(i);
                }
                match self.by_class.iter_mut().find(|(c, b, _)| *c == f.class && *b == f.background) {
                    Some(slot) => slot.2 = i,
                    None => self.by_class.push((f.class, f.background, i)),
                }
            }
            return;
        }
        if quantities.is_empty() && quotes.is_empty() {
            return;
        }
        // The news before background of the same kind.
        let same_kind = self.by_class.iter().filter(|(c, _, _)| classes & bit(*c) != 0).map(|&(_, b, i)| (!b, i)).max();
        let same_kind = same_kind.map(|(_, i)| i);
        match same_kind.or(self.last).or(self.news).or(self.current) {
            Some(i) => {
                self.last = Some(i);
                out[i].quantities.extend(quantities);
                out[i].quotes.extend(quotes);
            }
            None => {
                self.pending.push((quantities, quotes));
                if self.pending.len() > Self::BEFORE {
                    self.pending.remove(0);
                }
            }
        }
    }
}

/// The weekday an unresolved time names (`يوم الجمعة`, `اليوم الخميس`).
fn weekday_of(text: &str, time: &Time) -> Option<u32> {
    use crate::times::Val;
    let exprs = crate::times::scan::scan(text, time.start, time.end);
    match exprs.first().map(|x| &x.val) {
        Some(Val::Weekday { wd, .. }) => Some(*wd),
        Some(Val::RelDay { wd, .. }) => *wd,
        _ => None,
    }
}

/// The events one sentence reports: one per date it names, or one undated
/// report when it names only days the text cannot fix.
#[allow(clippy::too_many_arguments)]
fn event_in_sentence(
    t: &Triggers,
    doc: &DocText,
    art: &crate::articles::ArticleSeg,
    (s, e): (usize, usize),
    (dated, undated): (&[&Time], Option<&Time>),
    words: &Words,
    mentions: &[Mention],
    mi: &mut usize,
    (quantities, quotes): (&[Quantity], &[Quote]),
    out: &mut Vec<Found>,
) {
    while *mi < mentions.len() && mentions[*mi].start < s {
        *mi += 1;
    }
    let here: Vec<&Mention> = mentions[*mi..].iter().take_while(|m| m.end <= e).collect();
    // A dated photo caption is an event in itself: who was where, when.
    let in_caption = art.captions.iter().any(|c| c.start <= s && e <= c.end);
    let class = match words.class {
        Some(c) if !in_caption || t.list[c].class != "statement" => c,
        _ if in_caption => t.caption,
        _ => return,
    };
    let place = here
        .iter()
        .find(|m| m.kind == "place" && is_located(doc.text, m))
        .map(|m| m.entity.clone());
    let mut participants: Vec<String> = Vec::new();
    // Not who reports it: the dateline's outlet (`(واج)`), a known agency
    // or newspaper, or the sentence's source (`بحسب المنظمة الدولية للهجرة`).
    let g = crate::gazetteer::get();
    let in_dateline = |m: &Mention| art.dateline.as_ref().is_some_and(|d| d.start <= m.start && m.end <= d.end);
    let media = |m: &Mention| g.id_index(&m.entity).is_some_and(|e| g.entry(e).media);
    let source = |m: &Mention| quotes.iter().any(|q| q.attribution == Some("source") && q.speaker.as_deref() == Some(m.entity.as_str()));
    for m in here.iter().filter(|m| (m.kind == "person" || m.kind == "org") && !in_dateline(m) && !media(m) && !source(m)) {
        if !participants.contains(&m.entity) {
            participants.push(m.entity.clone());
        }
    }
    let evidence = |time: &Time| {
        let (es, ee) = clip(doc.text, s, e, time.start, time.end);
        Evidence { file: doc.name.to_string(), start: es, end: ee, text: doc.text[es..ee].to_string() }
    };
    let before = out.len();
    let week_before = art.published.map(|p| p.add_days(-7));
    let several = dated.iter().any(|x| x.value.as_ref().is_some_and(|v| v.len() > 4));
    for time in dated {
        let value = time.value.clone().unwrap_or_default();
        // Year-only references ("the war since 2022") are background, unless
        // the sentence names an attack or an invasion: the year is its date.
        // Its figures then belong to the sentence's other dates.
        let (class, claims) = if value.len() == 4 && t.list[class].class != "attack" {
            match words.attack {
                Some(a) => (a, !several),
                None => continue,
            }
        } else {
            (class, true)
        };
        let date = value.split('T').next().unwrap_or(&value).to_string();
        let (future, past) = future_past(&date, art.published);
        let (_, background) = future_past(&date, week_before);
        out.push(Found {
            date,
            class,
            classes: words.classes,
            weekday: None,
            planned: future || (words.planned && !past),
            background,
            place: place.clone(),
            participants: participants.clone(),
            evidence: evidence(time),
            quantities: if claims { quantities.to_vec() } else { Vec::new() },
            quotes: if claims { quotes.to_vec() } else { Vec::new() },
        });
    }
    // Claims of a sentence that tells of news and of background (`… which
    // hosted talks in March 2022 … they agreed to swap 1,000 each`) are the
    // news's: when the publication date does not tell them apart (none,
    // or all weeks old), the latest happening the sentence tells of.
    let latest = out[before..].iter().filter(|f| !f.planned).map(|f| f.date.clone()).max();
    let any_news = out[before..].iter().any(|f| !f.planned && !f.background && art.published.is_some());
    let news = |f: &Found| !f.planned && if any_news { !f.background } else { Some(&f.date) == latest.as_ref() };
    if out[before..].iter().any(news) {
        for f in out[before..].iter_mut().filter(|f| !news(f)) {
            f.quantities.clear();
            f.quotes.clear();
        }
    }
    // A sentence that names only days the text cannot fix (and background
    // years) is an undated report.
    if let Some(time) = undated.filter(|_| out.len() == before) {
        // Only a report of a happening can be matched to another source's.
        if t.list[class].class == "statement" || class == t.caption {
            return;
        }
        out.push(Found {
            date: String::new(),
            class,
            classes: words.classes,
            weekday: weekday_of(doc.text, time),
            planned: words.planned,
            background: false,
            place,
            participants,
            evidence: evidence(time),
            quantities: quantities.to_vec(),
            quotes: quotes.to_vec(),
        });
    }
}

/// A place mention the sentence happens in: after the word في or carrying
/// the ب proclitic (`بإسطنبول`).
fn is_located(text: &str, m: &Mention) -> bool {
    let before = text[..m.start].trim_end();
    let prev_word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    matches!(normalize(prev_word).as_str(), "في" | "وفي" | "الي" | "من")
        || normalize(&m.text).starts_with('ب')
        || normalize(&m.text).starts_with("وب")
}

/// Evidence is the sentence, cut to about 200 bytes around the date when the
/// sentence is longer, on word boundaries.
fn clip(text: &str, s: usize, e: usize, ts: usize, te: usize) -> (usize, usize) {
    const WINDOW: usize = 240;
    if e - s <= WINDOW {
        return (s, e);
    }
    let mut a = ts.saturating_sub(WINDOW / 2).max(s);
    let mut b = (te + WINDOW / 2).min(e);
    while a > s && !text.is_char_boundary(a) {
        a -= 1;
    }
    while b < e && !text.is_char_boundary(b) {
        b += 1;
    }
    // Move inwards to whole words.
    if a > s {
        if let Some(sp) = text[a..ts].find(' ') {
            a += sp + 1;
        }
    }
    if b < e {
        if let Some(sp) = text[te..b].rfind(' ') {
            b = te + sp;
        }
    }
    (a, b)
}

fn merge(t: &Triggers, found: Vec<Found>, entities: &[Entity]) -> Vec<TimelineItem> {
    let mut items: Vec<(Found, Vec<Evidence>, Vec<SourceSays>)> = Vec::new();
    // Items by (date, class) so merging stays linear in the number of events.
    let mut by_key: HashMap<(String, usize), Vec<usize>> = HashMap::new();
    let mut undated: Vec<Found> = Vec::new();
    for f in found {
        if f.date.is_empty() {
            undated.push(f);
            continue;
        }
        let key = (f.date.clone(), f.class);
        let same = by_key.get(&key).and_then(|ids| {
            ids.iter().copied().find(|&i| {
                let g = &items[i].0;
                (f.place.is_some() && g.place == f.place)
                    || f.participants.iter().any(|p| g.participants.contains(p))
                    || (f.place.is_none() && f.participants.is_empty())
                    || (g.place.is_none() && g.participants.is_empty())
            })
        });
        match same {
            Some(i) => {
                let (g, evidence, says) = &mut items[i];
                add_says(says, &f);
                if g.place.is_none() {
                    g.place = f.place.clone();
                }
                for p in &f.participants {
                    if !g.participants.contains(p) {
                        g.participants.push(p.clone());
                    }
                }
                g.planned &= f.planned;
                // Reports arrive in text order, so a repeat (one sentence naming
                // two dates of one item) is always the last evidence.
                if evidence
                    .last()
                    .is_none_or(|e| e.file != f.evidence.file || e.start != f.evidence.start)
                {
                    evidence.push(f.evidence);
                }
            }
            None => {
                by_key.entry(key).or_default().push(items.len());
                let ev = f.evidence.clone();
                let mut says = Vec::new();
                add_says(&mut says, &f);
                items.push((f, vec![ev], says));
            }
        }
    }
    join_undated(&mut items, undated);
    let names: HashMap<&str, &Entity> = entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let name = |id: &str| -> String {
        names
            .get(id)
            .map(|e| e.name_en.clone().unwrap_or_else(|| e.name.clone()))
            .unwrap_or_else(|| id.to_string())
    };
    let mut out: Vec<TimelineItem> = items
        .into_iter()
        .map(|(f, evidence, says)| {
            let mut what = t.list[f.class].label.to_string();
            if !f.participants.is_empty() {
                let who: Vec<String> = f.participants.iter().take(3).map(|p| name(p)).collect();
                what = format!("{what}: {}", who.join(", "));
            }
            if let Some(p) = &f.place {
                what = format!("{what} in {}", name(p));
            }
            let disagreements = disagreements(&says);
            TimelineItem {
                date: f.date,
                what,
                place: f.place,
                participants: f.participants,
                planned: f.planned,
                evidence,
                says,
                disagreements,
            }
        })
        .collect();
    crate::sort::by(&mut out, |a, b| a.date.cmp(&b.date));
    out
}

/// An undated report joins the dated item it most likely tells of: one of
/// a class the sentence names, sharing its place or a participant, on the
/// weekday the sentence names if it names one; the best is the one of the
/// report's own class, then sharing the most, then the best attested.
/// With no such item it is left out, as an undated happening has no place
/// on a timeline. Items are looked up by (class, entity), so each report
/// reads only the items it could join.
fn join_undated(items: &mut [(Found, Vec<Evidence>, Vec<SourceSays>)], undated: Vec<Found>) {
    if undated.is_empty() {
        return;
    }
    let mut by_entity: Vec<(usize, &str, usize)> = Vec::new();
    for (i, (g, _, _)) in items.iter().enumerate() {
        for id in g.place.iter().chain(&g.participants) {
            by_entity.push((g.class, id.as_str(), i));
        }
    }
    crate::sort::natural(&mut by_entity);
    let mut joins: Vec<(usize, Found)> = Vec::new();
    for u in undated {
        let classes = u.classes | bit(u.class);
        let mut best: Option<((bool, usize, usize), usize)> = None;
        for id in u.place.iter().chain(&u.participants) {
            for c in (0..64).filter(|&c| classes & bit(c) != 0) {
                let from = by_entity.partition_point(|&(k, e, _)| (k, e) < (c, id.as_str()));
                for &(_, _, i) in by_entity[from..].iter().take_while(|&&(k, e, _)| (k, e) == (c, id.as_str())) {
                    let (g, evidence, _) = &items[i];
                    if let Some(w) = u.weekday {
                        if Date::parse_iso(&g.date).is_none_or(|d| d.weekday() != w) {
                            continue;
                        }
                    }
                    let shared = usize::from(u.place.is_some() && u.place == g.place)
                        + u.participants.iter().filter(|p| g.participants.contains(p)).count();
                    let score = (g.class == u.class, shared, evidence.len());
                    // Ties go to the earlier item.
                    if best.is_none_or(|(b, j)| score > b || (score == b && i < j)) {
                        best = Some((score, i));
                    }
                }
            }
        }
        if let Some((_, i)) = best {
            joins.push((i, u));
        }
    }
    for (i, u) in joins {
        let (_, evidence, says) = &mut items[i];
        add_says(says, &u);
        evidence.push(u.evidence);
    }
}

/// Add one report's quantities and quotes to its source's entry.
fn add_says(says: &mut Vec<SourceSays>, f: &Found) {
    if f.quantities.is_empty() && f.quotes.is_empty() {
        return;
    }
    let i = match says.iter().position(|s| s.file == f.evidence.file) {
        Some(i) => i,
        None => {
            says.push(SourceSays {
                file: f.evidence.file.clone(),
                quantities: Vec::new(),
                quotes: Vec::new(),
            });
            says.len() - 1
        }
    };
    let entry = &mut says[i];
    for q in &f.quantities {
        insert_by_start(&mut entry.quantities, q, |x| x.start);
    }
    for q in &f.quotes {
        insert_by_start(&mut entry.quotes, q, |x| x.start);
    }
}

/// Keep `list` sorted by start and free of repeats (claims arrive mostly in
/// text order, so this is nearly always a push).
fn insert_by_start<T: Clone>(list: &mut Vec<T>, item: &T, start: impl Fn(&T) -> usize) {
    let at = start(item);
    if list.last().is_none_or(|l| start(l) < at) {
        list.push(item.clone());
    } else if let Err(i) = list.binary_search_by_key(&at, &start) {
        list.insert(i, item.clone());
    }
}

/// Counted things (same unit) for which two sources give different figures.
fn disagreements(says: &[SourceSays]) -> Vec<Disagreement> {
    let mut out: Vec<Disagreement> = Vec::new();
    for s in says {
        for q in &s.quantities {
            let Some(unit) = q.unit.as_deref().filter(|u| !u.is_empty()) else {
                continue;
            };
            let figure = Figure {
                file: s.file.clone(),
                value: q.value,
                high: q.high,
                approx: q.approx,
                text: q.text.clone(),
            };
            match out.iter_mut().find(|d| d.unit == unit) {
                Some(d) => {
                    if !d.figures.iter().any(|x| {
                        x.file == figure.file
                            && x.value == figure.value
                            && x.approx == figure.approx
                    }) {
                        d.figures.push(figure);
                    }
                }
                None => out.push(Disagreement {
                    unit: unit.to_string(),
                    figures: vec![figure],
                    conflict: false,
                }),
            }
        }
    }
    // Only where the sources differ: two files, and two different figures.
    out.retain(|d| {
        let files = d.figures.iter().any(|f| f.file != d.figures[0].file);
        let differ = d
            .figures
            .iter()
            .any(|f| f.value != d.figures[0].value || f.approx != d.figures[0].approx);
        files && differ
    });
    for d in &mut out {
        let f = &d.figures;
        d.conflict = (0..f.len()).any(|i| (i + 1..f.len()).any(|j| f[i].file != f[j].file && !overlap(bounds(&f[i]), bounds(&f[j]))));
    }
    out
}

/// The numbers a figure allows: its value (or range), widened by a tenth
/// for "about", open above for "more than" and below for "less than".
fn bounds(f: &Figure) -> (f64, f64) {
    let (lo, hi) = (f.value, f.high.unwrap_or(f.value).max(f.value));
    match f.approx {
        Some("about") => (lo * 0.9, hi * 1.1),
        Some("more") => (lo, f64::INFINITY),
        Some("less") => (0.0, hi),
        _ => (lo, hi),
    }
}

fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}
