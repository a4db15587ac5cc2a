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
use crate::tokenize::{sentences, stems, tokenize};
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
                    t.phrases
                        .push((form.split(' ').map(normalize).collect(), k));
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
    fn in_words(&self, words: &[&str]) -> Vec<usize> {
        // Each word's readings (proclitics stripped), computed once.
        let readings: Vec<Vec<(usize, String)>> = words.iter().map(|w| stems(w)).collect();
        let mut out: Vec<usize> = readings.iter().filter_map(|r| self.of(r)).collect();
        for (phrase, k) in &self.phrases {
            if readings.windows(phrase.len()).any(|w| {
                w.iter()
                    .zip(phrase)
                    .all(|(r, b)| r.iter().any(|(_, s)| s == b))
            }) {
                out.push(*k);
            }
        }
        out
    }

    /// The trigger a word is, given its readings: an exact stem, else the
    /// longest listed prefix of a stem.
    fn of(&self, readings: &[(usize, String)]) -> Option<usize> {
        for (_, stem) in readings {
            if let Some(&k) = self.exact.get(stem) {
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

/// The calendar date a time value starts on, for ordering and "planned".
fn first_day(value: &str) -> Option<Date> {
    let v = value.split('/').next()?;
    let v = v.split('T').next()?;
    match v.len() {
        10 => Date::parse_iso(v),
        7 => Date::parse_iso(&format!("{v}-01")),
        4 => Date::parse_iso(&format!("{v}-01-01")),
        _ => None,
    }
}

/// One event as found in one sentence of one document.
struct Found {
    date: String,
    class: usize,
    planned: bool,
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
    for (((doc, mentions), times), claims) in docs.iter().zip(mentions).zip(times).zip(claims) {
        find_in_doc(t, doc, mentions, times, claims, &mut found);
    }
    merge(t, found, entities)
}

fn find_in_doc(
    t: &Triggers,
    doc: &DocText,
    mentions: &[Mention],
    times: &[Time],
    claims: &Claims,
    out: &mut Vec<Found>,
) {
    let mut ti = 0; // times and mentions are sorted: walk them with the sentences
    let mut mi = 0;
    let (mut qi, mut ui) = (0, 0); // quantities and quotes, sorted by start too
    for art in &doc.articles {
        // Captions and boilerplate are not reports of events... except a
        // caption with a date (a photo of the event), which is kept.
        let skip = |s: usize, e: usize| art.boilerplate.iter().any(|b| b.start <= s && e <= b.end);
        // Figures and quotes in sentences that name no date belong to the
        // happening the article is telling at that point: the event of a
        // recent sentence, or, before the article's first event, that one.
        let mut carry = Carry::default();
        for (s, e) in sentences(doc.text, art.start, art.end) {
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
            let dated: Vec<&Time> = times[ti..]
                .iter()
                .take_while(|x| x.end <= e)
                .filter(|x| x.value.is_some())
                .collect();
            if !dated.is_empty() && !skip(s, e) {
                event_in_sentence(
                    t,
                    doc,
                    art,
                    (s, e),
                    &dated,
                    mentions,
                    &mut mi,
                    (&quantities, &quotes),
                    out,
                );
            }
            carry.sentence(out, found_before, quantities, quotes);
        }
    }
}

/// Claims waiting for, or carried over to, an event of the same article.
#[derive(Default)]
struct Carry {
    /// The last event found in the article, and how many sentences ago.
    current: Option<(usize, usize)>,
    /// Claims of the sentences before the article's first event.
    pending: Vec<(Vec<Quantity>, Vec<Quote>)>,
}

impl Carry {
    /// Sentences after an event whose claims still belong to it.
    const AFTER: usize = 4;
    /// Sentences before an article's first event whose claims go to it.
    const BEFORE: usize = 2;

    fn sentence(
        &mut self,
        out: &mut [Found],
        found_before: usize,
        quantities: Vec<Quantity>,
        quotes: Vec<Quote>,
    ) {
        if out.len() > found_before {
            // This sentence reported events (its own claims are on them).
            let first = &mut out[found_before];
            for (q, u) in self.pending.drain(..) {
                first.quantities.extend(q);
                first.quotes.extend(u);
            }
            self.current = Some((out.len() - 1, 0));
            return;
        }
        if quantities.is_empty() && quotes.is_empty() {
            return;
        }
        match &mut self.current {
            Some((i, since)) if *since < Self::AFTER => {
                *since += 1;
                out[*i].quantities.extend(quantities);
                out[*i].quotes.extend(quotes);
            }
            Some(_) => {}
            None => {
                self.pending.push((quantities, quotes));
                if self.pending.len() > Self::BEFORE {
                    self.pending.remove(0);
                }
            }
        }
    }
}

/// The events one dated sentence reports, one per date it names.
#[allow(clippy::too_many_arguments)]
fn event_in_sentence(
    t: &Triggers,
    doc: &DocText,
    art: &crate::articles::ArticleSeg,
    (s, e): (usize, usize),
    dated: &[&Time],
    mentions: &[Mention],
    mi: &mut usize,
    (quantities, quotes): (&[Quantity], &[Quote]),
    out: &mut Vec<Found>,
) {
    {
        {
            while *mi < mentions.len() && mentions[*mi].start < s {
                *mi += 1;
            }
            let here: Vec<&Mention> = mentions[*mi..].iter().take_while(|m| m.end <= e).collect();
            let tokens = tokenize(doc.text, s, e);
            let words: Vec<&str> = tokens
                .iter()
                .filter(|w| w.is_word())
                .map(|w| w.norm.as_str())
                .collect();
            let mut class: Option<usize> = None;
            let mut planned = false;
            for k in t.in_words(&words) {
                if t.list[k].planned {
                    planned = true;
                } else if class.is_none_or(|c| t.list[c].class == "statement") {
                    // A more specific class wins over a bare statement.
                    class = Some(k);
                }
            }
            // A dated photo caption is an event in itself: who was where, when.
            let in_caption = art.captions.iter().any(|c| c.start <= s && e <= c.end);
            let class = match class {
                Some(c) if !in_caption || t.list[c].class != "statement" => c,
                _ if in_caption => t.caption,
                _ => return,
            };
            let place = here
                .iter()
                .find(|m| m.kind == "place" && is_located(doc.text, m))
                .map(|m| m.entity.clone());
            let mut participants: Vec<String> = Vec::new();
            for m in here
                .iter()
                .filter(|m| m.kind == "person" || m.kind == "org")
            {
                if !participants.contains(&m.entity) {
                    participants.push(m.entity.clone());
                }
            }
            let published = art.published;
            for time in dated {
                let value = time.value.clone().unwrap_or_default();
                // Year-only references ("the war since 2022") are background,
                // unless the sentence names an attack or an invasion then.
                if value.len() == 4 && t.list[class].class != "attack" {
                    continue;
                }
                let date = value.split('T').next().unwrap_or(&value).to_string();
                let (future, past) = match (first_day(&date), published) {
                    (Some(d), Some(p)) => (d > p, d < p),
                    _ => (false, false),
                };
                let (es, ee) = clip(doc.text, s, e, time.start, time.end);
                out.push(Found {
                    date,
                    class,
                    planned: future || (planned && !past),
                    place: place.clone(),
                    participants: participants.clone(),
                    evidence: Evidence {
                        file: doc.name.to_string(),
                        start: es,
                        end: ee,
                        text: doc.text[es..ee].to_string(),
                    },
                    quantities: quantities.to_vec(),
                    quotes: quotes.to_vec(),
                });
            }
        }
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
    for f in found {
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
    out
}
