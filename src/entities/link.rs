//! Linking: one id per referent across all documents of a run.
//!
//! - Gazetteer names keep the gazetteer id; nationalities take their place id.
//! - People found by context link to a gazetteer person when their surname
//!   skeleton matches and the first names agree (`فلاديمير زيلينسكي` →
//!   Zelensky, never Putin: the key is the surname), or, for a near-miss
//!   surname (`فيان`/`فيدان`), when the first names are identical or the same
//!   role introduced both.
//! - Other people form clusters keyed by surname skeleton; a bare surname
//!   joins the cluster with that surname named nearest before it.
//!
//! Candidates are bucketed by skeleton (and by single-deletion variants for
//! near misses), so linking is linear in the number of mentions.

use crate::gazetteer::{HashMap, HashSet};

use super::recognize::{Cand, Src};
use super::skeleton::{first_compatible, skeleton, skeleton_into, surname_key, within_one};
use crate::gazetteer::{self, for_each_deletion, Gazetteer};

/// Surnames of the people named in full anywhere in the run, for finding
/// their bare surnames.
#[derive(Default)]
pub struct Registry {
    exact: HashSet<String>,
    /// Surname skeleton → the normalised surnames that have it.
    skel: HashMap<String, Vec<String>>,
}

impl Registry {
    pub fn add_full_name(&mut self, toks: &[String]) {
        if toks.len() < 2 {
            return;
        }
        let last = toks[toks.len() - 1].clone();
        if last.starts_with("ال") {
            return;
        }
        let s = skeleton(&last);
        if s.chars().count() >= 3 {
            let v = self.skel.entry(s).or_default();
            if !v.contains(&last) {
                v.push(last.clone());
            }
        }
        if last.chars().count() >= 3 {
            self.exact.insert(last);
        }
    }

    /// A bare word that is the surname of somebody named in the run or in
    /// the gazetteer: the same letters, or a spelling one letter away with
    /// the same skeleton (`ميدنسكي`/`ميدينسكي`), or a Latin spelling with
    /// the same skeleton.
    pub fn knows(&self, word: &str, buf: &mut String) -> bool {
        if self.exact.contains(word) {
            return true;
        }
        if word.starts_with("ال") || word.chars().nth(3).is_none() {
            return false;
        }
        skeleton_into(word, buf);
        let s = buf.as_str();
        let len = s.chars().count();
        if len < 3 {
            return false;
        }
        let latin = word.is_ascii();
        let near = |forms: &[String]| forms.iter().any(|f| latin || (len >= 4 && within_one(f, word)));
        self.skel.get(s).is_some_and(|v| near(v)) || gazetteer::get().surname_forms.get(s).is_some_and(|v| near(v))
    }
}


/// What a mention resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Gaz(u32),
    /// A person cluster found in this run.
    Cluster(usize),
    /// A new organisation or place, by key.
    New(&'static str, String),
    /// A nationality: the place id.
    Nat(&'static str),
    /// Dropped (a weak candidate that linked to nothing).
    Drop,
}

#[derive(Debug, Default)]
pub struct Cluster {
    pub surname: String,
    /// Normalised surnames as written.
    pub surname_forms: HashSet<String>,
    pub firsts: HashSet<String>,
    pub first_forms: HashSet<String>,
    pub roles: HashSet<String>,
    /// Normalised full forms seen, with counts.
    pub forms: HashMap<String, usize>,
}

struct PersonRef<'c> {
    doc: usize,
    idx: usize,
    toks: &'c [String],
    role: Option<&'c str>,
    weak: bool,
}

/// Resolve every candidate of every document. `docs[d]` are the accepted
/// candidates of document d, in text order.
pub fn resolve(docs: &[Vec<Cand>]) -> (Vec<Vec<Target>>, Vec<Cluster>) {
    let g = gazetteer::get();
    let mut targets: Vec<Vec<Target>> = docs.iter().map(|d| vec![Target::Drop; d.len()]).collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    // Where each person target was last seen: (doc, candidate index).
    let mut seen = Seen::default();
    // Roles seen with each gazetteer person.
    let mut gaz_roles: HashMap<u32, HashSet<String>> = HashMap::default();
    let mut persons_full: Vec<PersonRef> = Vec::new();
    let mut persons_single: Vec<PersonRef> = Vec::new();

    // 1. Gazetteer names, nationalities, new orgs and places.
    for (d, cands) in docs.iter().enumerate() {
        for (k, c) in cands.iter().enumerate() {
            match &c.src {
                Src::Gaz(v) => {
                    let pick = v.iter().copied().find(|&e| g.entry(e).kind == c.kind).unwrap_or(v[0]);
                    if v.len() > 1 && c.kind == "person" {
                        // Shared surname (two Fomins): decided below, by context.
                        persons_single.push(PersonRef { doc: d, idx: k, toks: &[], role: None, weak: false });
                        continue;
                    }
                    targets[d][k] = Target::Gaz(pick);
                    if c.kind == "person" {
                        seen.add(Target::Gaz(pick), d, k);
                        if let Some(r) = &c.role {
                            gaz_roles.entry(pick).or_default().insert(r.clone());
                        }
                    }
                }
                Src::Nat(p) => targets[d][k] = Target::Nat(p),
                Src::New(key) => {
                    targets[d][k] = Target::New(c.kind, key.clone());
                }
                Src::Person { toks, role, weak } => {
                    let role = role.as_deref().or(c.role.as_deref());
                    let r = PersonRef { doc: d, idx: k, toks, role, weak: *weak };
                    if toks.len() >= 2 {
                        persons_full.push(r);
                    } else {
                        persons_single.push(r);
                    }
                }
            }
        }
    }

    // 1b. A shortened organisation name (`وزارة الخارجية` after `وزارة
    // الخارجية الأوكرانية`, `هيئة الأركان العامة`): the longer name it
    // starts, named nearest in the same document, else the one organisation
    // of the gazetteer it starts that the run names.
    let run_orgs: HashSet<u32> = targets
        .iter()
        .flatten()
        .filter_map(|t| match t {
            Target::Gaz(e) if g.entry(*e).kind == "org" => Some(*e),
            _ => None,
        })
        .collect();
    let mut prefixes_of: HashMap<Target, Vec<String>> = HashMap::default();
    for (d, cands) in docs.iter().enumerate() {
        // Proper token prefixes of every organisation named in the document
        // → the organisations (each distinct organisation once).
        let mut by_prefix: HashMap<String, Vec<Target>> = HashMap::default();
        let mut done: HashSet<Target> = HashSet::default();
        for (k, c) in cands.iter().enumerate() {
            if c.kind != "org" {
                continue;
            }
            let t = targets[d][k].clone();
            if !matches!(t, Target::Gaz(_) | Target::New(..)) || !done.insert(t.clone()) {
                continue;
            }
            let ps = prefixes_of.entry(t.clone()).or_insert_with(|| {
                let keys: Vec<String> = match &t {
                    Target::Gaz(e) => g.entry(*e).keys.clone(),
                    Target::New(_, key) => vec![key.clone()],
                    _ => vec![],
                };
                let mut out = Vec::new();
                for key in keys {
                    let mut p = 0;
                    while let Some(sp) = key[p..].find(' ') {
                        out.push(key[..p + sp].to_string());
                        p += sp + 1;
                    }
                }
                out
            });
            for p in ps.iter() {
                let v = by_prefix.entry(p.clone()).or_default();
                if !v.contains(&t) {
                    v.push(t.clone());
                }
            }
        }
        for k in 0..cands.len() {
            let Target::New(_, key) = &targets[d][k] else { continue };
            if cands[k].kind != "org" {
                continue;
            }
            let key = key.clone();
            if let Some(v) = by_prefix.get(&key) {
                // Only when the document names one such organisation.
                if v.len() == 1 {
                    targets[d][k] = v[0].clone();
                }
                continue;
            }
            if let Some(v) = g.org_prefix.get(&key) {
                let named: Vec<u32> = v.iter().copied().filter(|e| run_orgs.contains(e)).collect();
                if named.len() == 1 {
                    targets[d][k] = Target::Gaz(named[0]);
                } else if v.len() == 1 && key.split(' ').count() >= 3 {
                    targets[d][k] = Target::Gaz(v[0]);
                }
            }
        }
    }

    // 2. Full names by context: gazetteer by surname, else run clusters.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_deletion: HashMap<String, Vec<usize>> = HashMap::default();
    let mut del = String::new();
    let mut first = String::new();
    let mut joined = String::new();
    for p in &persons_full {
        skeleton_into(&p.toks[0], &mut first);
        let first = first.as_str();
        let last = p.toks.last().map_or("", |s| s.as_str());
        let sur = surname_key_of(&p.toks);
        let short = p.toks.len() >= 2 && skeleton(last).chars().count() < 3;
        let target = link_full(g, (first, &p.toks[0]), (&sur, short), p.role.as_deref(), &gaz_roles, &mut del).or_else(|| {
            // A cluster of this run.
            let cands = by_surname.get(&sur).map_or(&[][..], |v| v.as_slice());
            let mut best = cands.iter().copied().find(|&c| clusters[c].firsts.iter().any(|f| first_compatible(f, first)));
            if best.is_none() {
                let sur_len = sur.chars().count();
                for_each_deletion(&sur, &mut del, |dl| {
                    for &c in by_deletion.get(dl).map(|v| v.as_slice()).unwrap_or(&[]) {
                        let cl = &clusters[c];
                        if within_one(&cl.surname, &sur)
                            && sur_len >= 3
                            && ((cl.first_forms.contains(&p.toks[0]) && sur_len >= 4) || p.role.is_some_and(|r| cl.roles.contains(r)))
                        {
                            best = Some(c);
                        }
                    }
                });
            }
            best.map(Target::Cluster)
        });
        let target = target.unwrap_or_else(|| {
            let c = clusters.len();
            clusters.push(Cluster { surname: sur.clone(), ..Default::default() });
            by_surname.entry(sur.clone()).or_default().push(c);
            add_deletions(&mut by_deletion, &sur, c, &mut del);
            Target::Cluster(c)
        });
        match &target {
            Target::Cluster(c) => {
                let cl = &mut clusters[*c];
                insert_str(&mut cl.firsts, first);
                insert_str(&mut cl.first_forms, &p.toks[0]);
                insert_str(&mut cl.surname_forms, last);
                if let Some(r) = &p.role {
                    insert_str(&mut cl.roles, r);
                }
                join_into(&p.toks, &mut joined);
                count_str(&mut cl.forms, &joined);
            }
            Target::Gaz(e) => {
                if let Some(r) = &p.role {
                    insert_str(gaz_roles.entry(*e).or_default(), r);
                }
            }
            _ => {}
        }
        targets[p.doc][p.idx] = target.clone();
        seen.add(target, p.doc, p.idx);
    }
    seen.freeze();

    // 3. Single names: the person with that surname named nearest before.
    for p in &persons_single {
        let c = &docs[p.doc][p.idx];
        let mut options: Vec<Target> = Vec::new();
        if let Src::Gaz(v) = &c.src {
            options.extend(v.iter().map(|&e| Target::Gaz(e)));
        } else {
            let word = p.toks.first().map_or("", |s| s.as_str());
            let sur = skeleton(word);
            if sur.is_empty() {
                continue;
            }
            // Same skeleton and the same letters, or one letter away, or a
            // Latin spelling (`Tykhii`, `Fidan`).
            let latin = word.is_ascii();
            let sur_len = sur.chars().count();
            // A given name standing alone (`وقال محمد`) is not a spelling
            // of a surname one letter longer (`محمدي`).
            let given = !latin && g.given.contains(word);
            let near = |f: &str| f == word || (!given && (((latin || sur_len >= 4) && within_one(f, word)) || (latin && sur_len >= 2)));
            for &cl in by_surname.get(&sur).map(|v| v.as_slice()).unwrap_or(&[]) {
                if clusters[cl].surname_forms.iter().any(|f| near(f)) || clusters[cl].surname_forms.is_empty() {
                    options.push(Target::Cluster(cl));
                }
            }
            if let Some(keys) = g.surnames.get(&sur) {
                for k in keys {
                    // A short skeleton links only to somebody already named.
                    let named = seen.named(&Target::Gaz(k.entry));
                    // A given name alone is that person's only once named.
                    let ok = if given { named && k.form == word } else { k.form == word || ((sur_len >= 3 || named) && near(&k.form)) };
                    if ok && !options.contains(&Target::Gaz(k.entry)) {
                        options.push(Target::Gaz(k.entry));
                    }
                }
            }
            if options.is_empty() {
                if let Some(role) = &p.role {
                    // Same role, near-identical surname: وزير الخارجية التركي فيان.
                    for_each_deletion(&sur, &mut del, |dl| {
                        for &cl in by_deletion.get(dl).map(|v| v.as_slice()).unwrap_or(&[]) {
                            if clusters[cl].roles.contains(*role) && within_one(&clusters[cl].surname, &sur) {
                                options.push(Target::Cluster(cl));
                            }
                        }
                        for k in g.surname_fuzzy.get(dl).map(|v| v.as_slice()).unwrap_or(&[]) {
                            if gaz_roles.get(&k.entry).is_some_and(|r| r.contains(*role)) && within_one(&k.surname, &sur) {
                                options.push(Target::Gaz(k.entry));
                            }
                        }
                    });
                }
            }
        }
        let target = if options.is_empty() {
            if p.weak {
                Target::Drop
            } else {
                let sur = skeleton(&p.toks[0]);
                let c = clusters.len();
                clusters.push(Cluster { surname: sur.clone(), ..Default::default() });
                *clusters[c].forms.entry(p.toks.join(" ")).or_default() += 1;
                clusters[c].surname_forms.insert(p.toks[0].clone());
                by_surname.entry(sur.clone()).or_default().push(c);
                add_deletions(&mut by_deletion, &sur, c, &mut del);
                Target::Cluster(c)
            }
        } else if options.len() == 1 {
            options.pop().unwrap()
        } else {
            choose(&options, &seen, p.doc, p.idx)
        };
        if let Target::Cluster(c) = &target {
            if let Some(r) = &p.role {
                insert_str(&mut clusters[*c].roles, r);
            }
        }
        targets[p.doc][p.idx] = target.clone();
        if target != Target::Drop {
            seen.add_late(target, p.doc, p.idx);
        }
    }
    (targets, clusters)
}

/// Where person targets are named: positions from the first passes
/// (sorted once) and, for the single names resolved in text order after
/// that, the last position and counts, so every question is a hash probe or
/// a binary search.
#[derive(Default)]
struct Seen {
    pos: HashMap<Target, Vec<(usize, usize)>>,
    late_last: HashMap<(Target, usize), usize>,
    late_count: HashMap<Target, usize>,
    doc_count: HashMap<(Target, usize), usize>,
}

impl Seen {
    fn add(&mut self, t: Target, doc: usize, idx: usize) {
        *self.doc_count.entry((t.clone(), doc)).or_default() += 1;
        self.pos.entry(t).or_default().push((doc, idx));
    }
    fn freeze(&mut self) {
        for v in self.pos.values_mut() {
            crate::sort::natural(v);
        }
    }
    fn add_late(&mut self, t: Target, doc: usize, idx: usize) {
        *self.doc_count.entry((t.clone(), doc)).or_default() += 1;
        *self.late_count.entry(t.clone()).or_default() += 1;
        self.late_last.insert((t, doc), idx);
    }
    fn named(&self, t: &Target) -> bool {
        self.pos.contains_key(t) || self.late_count.contains_key(t)
    }
    fn total(&self, t: &Target) -> usize {
        self.pos.get(t).map_or(0, |v| v.len()) + self.late_count.get(t).copied().unwrap_or(0)
    }
    /// The last position of t in doc before idx.
    fn before(&self, t: &Target, doc: usize, idx: usize) -> Option<usize> {
        let mut best = None;
        if let Some(v) = self.pos.get(t) {
            let at = v.partition_point(|&p| p < (doc, idx));
            if at > 0 && v[at - 1].0 == doc {
                best = Some(v[at - 1].1);
            }
        }
        if let Some(&k) = self.late_last.get(&(t.clone(), doc)) {
            if k < idx {
                best = Some(best.map_or(k, |b: usize| b.max(k)));
            }
        }
        best
    }
}

/// The option named nearest before (doc, idx): same document first, then
/// the most mentioned in the run, then the first listed.
fn choose(options: &[Target], seen: &Seen, doc: usize, idx: usize) -> Target {
    let mut best: Option<((usize, usize), &Target)> = None;
    for (n, t) in options.iter().enumerate() {
        let in_doc = seen.doc_count.get(&(t.clone(), doc)).copied().unwrap_or(0);
        let total = seen.total(t);
        let score = match seen.before(t, doc, idx) {
            Some(k) => (3usize, k),
            None if in_doc > 0 => (2, in_doc),
            None if total > 0 => (1, total),
            None => (0, usize::MAX - n),
        };
        if best.map_or(true, |(s, _)| score > s) {
            best = Some((score, t));
        }
    }
    best.map(|(_, t)| t.clone()).unwrap_or(Target::Drop)
}

/// A gazetteer person for a full name found by context.
fn link_full(g: &Gazetteer, (first, first_form): (&str, &str), (sur, short_surname): (&str, bool), role: Option<&str>, gaz_roles: &HashMap<u32, HashSet<String>>, del: &mut String) -> Option<Target> {
    if sur.is_empty() {
        return None;
    }
    if let Some(keys) = g.surnames.get(sur) {
        // Exact first name first, then a compatible one.
        if let Some(k) = keys.iter().find(|k| !k.first.is_empty() && k.first == first) {
            return Some(Target::Gaz(k.entry));
        }
        let entries: HashSet<u32> = keys.iter().map(|k| k.entry).collect();
        let mut ok: Vec<u32> = entries
            .into_iter()
            .filter(|&e| {
                let firsts: Vec<&str> = keys.iter().filter(|k| k.entry == e && !k.first.is_empty()).map(|k| k.first.as_str()).collect();
                firsts.is_empty() || firsts.iter().any(|f| first_compatible(f, first))
            })
            .collect();
        crate::sort::natural(&mut ok);
        if let Some(&e) = ok.first() {
            return Some(Target::Gaz(e));
        }
    }
    let sur_len = sur.chars().count();
    // A short surname's key holds the first name too (`surname_key`): one
    // letter off there is a different surname (`محمد فؤاد`/`محمد رعد`).
    if sur_len < 2 || short_surname {
        return None;
    }
    let mut found = None;
    for_each_deletion(sur, del, |dl| {
        if found.is_some() {
            return;
        }
        for k in g.surname_fuzzy.get(dl).map(|v| v.as_slice()).unwrap_or(&[]) {
            if !within_one(&k.surname, sur) || k.surname.chars().count() < 3 {
                continue;
            }
            // A near-miss surname needs the very same first name
            // (`هاكان فيان`), not just its skeleton (Tom/Tammy).
            let same_first = !first.is_empty() && k.first_form == first_form && sur_len >= 4;
            let same_role = role.is_some_and(|r| gaz_roles.get(&k.entry).is_some_and(|s| s.contains(r)));
            if same_first || same_role {
                found = Some(Target::Gaz(k.entry));
                return;
            }
        }
    });
    found
}

/// [`surname_key`] of owned tokens.
fn surname_key_of(toks: &[String]) -> String {
    match toks {
        [a] => surname_key(&[a.as_str()]),
        [.., a, b] => {
            // Only the last two words ever count.
            let two = [a.as_str(), b.as_str()];
            surname_key(&two)
        }
        [] => String::new(),
    }
}

/// Every deletion variant of `sur` → cluster `c`.
fn add_deletions(by_deletion: &mut HashMap<String, Vec<usize>>, sur: &str, c: usize, del: &mut String) {
    for_each_deletion(sur, del, |dl| match by_deletion.get_mut(dl) {
        Some(v) => v.push(c),
        None => {
            by_deletion.insert(dl.to_string(), vec![c]);
        }
    });
}

/// Insert a copy of `s` unless it is there already.
fn insert_str(set: &mut HashSet<String>, s: &str) {
    if !set.contains(s) {
        set.insert(s.to_string());
    }
}

/// Count one more `s`.
fn count_str(map: &mut HashMap<String, usize>, s: &str) {
    match map.get_mut(s) {
        Some(n) => *n += 1,
        None => {
            map.insert(s.to_string(), 1);
        }
    }
}

/// The tokens joined by one space.
fn join_into(toks: &[String], out: &mut String) {
    out.clear();
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(t);
    }
}
