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

use std::collections::HashMap;

use crate::gazetteer;
use crate::model::{DocCount, Entity, Mention};
use crate::DocText;
use link::{Registry, Target};
use recognize::{Cand, Scan, Src};

/// Mentions per document (byte offsets, sorted, non-overlapping) and the
/// entities they refer to.
pub fn analyse(docs: &[DocText]) -> (Vec<Vec<Mention>>, Vec<Entity>) {
    let mut scans: Vec<Scan> = docs.iter().map(|d| Scan::new(d.text)).collect();
    let mut accepted: Vec<Vec<Cand>> = scans
        .iter_mut()
        .map(|s| {
            let n = s.toks.len();
            select(s.candidates(), n)
        })
        .collect();

    let mut registry = Registry::default();
    for doc in &accepted {
        for c in doc {
            if let Src::Person { toks, weak: false, .. } = &c.src {
                registry.add_full_name(toks);
            }
        }
    }
    for (scan, acc) in scans.iter().zip(accepted.iter_mut()) {
        let mut covered = vec![false; scan.toks.len()];
        for c in acc.iter() {
            covered[c.ts..c.te].iter_mut().for_each(|x| *x = true);
        }
        let extra = scan.surname_cands(&covered, &registry);
        if !extra.is_empty() {
            acc.extend(extra);
            crate::sort::by_key(acc, |c| c.ts);
        }
    }

    let (targets, clusters) = link::resolve(&accepted);
    build(docs, &accepted, &targets, &clusters)
}

/// Longest first, then by priority; no two accepted candidates share a token.
fn select(cands: Vec<Cand>, n: usize) -> Vec<Cand> {
    // Sort small keys, not the candidates: longest first, then priority,
    // then text order.
    let mut order: Vec<(usize, u8, usize, usize)> =
        cands.iter().enumerate().map(|(k, c)| (usize::MAX - (c.te - c.ts), u8::MAX - c.prio, c.ts, k)).collect();
    crate::sort::natural(&mut order);
    let mut slots: Vec<Option<Cand>> = cands.into_iter().map(Some).collect();
    let mut used = vec![false; n];
    let mut out: Vec<Cand> = Vec::new();
    // Roles of people found after a title, by span, for the gazetteer match
    // that wins the same span.
    let mut roles: Vec<((usize, usize), String)> = Vec::new();
    for &(_, _, _, k) in &order {
        let Some(c) = slots[k].take() else { continue };
        if c.te <= c.ts || c.te > n || used[c.ts..c.te].iter().any(|&u| u) {
            if let Some(r) = c.role {
                roles.push(((c.ts, c.te), r));
            }
            continue;
        }
        used[c.ts..c.te].iter_mut().for_each(|u| *u = true);
        out.push(c);
    }
    crate::sort::by_key(&mut out, |c| c.ts);
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

fn slug(key: &str) -> String {
    key.split_whitespace().collect::<Vec<_>>().join("-")
}

#[derive(Default)]
struct Acc {
    kind: &'static str,
    name: String,
    name_en: Option<String>,
    forms: HashMap<String, (usize, usize)>, // form → (count, first seen)
    counts: Vec<usize>,
    place: Option<String>,
    order: usize,
}

impl Acc {
    fn add(&mut self, form: &str, doc: usize, seq: usize) {
        let e = self.forms.entry(form.to_string()).or_insert((0, seq));
        e.0 += 1;
        self.counts[doc] += 1;
    }
}

fn build(docs: &[DocText], accepted: &[Vec<Cand>], targets: &[Vec<Target>], clusters: &[link::Cluster]) -> (Vec<Vec<Mention>>, Vec<Entity>) {
    let g = gazetteer::get();
    // Ids of run clusters: a slug of their most frequent full form.
    let mut cluster_ids: Vec<String> = Vec::with_capacity(clusters.len());
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut cluster_names: Vec<String> = Vec::with_capacity(clusters.len());
    for (i, c) in clusters.iter().enumerate() {
        let mut forms: Vec<(&String, &usize)> = c.forms.iter().collect();
        crate::sort::by(&mut forms, |a, b| b.0.split(' ').count().min(3).cmp(&a.0.split(' ').count().min(3)).then(b.1.cmp(a.1)).then(a.0.cmp(b.0)));
        let canon = forms.first().map(|f| f.0.clone()).unwrap_or_else(|| c.surname.clone());
        let mut id = format!("person:{}", slug(&canon));
        if taken.contains_key(&id) {
            id = format!("{id}-{i}");
        }
        taken.insert(id.clone(), i);
        cluster_ids.push(id);
        cluster_names.push(canon);
    }

    let ndocs = docs.len();
    let mut accs: HashMap<String, Acc> = HashMap::new();
    let mut mentions: Vec<Vec<Mention>> = Vec::with_capacity(ndocs);
    let mut seq = 0usize;
    for (d, (cands, tg)) in accepted.iter().zip(targets).enumerate() {
        let text = docs[d].text;
        let mut ms = Vec::with_capacity(cands.len());
        for (c, t) in cands.iter().zip(tg) {
            let (id, kind, name, en, place) = match t {
                Target::Drop => continue,
                Target::Gaz(e) => {
                    let e = g.entry(*e);
                    (e.id.clone(), e.kind, e.ar.clone(), e.en.clone(), None)
                }
                Target::Cluster(k) => (cluster_ids[*k].clone(), "person", String::new(), None, None),
                Target::New(kind, key) => (format!("{kind}:{}", slug(key)), *kind, String::new(), None, None),
                Target::Nat(p) => (p.clone(), "nationality", String::new(), None, Some(p.clone())),
            };
            let surface = &text[c.start..c.end];
            let kind = if kind == "nationality" { "nationality" } else { kind };
            ms.push(Mention { start: c.start, end: c.end, text: surface.to_string(), kind, entity: id.clone() });
            seq += 1;
            // The entity record: nationalities get their own record pointing
            // at the place; the mention itself carries the place id.
            let rec_id = if kind == "nationality" { format!("nationality:{id}") } else { id.clone() };
            let acc = accs.entry(rec_id).or_insert_with(|| Acc {
                kind,
                name,
                name_en: en,
                counts: vec![0; ndocs],
                place: place.clone(),
                order: seq,
                ..Default::default()
            });
            acc.add(surface, d, seq);
            if kind == "nationality" {
                // Make sure the place itself has a record.
                let pid = id.clone();
                accs.entry(pid.clone()).or_insert_with(|| {
                    let (k, name, en) = match g.id_index(&pid) {
                        Some(e) => {
                            let e = g.entry(e);
                            (e.kind, e.ar.clone(), e.en.clone())
                        }
                        None => ("place", String::new(), None),
                    };
                    Acc { kind: k, name, name_en: en, counts: vec![0; ndocs], order: seq, ..Default::default() }
                });
            }
        }
        mentions.push(ms);
    }

    let mut entities: Vec<(usize, Entity)> = accs
        .into_iter()
        .map(|(id, a)| {
            let mut forms: Vec<(String, (usize, usize))> = a.forms.into_iter().collect();
            crate::sort::by(&mut forms, |x, y| y.1 .0.cmp(&x.1 .0).then(x.1 .1.cmp(&y.1 .1)));
            let forms: Vec<String> = forms.into_iter().map(|f| f.0).collect();
            let name = if !a.name.is_empty() {
                a.name
            } else if let Some(k) = cluster_ids.iter().position(|c| *c == id) {
                // The most frequent full surface form.
                forms.iter().find(|f| f.split_whitespace().count() >= 2).cloned().unwrap_or_else(|| cluster_names[k].clone())
            } else {
                forms.first().cloned().unwrap_or_default()
            };
            let counts = a
                .counts
                .iter()
                .enumerate()
                .filter(|&(_, &n)| n > 0)
                .map(|(d, &n)| DocCount { file: docs[d].name.to_string(), count: n })
                .collect();
            (a.order, Entity { id, kind: a.kind, name, name_en: a.name_en, forms, counts, place: a.place })
        })
        .collect();
    // Ties (a nationality and its place share a first mention) broken by id,
    // so the output does not depend on hash order.
    crate::sort::by(&mut entities, |a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    (mentions, entities.into_iter().map(|e| e.1).collect())
}
