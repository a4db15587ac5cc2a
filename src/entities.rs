//! People, places, organisations and nationalities, linked across documents.
//!
//! 1. [`recognize`]: every candidate of a document (gazetteer names with
//!    their proclitics, nationality adjectives, organisation heads, quoted
//!    names, people after titles, given names and reporting verbs, Latin
//!    capitals).
//! 2. Flat, longest naming: candidates are taken longest first, then by
//!    priority (quoted name > gazetteer > nationality/context), never
//!    overlapping, so `وزارة الخارجية التركية` is one organisation and its
//!    `التركية` no nationality.
//! 3. The surnames of everybody named in full in the run are looked for
//!    again on the words no mention covers (`ميدينسكي`).
//! 4. [`link`]: one id per referent over all documents.

pub mod link;
pub mod recognize;
pub mod skeleton;

use crate::gazetteer::{self, HashMap, HashSet};
use crate::model::{DocCount, Entity, Mention};
use crate::DocText;
use link::{Registry, Target};
use recognize::{Cand, Scan, ScanBuffers, Src, SurnameWords, WordCache};

/// Mentions per document (byte offsets, sorted, non-overlapping) and the
/// entities they refer to.
pub fn analyse(docs: &[DocText]) -> (Vec<Vec<Mention>>, Vec<Entity>) {
    // One document at a time: its scan is dropped once its candidates are
    // chosen, keeping only the words that may be bare surnames.
    let mut accepted: Vec<Vec<Cand>> = Vec::with_capacity(docs.len());
    let mut slots = Vec::with_capacity(docs.len());
    let mut surname_words = SurnameWords::default();
    let mut covered = Vec::new();
    let mut words = WordCache::default();
    let mut bufs = ScanBuffers::default();
    for d in docs {
        let scan = Scan::with(d.text, &mut words, bufs);
        let n = scan.t.len();
        let acc = select(scan.candidates(), n);
        covered.clear();
        covered.resize(n, false);
        for c in &acc {
            covered[c.ts..c.te].iter_mut().for_each(|x| *x = true);
        }
        slots.push(scan.surname_slots(&covered, &mut surname_words));
        accepted.push(acc);
        bufs = scan.into_buffers();
    }
    drop((words, bufs));

    let mut registry = Registry::default();
    for doc in &accepted {
        for c in doc {
            if let Src::Person { toks, weak: false, .. } = &c.src {
                registry.add_full_name(toks);
            }
        }
    }
    let known = surname_words.known(&registry);
    for (slots, acc) in slots.iter().zip(accepted.iter_mut()) {
        let extra = surname_words.cands(slots, &known);
        if !extra.is_empty() {
            *acc = merge_by_start(std::mem::take(acc), extra);
        }
    }
    drop((slots, surname_words));

    let (targets, clusters) = link::resolve(&accepted);
    build(docs, &accepted, &targets, &clusters)
}

/// Bytes of the title a person's span starts with (`الأمير`, `بالملك`,
/// `ولي العهد الأمير`): gazetteer forms carry titles so that a bare given
/// name is recognised (`الملك سلمان`), but the title stays outside the
/// span, as it does for names found by pattern.
fn title_len(surface: &str, g: &gazetteer::Gazetteer) -> usize {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = None;
    for (i, ch) in surface.char_indices().chain([(surface.len(), ' ')]) {
        match (ch.is_whitespace(), at) {
            (true, Some(s)) => {
                words.push((s, &surface[s..i]));
                at = None;
            }
            (false, None) => at = Some(i),
            _ => {}
        }
    }
    if words.len() < 2 {
        return 0;
    }
    // The longest full title over the first words (with the first word's
    // proclitics off), a name keeping at least one word.
    let mut best = 0;
    for (_, mut phrase) in crate::tokenize::stems(&gazetteer::key_of(words[0].1)) {
        for k in 1..words.len() {
            match g.titles.get(&phrase) {
                Some(true) => best = best.max(k),
                Some(false) => {}
                None => break,
            }
            phrase.push(' ');
            phrase.push_str(&gazetteer::key_of(words[k].1));
        }
    }
    if best == 0 { 0 } else { words[best].0 }
}

/// Two lists in text order merged by start token, the first list's
/// candidate first on a tie (a stable sort of their concatenation).
fn merge_by_start(a: Vec<Cand>, b: Vec<Cand>) -> Vec<Cand> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for c in a {
        while let Some(x) = b.next_if(|x| x.ts < c.ts) {
            out.push(x);
        }
        out.push(c);
    }
    out.extend(b);
    out
}

/// Longest first, then by priority; no two accepted candidates share a token.
fn select(mut cands: Vec<Cand>, n: usize) -> Vec<Cand> {
    let order = select_order(&cands);
    let mut used = vec![false; n];
    let mut keep = vec![false; cands.len()];
    // Roles of people found after a title, by span, for the gazetteer match
    // that wins the same span.
    let mut roles: Vec<((usize, usize), String)> = Vec::new();
    for &k in &order {
        let c = &mut cands[k as usize];
        if c.te <= c.ts || c.te > n || used[c.ts..c.te].iter().any(|&u| u) {
            if let Some(r) = c.role.take() {
                roles.push(((c.ts, c.te), r));
            }
            continue;
        }
        used[c.ts..c.te].iter_mut().for_each(|u| *u = true);
        keep[k as usize] = true;
    }
    // The accepted share no token, so each starts at its own token: placed
    // by start, they are in text order.
    let mut at: Vec<u32> = vec![u32::MAX; n];
    for (k, c) in cands.iter().enumerate() {
        if keep[k] {
            at[c.ts] = k as u32;
        }
    }
    let mut rank = vec![u32::MAX; cands.len()];
    let mut m = 0;
    for &k in at.iter().filter(|&&k| k != u32::MAX) {
        rank[k as usize] = m;
        m += 1;
    }
    let mut slots: Vec<Option<Cand>> = (0..m).map(|_| None).collect();
    for (k, c) in cands.into_iter().enumerate() {
        if rank[k] != u32::MAX {
            slots[rank[k] as usize] = Some(c);
        }
    }
    let mut out: Vec<Cand> = slots.into_iter().flatten().collect();
    crate::sort::natural(&mut roles);
    for c in out.iter_mut() {
        if c.role.is_none() && c.kind == "person" {
            if let Ok(at) = roles.binary_search_by(|(span, _)| span.cmp(&(c.ts, c.te))) {
                c.role = Some(roles[at].1.clone());
            }
        }
    }
    out
}

/// The order candidates are tried in: longest first, then by priority,
/// then in text order (start token, then as found). Two stable counting
/// sorts (by start, then by length and priority), so linear.
fn select_order(cands: &[Cand]) -> Vec<u32> {
    const MAX_LEN: usize = 64;
    const MAX_PRIO: usize = 16;
    let m = cands.len();
    let simple = cands.iter().all(|c| c.te > c.ts && c.te - c.ts <= MAX_LEN && (c.prio as usize) < MAX_PRIO);
    if !simple {
        // Unusual spans: the general sort of the same keys.
        let mut order: Vec<(usize, u8, usize, usize)> =
            cands.iter().enumerate().map(|(k, c)| (usize::MAX - c.te.wrapping_sub(c.ts), u8::MAX - c.prio, c.ts, k)).collect();
        crate::sort::natural(&mut order);
        return order.into_iter().map(|o| o.3 as u32).collect();
    }
    let max_ts = cands.iter().map(|c| c.ts).max().unwrap_or(0);
    // By start token (stable: as found within one start).
    let mut start = vec![0u32; max_ts + 2];
    for c in cands {
        start[c.ts + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut by_ts = vec![0u32; m];
    for (k, c) in cands.iter().enumerate() {
        by_ts[start[c.ts] as usize] = k as u32;
        start[c.ts] += 1;
    }
    // Then by (longer, higher priority) buckets, keeping that order.
    let bucket = |c: &Cand| (MAX_LEN - (c.te - c.ts)) * MAX_PRIO + (MAX_PRIO - 1 - c.prio as usize);
    let mut bstart = vec![0u32; (MAX_LEN + 1) * MAX_PRIO + 1];
    for c in cands {
        bstart[bucket(c) + 1] += 1;
    }
    for i in 1..bstart.len() {
        bstart[i] += bstart[i - 1];
    }
    let mut order = vec![0u32; m];
    for &k in &by_ts {
        let b = bucket(&cands[k as usize]);
        order[bstart[b] as usize] = k;
        bstart[b] += 1;
    }
    order
}

fn slug(key: &str) -> String {
    key.split_whitespace().collect::<Vec<_>>().join("-")
}

struct Acc {
    id: String,
    kind: &'static str,
    name: String,
    name_en: Option<String>,
    /// Forms in first-seen order, with their counts.
    forms: Vec<(String, usize)>,
    /// Form → its index in `forms`, once there are many.
    form_index: Option<HashMap<String, usize>>,
    /// (document, mentions), in document order.
    counts: Vec<(usize, usize)>,
    place: Option<String>,
    order: usize,
}

impl Acc {
    /// Forms are looked for in the list up to this many, then by hash.
    const FEW: usize = 16;

    fn new(id: String, kind: &'static str, name: String, name_en: Option<String>, place: Option<String>, order: usize) -> Acc {
        Acc { id, kind, name, name_en, forms: Vec::new(), form_index: None, counts: Vec::new(), place, order }
    }

    fn add(&mut self, form: &str, doc: usize) {
        let at = match &self.form_index {
            Some(ix) => ix.get(form).copied(),
            None => self.forms.iter().position(|f| f.0 == form),
        };
        match at {
            Some(k) => self.forms[k].1 += 1,
            None => {
                if let Some(ix) = &mut self.form_index {
                    ix.insert(form.to_string(), self.forms.len());
                }
                self.forms.push((form.to_string(), 1));
                if self.form_index.is_none() && self.forms.len() > Self::FEW {
                    self.form_index = Some(self.forms.iter().enumerate().map(|(k, f)| (f.0.clone(), k)).collect());
                }
            }
        }
        match self.counts.last_mut() {
            Some((d, n)) if *d == doc => *n += 1,
            _ => self.counts.push((doc, 1)),
        }
    }
}

/// What every mention of one target gets: its entity id and kind, and the
/// record its mentions are counted in.
struct Resolved {
    id: String,
    kind: &'static str,
    rec: usize,
}

/// The records, one per id.
#[derive(Default)]
struct Records {
    list: Vec<Acc>,
    index: HashMap<String, usize>,
}

impl Records {
    /// The record of `id`, made by `make` when new.
    fn get_or(&mut self, id: &str, make: impl FnOnce() -> Acc) -> usize {
        if let Some(&k) = self.index.get(id) {
            return k;
        }
        let k = self.list.len();
        self.index.insert(id.to_string(), k);
        self.list.push(make());
        k
    }
}

fn build(docs: &[DocText], accepted: &[Vec<Cand>], targets: &[Vec<Target>], clusters: &[link::Cluster]) -> (Vec<Vec<Mention>>, Vec<Entity>) {
    let g = gazetteer::get();
    // Ids of run clusters: a slug of their most frequent full form.
    let mut cluster_ids: Vec<String> = Vec::with_capacity(clusters.len());
    let mut taken: HashSet<String> = HashSet::default();
    let mut cluster_names: Vec<String> = Vec::with_capacity(clusters.len());
    for (i, c) in clusters.iter().enumerate() {
        let mut forms: Vec<(&String, &usize)> = c.forms.iter().collect();
        crate::sort::by(&mut forms, |a, b| b.0.split(' ').count().min(3).cmp(&a.0.split(' ').count().min(3)).then(b.1.cmp(a.1)).then(a.0.cmp(b.0)));
        let canon = forms.first().map(|f| f.0.clone()).unwrap_or_else(|| c.surname.clone());
        let mut id = format!("person:{}", slug(&canon));
        if taken.contains(&id) {
            id = format!("{id}-{i}");
        }
        taken.insert(id.clone());
        cluster_ids.push(id);
        cluster_names.push(canon);
    }
    // The first cluster with each id.
    let mut cluster_of: HashMap<&str, usize> = HashMap::default();
    for (k, id) in cluster_ids.iter().enumerate() {
        cluster_of.entry(id.as_str()).or_insert(k);
    }

    let mut recs = Records::default();
    let mut resolved: Vec<Resolved> = Vec::new();
    let mut resolved_of: HashMap<&Target, usize> = HashMap::default();
    let mut mentions: Vec<Vec<Mention>> = Vec::with_capacity(docs.len());
    let mut seq = 0usize;
    for (d, (cands, tg)) in accepted.iter().zip(targets).enumerate() {
        let text = docs[d].text;
        let mut ms = Vec::with_capacity(cands.len());
        for (c, t) in cands.iter().zip(tg) {
            if *t == Target::Drop {
                continue;
            }
            let surface = &text[c.start..c.end];
            seq += 1;
            let r = match resolved_of.get(t) {
                Some(&r) => r,
                None => {
                    let (id, kind, name, en, place) = match t {
                        Target::Drop => unreachable!(),
                        Target::Gaz(e) => {
                            let e = g.entry(*e);
                            (e.id.clone(), e.kind, e.ar.clone(), e.en.clone(), None)
                        }
                        Target::Cluster(k) => (cluster_ids[*k].clone(), "person", String::new(), None, None),
                        Target::New(kind, key) => (format!("{kind}:{}", slug(key)), *kind, String::new(), None, None),
                        Target::Nat(p) => (p.to_string(), "nationality", String::new(), None, Some(p.to_string())),
                    };
                    // The entity record: nationalities get their own record
                    // pointing at the place; the mention itself carries the
                    // place id.
                    let rec_id = if kind == "nationality" { format!("nationality:{id}") } else { id.clone() };
                    let rec = recs.get_or(&rec_id, || Acc::new(rec_id.clone(), kind, name, en, place, seq));
                    if kind == "nationality" {
                        // Make sure the place itself has a record.
                        recs.get_or(&id, || {
                            let (k, name, en) = match g.id_index(&id) {
                                Some(e) => {
                                    let e = g.entry(e);
                                    (e.kind, e.ar.clone(), e.en.clone())
                                }
                                None => ("place", String::new(), None),
                            };
                            Acc::new(id.clone(), k, name, en, None, seq)
                        });
                    }
                    resolved.push(Resolved { id, kind, rec });
                    resolved_of.insert(t, resolved.len() - 1);
                    resolved.len() - 1
                }
            };
            let res = &resolved[r];
            let start = if res.kind == "person" { c.start + title_len(surface, g) } else { c.start };
            let surface = &text[start..c.end];
            ms.push(Mention { start, end: c.end, text: surface.to_string(), kind: res.kind, entity: res.id.clone() });
            recs.list[res.rec].add(surface, d);
        }
        mentions.push(ms);
    }

    let mut entities: Vec<(usize, Entity)> = recs
        .list
        .into_iter()
        .map(|a| {
            // Most frequent first, then first seen (the list is in
            // first-seen order and the sort is stable).
            let mut forms = a.forms;
            crate::sort::by(&mut forms, |x, y| y.1.cmp(&x.1));
            let forms: Vec<String> = forms.into_iter().map(|f| f.0).collect();
            let name = if !a.name.is_empty() {
                a.name
            } else if let Some(&k) = cluster_of.get(a.id.as_str()) {
                // The most frequent full surface form.
                forms.iter().find(|f| f.split_whitespace().count() >= 2).cloned().unwrap_or_else(|| cluster_names[k].clone())
            } else {
                forms.first().cloned().unwrap_or_default()
            };
            let counts = a.counts.iter().map(|&(d, n)| DocCount { file: docs[d].name.to_string(), count: n }).collect();
            (a.order, Entity { id: a.id, kind: a.kind, name, name_en: a.name_en, forms, counts, place: a.place })
        })
        .collect();
    // Ties (a nationality and its place share a first mention) broken by id,
    // so the output does not depend on hash order.
    crate::sort::by(&mut entities, |a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    (mentions, entities.into_iter().map(|e| e.1).collect())
}
