//! Direct quotes and reported speech, with their speakers.
//!
//! 1. Quote marks are paired per paragraph (line): «» nest, “” and "" toggle
//!    (an opening one closes the open one of its kind), so a stray mark never
//!    pairs across a line. A short quoted span (1–3 words) that is an entity
//!    mention, starts with or follows a naming noun (`موقع «أكسيوس»`, `قصر
//!    «تشيراغان سراي»`, `صيغة «الجميع مقابل الجميع»`), is a single Latin word
//!    or stands alone on its line is a name, not a quote.
//! 2. Cues (`quote_cues.txt`): reporting verbs (`قال`, `أضاف`, `أعلن` …),
//!    participles (`مضيفاً أن`), sources (`بحسب X`, `وفقاً لـX`, `كما تقول X`),
//!    relays (`نقلت X عن Y`) and headline attributions (`لافروف: …`).
//! 3. A verb's speaker is the first person (else organisation) mention after
//!    it and before its complement (إن/أن, a colon, a quote mark) that is not
//!    the object of a preposition — so titles are skipped: `قال المتحدث باسم
//!    الكرملين ديمتري بيسكوف` → Peskov — or the mention right before it
//!    (`وكان بيسكوف قد قال`). A verb with no subject of its own (`وأضاف:`,
//!    `وقال إنه`, `لكنه قال`) carries the last speaker of the three sentences
//!    before; a participle takes its sentence's speaker.
//! 4. A direct quote takes the nearest cue before it in its sentence, else
//!    one right after it (`"…"، قال بيسكوف`, `"…"، هذا ما كتبه X`), else a cue
//!    ending the previous sentence with a colon, else — when it starts its
//!    sentence right after another quote — the previous quote's speaker.
//! 5. Reported speech: the clause after إن/أن (or a colon with no quote
//!    mark) up to the next cue or the sentence's end; for a source, the rest
//!    of the sentence on the other side of `بحسب X`.

use super::lexicon::{lex, Phrases};
use super::{strip_conj, Ctx};
use crate::model::{Quote, Span};
use crate::tokenize::{without_enclitic, TokKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Guillemet,
    Curly,
    Straight,
}

/// A direct quote: its marks (token indices) and inner byte span.
#[derive(Debug, Clone)]
struct Dq {
    open: usize,
    close: usize,
    start: usize,
    end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    Verb,
    Participle,
    Source,
    Relay,
    Headline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// A mention index.
    Named(usize),
    /// A subject the text names with a common noun (مسؤول أوكراني).
    Unnamed,
    /// No subject of its own: carry.
    Missing,
}

#[derive(Debug, Clone)]
struct Cue<'a> {
    first: usize,
    last: usize,
    kind: CueKind,
    subject: Subject,
    /// First token of the reported clause.
    comp: Option<usize>,
    /// For sources: the clause's token range.
    clause: Option<(usize, usize)>,
    speaker: Option<&'a str>,
    attribution: Option<&'static str>,
}

pub fn find(ctx: &Ctx) -> Vec<Quote> {
    let dqs = pair_quotes(ctx);
    let n = ctx.toks.len();
    // The opening mark of each quote, and the tokens inside some quote: the
    // union of the quotes' insides, which come in order of their openings
    // (each token marked once, so linear even for deep nesting).
    let mut opens = vec![false; n];
    let mut inside = vec![false; n];
    let mut covered = 0;
    for q in &dqs {
        opens[q.open] = true;
        let from = (q.open + 1).max(covered);
        if from < q.close {
            inside[from..q.close].fill(true);
        }
        covered = covered.max(q.close);
    }
    let mut cues = find_cues(ctx, &inside, &opens);
    attribute(ctx, &dqs, &opens, &mut cues)
}

fn mark_of(c: &str) -> Option<(Mark, Option<bool>)> {
    // (kind, Some(true) opens / Some(false) closes / None toggles)
    match c {
        "«" => Some((Mark::Guillemet, Some(true))),
        "»" => Some((Mark::Guillemet, Some(false))),
        "“" | "”" | "„" => Some((Mark::Curly, None)),
        "\"" => Some((Mark::Straight, None)),
        _ => None,
    }
}

/// Pair quote marks line by line and keep the real quotes.
fn pair_quotes(ctx: &Ctx) -> Vec<Dq> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut stack: Vec<(Mark, usize)> = Vec::new();
    // Open marks of each kind on the stack, so a search never scans a stack
    // that holds none (linear time on any nesting).
    let mut open_count = [0usize; 3];
    let slot = |m: Mark| match m {
        Mark::Guillemet => 0,
        Mark::Curly => 1,
        Mark::Straight => 2,
    };
    for (i, t) in ctx.toks.iter().enumerate() {
        if t.kind == TokKind::Newline {
            stack.clear();
            open_count = [0; 3];
            continue;
        }
        if t.kind != TokKind::Punct {
            continue;
        }
        let Some((mark, dir)) = mark_of(&ctx.text[t.start()..t.end()]) else { continue };
        let open_at = if open_count[slot(mark)] > 0 { stack.iter().rposition(|&(m, _)| m == mark) } else { None };
        let closes = match dir {
            Some(o) => !o,
            None => open_at.is_some(),
        };
        if closes {
            if let Some(p) = open_at {
                let (_, o) = stack[p];
                for &(m, _) in &stack[p..] {
                    open_count[slot(m)] -= 1;
                }
                stack.truncate(p);
                pairs.push((o, i));
            }
        } else {
            open_count[slot(mark)] += 1;
            stack.push((mark, i));
        }
    }
    crate::sort::natural(&mut pairs);
    let n = ctx.toks.len();
    let mut next_word = vec![n as u32; n + 1];
    for (k, t) in ctx.toks.iter().enumerate().rev() {
        next_word[k] = if t.is_word() { k as u32 } else { next_word[k + 1] };
    }
    let mut out = Vec::new();
    for (o, c) in pairs {
        let start = ctx.toks[o].end();
        let end = ctx.toks[c].start();
        let inner = &ctx.text[start..end];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        if lead + trail >= inner.len() {
            continue;
        }
        if is_name(ctx, o, c, &next_word) {
            continue;
        }
        out.push(Dq { open: o, close: c, start: start + lead, end: end - trail });
    }
    out
}

/// Forms of a word to look up in a list: as written, without و/ف, without
/// ب/ل/ك, without the article, without an object pronoun.
fn variants(norm: &str) -> Vec<&str> {
    let mut v = vec![norm];
    let c = strip_conj(norm);
    v.push(c);
    for base in [norm, c] {
        if let Some(r) = base.strip_prefix('ب').or_else(|| base.strip_prefix('ل')) {
            if r.chars().count() >= 2 {
                v.push(r);
            }
        }
    }
    let n = v.len();
    for k in 0..n {
        if let Some(r) = v[k].strip_prefix("ال") {
            v.push(r);
        }
    }
    let n = v.len();
    for k in 0..n {
        v.extend(without_enclitic(v[k]));
    }
    v
}

fn is_head(ctx: &Ctx, i: usize) -> bool {
    if !ctx.is_word(i) {
        return false;
    }
    let heads = lex().sc.get("name_head");
    variants(ctx.norm(i)).iter().any(|w| heads.has(w))
}

/// A quoted span that names something rather than quoting anyone.
/// `next_word[k]` is the first word token at or after `k`.
fn is_name(ctx: &Ctx, open: usize, close: usize, next_word: &[u32]) -> bool {
    let mut words: Vec<usize> = Vec::with_capacity(4);
    let mut k = open + 1;
    while words.len() < 4 {
        let w = next_word[k.min(next_word.len() - 1)] as usize;
        if w >= close {
            break;
        }
        words.push(w);
        k = w + 1;
    }
    if words.is_empty() {
        return true;
    }
    if words.len() > 3 {
        return false;
    }
    // The quoted words are one mention.
    if let Some(m) = ctx.mention_idx(words[0]) {
        if words.iter().all(|&k| ctx.mention_idx(k) == Some(m)) {
            return true;
        }
    }
    if words.len() == 1 && ctx.is_latin(words[0]) {
        return true;
    }
    // نقل «أكسيوس» عن …: a source named right after a reporting verb.
    if words.len() == 1 && open > 0 && ctx.is_word(open - 1) {
        let lx = lex();
        let n = strip_conj(ctx.norm(open - 1));
        if lx.verbs.contains(n) || lx.relays.contains(n) {
            return true;
        }
    }
    // «قناة روسيا»
    if is_head(ctx, words[0]) && words.len() >= 2 {
        return true;
    }
    // موقع «أكسيوس»، حسابه على «إكس»، علامة المكالمة “Corsair”
    if open > 0 {
        let w1 = open - 1;
        if is_head(ctx, w1) {
            return true;
        }
        if ctx.is_word(w1) {
            let n1 = strip_conj(ctx.norm(w1));
            let prep = lex().prepositions.contains(n1);
            // على «إكس»، مع «جوتيريش»
            if words.len() == 1 && prep {
                return true;
            }
            // حسابه على «إكس»، علامة المكالمة “Corsair”، وكالة أنباء «تاس»
            let plain_noun = words.len() <= 2
                && !is_comp(n1)
                && !is_cue_start(ctx, w1)
                && !in_section(ctx, "pronoun", w1)
                && ctx.is_arabic(w1);
            if (prep || n1.starts_with("ال") || plain_noun) && w1 > 0 && is_head(ctx, w1 - 1) {
                return true;
            }
        }
    }
    // A byline or a label alone on its line: «الشرق الأوسط» (كييف)
    let line_start = open == 0 || ctx.toks[open - 1].kind == TokKind::Newline;
    if line_start {
        let mut k = close + 1;
        let mut depth = 0i32;
        let mut only_brackets = true;
        while k < ctx.toks.len() && ctx.toks[k].kind != TokKind::Newline {
            if k > close + 12 {
                only_brackets = false;
                break;
            }
            match ctx.norm(k) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ if depth > 0 => {}
                _ => {
                    only_brackets = false;
                    break;
                }
            }
            k += 1;
        }
        if only_brackets {
            return true;
        }
    }
    false
}

fn in_phrases(p: &Phrases, w: &str) -> bool {
    p.has(w)
}

fn is_comp(n: &str) -> bool {
    lex().complementizers.contains(n)
}

fn is_verb_word(ctx: &Ctx, i: usize) -> bool {
    let lx = lex();
    let n = ctx.norm(i);
    let c = strip_conj(n);
    if lx.verbs.contains(n) || lx.verbs.contains(c) {
        return true;
    }
    // هذا ما كتبه، ما قاله
    if i > 0 && ctx.norm(i - 1) == "ما" {
        return without_enclitic(c).iter().any(|v| lx.verbs.contains(*v));
    }
    false
}

fn is_participle_word(ctx: &Ctx, i: usize) -> bool {
    let lx = lex();
    let n = ctx.norm(i);
    lx.participles.contains(n) || lx.participles.contains(strip_conj(n))
}

/// A source phrase (بحسب، وفقاً لـ، كما تقول) starting at `i`: its last token.
fn source_at(ctx: &Ctx, i: usize) -> Option<usize> {
    let p = lex().sc.get("source");
    // A source phrase's first word is the token, or the token without و.
    let t = ctx.norm(i);
    if !(p.firsts.may(t) || t.strip_prefix('و').is_some_and(|r| p.firsts.may(r))) {
        return None;
    }
    for words in &p.all {
        let n = words.len();
        if i + n > ctx.toks.len() {
            continue;
        }
        let ok = words.iter().enumerate().all(|(m, w)| {
            let t = ctx.norm(i + m);
            // Only و comes off a source word: فحسب is "only".
            t == w || (m == 0 && t.strip_prefix('و') == Some(w.as_str()))
        });
        if ok {
            return Some(i + n - 1);
        }
    }
    None
}

fn is_cue_start(ctx: &Ctx, i: usize) -> bool {
    ctx.is_word(i) && may_cue(ctx, i) && (is_verb_word(ctx, i) || is_participle_word(ctx, i) || source_at(ctx, i).is_some())
}

/// Whether the word at `i` can start a cue at all: a reporting verb,
/// participle or relay verb (with و/ف), the first word of a source or
/// statement phrase (with و), or a verb after ما (`ما قاله`). One lookup, done
/// once per token (`Ctx::info`).
fn may_cue(ctx: &Ctx, i: usize) -> bool {
    ctx.info(i).is_some_and(|w| w.cue) || (i > 0 && ctx.norm(i - 1) == "ما")
}

/// A word that starts a prepositional phrase: a preposition, or a noun with
/// ب/ل and the article (للصحفيين، بالنيابة), or ل/ب on a naming noun
/// (لوكالة).
fn is_prep_word(ctx: &Ctx, i: usize) -> bool {
    if !ctx.is_word(i) {
        return false;
    }
    let lx = lex();
    let n = ctx.norm(i);
    let c = strip_conj(n);
    if lx.prepositions.contains(c) || lx.prepositions.contains(n) || matches!(c, "ل" | "ب") {
        return true;
    }
    if c.starts_with("لل") || c.starts_with("بال") {
        return true;
    }
    if let Some(r) = c.strip_prefix('ل').or_else(|| c.strip_prefix('ب')) {
        let sc = &lx.sc;
        if in_phrases(sc.get("name_head"), r) || in_phrases(sc.get("source_noun"), r) {
            return true;
        }
    }
    false
}

fn in_section(ctx: &Ctx, section: &str, i: usize) -> bool {
    let p = lex().sc.get(section);
    let n = ctx.norm(i);
    p.has(n) || p.has(strip_conj(n))
}

/// Is the mention starting at token `a` the object of a preposition, or in
/// apposition to one (`مع الرئيس الروسي فلاديمير بوتين`)? Walks back over
/// title words and nationalities; another name ends the walk, so `المتحدث
/// باسم الكرملين ديمتري بيسكوف` leaves Peskov a subject.
fn prepositional(ctx: &Ctx, a: usize) -> bool {
    let first = strip_conj(ctx.norm(a));
    if first.starts_with("لل") || first.starts_with("بال") {
        return true;
    }
    let mut k = a;
    let mut words = 0;
    let mut steps = 0;
    while k > 0 && words < 4 && steps < 10 {
        k -= 1;
        steps += 1;
        let t = &ctx.toks[k];
        if t.kind == TokKind::Newline {
            return false;
        }
        if t.kind == TokKind::Punct {
            // «إكس» after على
            if matches!(ctx.tn(t), "«" | "\"" | "“" | "”" | "(") {
                continue;
            }
            return false;
        }
        if let Some(m) = ctx.mention(k) {
            if m.kind != "nationality" {
                return false;
            }
            continue;
        }
        if is_prep_word(ctx, k) {
            // `المتحدث باسم الخارجية القطرية ماجد الأنصاري`: the preposition
            // has its own object and belongs to a title before it, whose
            // name this is; the walk goes on from the title.
            let in_title = words > 0 && k > 0 && ctx.is_word(k - 1) && in_section(ctx, "anaphoric_title", k - 1);
            if !in_title {
                return true;
            }
            continue;
        }
        if is_cue_start(ctx, k) {
            return false;
        }
        words += 1;
    }
    false
}

struct Window {
    subject: Subject,
    comp: Option<usize>,
    /// The subject is a bare title (وقال الوزير): the last speaker.
    anaphoric: bool,
}

/// Read the subject after a verb ending at token `from - 1`, up to its
/// complement.
fn subject_after(ctx: &Ctx, from: usize, opens: &[bool]) -> Window {
    let s = ctx.sent.get(from.saturating_sub(1)).copied().unwrap_or(0);
    let mut k = from;
    let mut person = None;
    let mut org = None;
    let mut place = None;
    let mut bism_org = None;
    let mut explicit: Option<bool> = None;
    let mut comp = None;
    let mut anaphoric = false;
    let mut steps = 0;
    let mut seen = 0;
    while k < ctx.toks.len() && ctx.sent[k] == s && steps < 28 && seen < 90 {
        seen += 1;
        let t = &ctx.toks[k];
        if t.kind == TokKind::Newline {
            break;
        }
        if opens[k] {
            explicit.get_or_insert(false);
            comp = Some(k);
            break;
        }
        if t.kind == TokKind::Punct {
            if ctx.tn(t) == ":" {
                explicit.get_or_insert(false);
                comp = Some(k + 1);
                break;
            }
            k += 1;
            continue;
        }
        steps += 1;
        let n = ctx.tn(t);
        if is_comp(n) {
            // إلا أن، بعد أن، يمكن أن: not this verb's complement.
            let governed = k > 0 && ctx.is_word(k - 1) && in_section(ctx, "not_comp_after", k - 1);
            if governed {
                break;
            }
            explicit.get_or_insert(false);
            comp = Some(k + 1);
            break;
        }
        if k > from && is_cue_start(ctx, k) {
            break;
        }
        if let Some(mi) = ctx.mention_idx(k) {
            let (a, b) = ctx.mention_tokens(mi, k);
            let m = ctx.mentions[mi];
            let prep = prepositional(ctx, a);
            if !prep {
                explicit.get_or_insert(true);
                match m.kind {
                    "person" => {
                        person = person.or(Some(mi));
                    }
                    "org" => {
                        org = org.or(Some(mi));
                    }
                    // قالت موسكو إن: a place as the subject right after the verb.
                    "place" if place.is_none() && org.is_none() && person.is_none() && a == first_content(ctx, from) => {
                        place = Some(mi);
                    }
                    _ => {}
                }
            } else {
                explicit.get_or_insert(false);
                if m.kind == "org" && a > 0 && strip_conj(ctx.norm(a - 1)) == "باسم" {
                    bism_org = bism_org.or(Some(mi));
                }
            }
            k = b.max(k) + 1;
            continue;
        }
        if in_section(ctx, "adverb", k) {
            k += 1;
            continue;
        }
        if is_prep_word(ctx, k) || in_section(ctx, "pronoun", k) {
            explicit.get_or_insert(false);
        } else {
            if explicit.is_none() && in_section(ctx, "anaphoric_title", k) {
                anaphoric = true;
            }
            explicit.get_or_insert(true);
        }
        k += 1;
    }
    let subject = match person.or(org).or(place).or(bism_org) {
        Some(m) => Subject::Named(m),
        None if explicit == Some(true) => Subject::Unnamed,
        None => Subject::Missing,
    };
    Window { subject, comp, anaphoric: anaphoric && subject == Subject::Unnamed }
}

/// The first token after `from` that is neither punctuation nor an adverb.
fn first_content(ctx: &Ctx, from: usize) -> usize {
    let mut k = from;
    while k < ctx.toks.len() && k < from + 20 && (ctx.toks[k].kind == TokKind::Punct || (ctx.is_word(k) && in_section(ctx, "adverb", k))) {
        k += 1;
    }
    k
}

/// A subject right before the verb at `v`: `وكان بيسكوف قد قال`,
/// `ميدينسكي أعلن`, `ترمب، الذي قال`, `هاكان فيدان، قال`; an unnamed one
/// (`وكان ناطق … قال`) gives Unnamed. Not for a verb with و/ف, which starts a
/// new clause (`… ترامب وقال`).
fn subject_before(ctx: &Ctx, v: usize) -> Option<Subject> {
    let n = ctx.norm(v);
    if strip_conj(n) != n {
        return None;
    }
    let mut k = v;
    let mut commas = 0;
    let mut steps = 0;
    while k > 0 && steps < 6 {
        k -= 1;
        steps += 1;
        if ctx.is_word(k) && in_section(ctx, "subject_aux", k) && ctx.mention(k).is_none() {
            continue;
        }
        if ctx.is_punct(k, ",") && commas == 0 {
            commas += 1;
            continue;
        }
        break;
    }
    if k == v || ctx.sent.get(k) != ctx.sent.get(v) || !ctx.is_word(k) {
        return None;
    }
    let Some(mi) = ctx.mention_idx(k) else {
        // An unnamed subject: a noun, not a pronoun or a particle.
        let w = ctx.norm(k);
        let plain = commas == 0
            && !in_section(ctx, "pronoun", k)
            && !is_comp(w)
            && !is_prep_word(ctx, k)
            && !in_section(ctx, "adverb", k)
            && !is_cue_start(ctx, k)
            && ctx.is_arabic(k);
        return plain.then_some(Subject::Unnamed);
    };
    let m = ctx.mentions[mi];
    if !matches!(m.kind, "person" | "org") || m.end != ctx.toks[k].end() {
        return None;
    }
    let (a, _) = ctx.mention_tokens(mi, k);
    // ناطق باسم وزارة الخارجية قال: the body the spokesman speaks for.
    if a > 0 && strip_conj(ctx.norm(a - 1)) == "باسم" && m.kind == "org" {
        return Some(Subject::Named(mi));
    }
    if prepositional(ctx, a) {
        return None;
    }
    Some(Subject::Named(mi))
}

fn find_cues<'a>(ctx: &Ctx<'a>, inside: &[bool], opens: &[bool]) -> Vec<Cue<'a>> {
    let mut cues = Vec::new();
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        if !ctx.is_word(i) || inside[i] {
            i += 1;
            continue;
        }
        // Headline attribution: a name, a colon, the words.
        let sent_first = ctx.sents[ctx.sent[i] as usize].0;
        if i == sent_first {
            if let Some(mi) = ctx.mention_idx(i) {
                let m = ctx.mentions[mi];
                let (_, b) = ctx.mention_tokens(mi, i);
                if matches!(m.kind, "person" | "org") && ctx.is_punct(b + 1, ":") && ctx.sent.get(b + 2) == ctx.sent.get(i) {
                    cues.push(Cue { first: i, last: b + 1, kind: CueKind::Headline, subject: Subject::Named(mi), comp: Some(b + 2), clause: None, speaker: None, attribution: None });
                    i = b + 2;
                    continue;
                }
            }
        }
        // One lookup tells whether the word can start a cue.
        if !may_cue(ctx, i) {
            i += 1;
            continue;
        }
        if let Some(e) = super::phrase_starting_at(ctx, lex().sc.get("statement"), i) {
            let w = subject_after(ctx, e + 1, opens);
            cues.push(Cue { first: i, last: e, kind: CueKind::Verb, subject: Subject::Missing, comp: w.comp, clause: None, speaker: None, attribution: None });
            i = e + 1;
            continue;
        }
        if let Some(e) = source_at(ctx, i) {
            if let Some(c) = source_cue(ctx, i, e, opens) {
                cues.push(c);
            }
            i = e + 1;
            continue;
        }
        let lx = lex();
        let c = strip_conj(ctx.norm(i));
        if lx.relays.contains(c) {
            if let Some(cue) = relay_cue(ctx, i, opens) {
                cues.push(cue);
                i += 1;
                continue;
            }
        }
        if is_verb_word(ctx, i) || lx.relays.contains(c) {
            let w = subject_after(ctx, i + 1, opens);
            let mut subject = w.subject;
            if !matches!(subject, Subject::Named(_)) {
                match subject_before(ctx, i) {
                    Some(Subject::Named(mi)) => subject = Subject::Named(mi),
                    Some(Subject::Unnamed) if subject == Subject::Missing => subject = Subject::Unnamed,
                    _ => {}
                }
            }
            if w.anaphoric && subject == Subject::Unnamed {
                subject = Subject::Missing;
            }
            cues.push(Cue { first: i, last: i, kind: CueKind::Verb, subject, comp: w.comp, clause: None, speaker: None, attribution: None });
            i += 1;
            continue;
        }
        if is_participle_word(ctx, i) {
            // مضيفاً أن، قائلاً: «…»، مشيراً إلى أن
            let mut comp = None;
            for k in i + 1..(i + 4).min(n) {
                if opens[k] {
                    comp = Some(k);
                    break;
                }
                if ctx.is_punct(k, ":") {
                    comp = Some(k + 1);
                    break;
                }
                if ctx.is_word(k) && is_comp(ctx.norm(k)) {
                    comp = Some(k + 1);
                    break;
                }
            }
            if comp.is_some() {
                cues.push(Cue { first: i, last: i, kind: CueKind::Participle, subject: Subject::Missing, comp, clause: None, speaker: None, attribution: None });
            }
        }
        i += 1;
    }
    cues
}

/// بحسب X، …  /  …، بحسب X  /  …، كما تقول X
fn source_cue<'a>(ctx: &Ctx<'a>, i: usize, e: usize, opens: &[bool]) -> Option<Cue<'a>> {
    let s = ctx.sent[i];
    let (sa, sb) = ctx.sents[s as usize];
    // At the start of its sentence the clause follows X; else it precedes.
    let at_start = i - sa <= 50 && !(sa..i).any(|q| ctx.is_word(q));
    let mut k = e + 1;
    let (mut person, mut org, mut place) = (None, None, None);
    let mut first_word = None;
    let mut commas = 0;
    let mut words = 0;
    let mut x_end = e;
    while k < sb && words < 12 {
        let t = &ctx.toks[k];
        if opens[k] || t.kind == TokKind::Newline {
            break;
        }
        if t.kind == TokKind::Punct {
            if ctx.tn(t) == "," {
                if at_start {
                    // بحسب رئيس الوفد، فلاديمير ميدينسكي، فقد …: an apposition.
                    let appos = person.is_none() && ctx.mention(k + 1).is_some_and(|m| m.kind == "person");
                    if !appos {
                        break;
                    }
                } else {
                    commas += 1;
                    if commas == 2 || person.is_some() || org.is_some() {
                        break;
                    }
                }
            } else if matches!(ctx.tn(t), "." | ":" | ";" | "?" | "!") {
                break;
            }
            k += 1;
            continue;
        }
        if is_comp(ctx.tn(t)) {
            break;
        }
        if is_cue_start(ctx, k) {
            // بحسب ما أعلنت X: the verb is part of the phrase.
            if first_word.is_some() {
                break;
            }
            k += 1;
            continue;
        }
        words += 1;
        first_word.get_or_insert(k);
        if let Some(mi) = ctx.mention_idx(k) {
            let m = ctx.mentions[mi];
            let (_, b) = ctx.mention_tokens(mi, k);
            // بحسب X: X itself follows a preposition; later names must not
            // follow one of their own (حسبما صرح المسؤول في AP).
            let after_prep = k > 0 && ctx.is_word(k - 1) && lex().prepositions.contains(strip_conj(ctx.norm(k - 1)));
            if words == 1 || !after_prep {
                match m.kind {
                    "person" => person = person.or(Some(mi)),
                    "org" => org = org.or(Some(mi)),
                    "place" => place = place.or(Some(mi)),
                    _ => {}
                }
            }
            x_end = b;
            k = b + 1;
            continue;
        }
        x_end = k;
        k += 1;
    }
    let named = person.or(org).or(place);
    let fw = first_word?;
    let sources = lex().sc.get("source_noun");
    let is_source = named.is_some() || variants(ctx.norm(fw)).iter().any(|w| sources.has(w));
    if !is_source {
        return None;
    }
    let clause = if at_start {
        let mut c = x_end + 1;
        while c < sb && ctx.toks[c].kind == TokKind::Punct && !opens[c] {
            c += 1;
        }
        (c, sb)
    } else {
        (sa, i)
    };
    let subject = match named {
        Some(m) => Subject::Named(m),
        None => Subject::Unnamed,
    };
    Some(Cue { first: i, last: e, kind: CueKind::Source, subject, comp: None, clause: Some(clause), speaker: None, attribution: None })
}

/// نقلت X عن Y (قوله) إن …
fn relay_cue<'a>(ctx: &Ctx<'a>, i: usize, opens: &[bool]) -> Option<Cue<'a>> {
    let s = ctx.sent[i];
    let (_, sb) = ctx.sents[s as usize];
    let an = (i + 1..(i + 15).min(sb)).find(|&k| ctx.is_word(k) && ctx.norm(k) == "عن")?;
    let mut k = an + 1;
    let mut named = None;
    let mut y_end = an;
    let mut first_word = None;
    while k < sb && k <= an + 8 {
        let t = &ctx.toks[k];
        if opens[k] || (t.kind == TokKind::Punct && ctx.tn(t) != ",") {
            break;
        }
        if t.kind == TokKind::Punct {
            k += 1;
            continue;
        }
        if is_comp(ctx.tn(t)) {
            break;
        }
        first_word.get_or_insert(k);
        if let Some(mi) = ctx.mention_idx(k) {
            let m = ctx.mentions[mi];
            let (_, b) = ctx.mention_tokens(mi, k);
            if named.is_none() && matches!(m.kind, "person" | "org" | "place") {
                named = Some(mi);
                y_end = b;
                break;
            }
            k = b + 1;
            continue;
        }
        k += 1;
    }
    let _ = first_word;
    // The clause: after إن/أن, else after Y and its masdar (تأكيده، قوله).
    let mut comp = None;
    for q in (y_end + 1)..(y_end + 12).min(sb) {
        if opens[q] {
            comp = Some(q);
            break;
        }
        if ctx.is_word(q) && is_comp(ctx.norm(q)) {
            comp = Some(q + 1);
            break;
        }
        if ctx.is_punct(q, ":") {
            comp = Some(q + 1);
            break;
        }
    }
    if comp.is_none() && named.is_some() {
        let mut q = y_end + 1;
        if ctx.is_word(q) && !without_enclitic(ctx.norm(q)).is_empty() && ctx.mention(q).is_none() {
            q += 1;
        }
        if q < sb {
            comp = Some(q);
        }
    }
    let subject = match named {
        Some(m) => Subject::Named(m),
        None => Subject::Unnamed,
    };
    Some(Cue { first: i, last: i, kind: CueKind::Relay, subject, comp, clause: None, speaker: None, attribution: None })
}

/// The last speaker met: None when a cue had a subject the text does not
/// name (`قال مسؤول`), which ends any carrying over.
struct Last<'a> {
    speaker: Option<&'a str>,
    sent: u32,
    article: u32,
}

/// The first person mention of sentence `s` that is not after a preposition.
fn first_person<'a>(ctx: &Ctx<'a>, s: usize) -> Option<&'a str> {
    let (a, b) = *ctx.sents.get(s)?;
    for k in a..b.min(a + 80) {
        if let Some(mi) = ctx.mention_idx(k) {
            let m = ctx.mentions[mi];
            let (ma, _) = ctx.mention_tokens(mi, k);
            if m.kind == "person" && ma == k && !prepositional(ctx, ma) {
                return Some(m.entity.as_str());
            }
        }
    }
    None
}

fn span_of(ctx: &Ctx, a: usize, b: usize) -> Span {
    Span { start: ctx.toks[a].start(), end: ctx.toks[b].end() }
}

/// `is_open[k]`: token `k` opens one of the quotes `dqs`.
fn attribute<'a>(ctx: &Ctx<'a>, dqs: &[Dq], is_open: &[bool], cues: &mut [Cue<'a>]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut seen: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for q in dqs {
        seen.insert((q.start, q.end));
    }
    let mut last: Option<Last> = None;
    let mut ci = 0;
    let mut qi = 0;
    // Speaker of the last direct quote in the previous sentence.
    let mut prev_sentence_quote: Option<(u32, Option<&'a str>)> = None;
    for s in 0..ctx.sents.len() {
        let (sa, sb) = ctx.sents[s];
        if sa >= sb {
            continue;
        }
        let art = ctx.sent_article[s];
        if last.as_ref().is_some_and(|l| l.article != art) {
            last = None;
        }
        let last_before = last.as_ref().filter(|l| l.sent as usize + 3 >= s).and_then(|l| l.speaker);
        let carry = |last: &Option<Last<'a>>| -> Option<&'a str> {
            match last {
                Some(l) if l.sent as usize + 3 >= s && l.article == art => l.speaker,
                // No recent speaker: the subject of the sentence before (or
                // the one before that).
                _ => (1..=2).filter(|&d| s >= d).find_map(|d| {
                    let p = s - d;
                    (ctx.sents[p].0 < ctx.sents[p].1 && ctx.sent_article[p] == art)
                        .then(|| first_person(ctx, p))
                        .flatten()
                }),
            }
        };
        // Cues of this sentence, in order.
        let c0 = ci;
        while ci < cues.len() && (ctx.sent[cues[ci].first] as usize) == s {
            ci += 1;
        }
        for c in c0..ci {
            let (speaker, attribution) = match cues[c].subject {
                Subject::Named(mi) => {
                    let how = match cues[c].kind {
                        CueKind::Source | CueKind::Relay => "source",
                        CueKind::Headline => "headline",
                        _ => "cue",
                    };
                    (Some(ctx.mentions[mi].entity.as_str()), Some(how))
                }
                Subject::Unnamed => (None, None),
                Subject::Missing => {
                    if cues[c].kind == CueKind::Participle {
                        // The sentence's speaker: an earlier cue, else its subject.
                        let earlier = (c0.max(c.saturating_sub(20))..c).rev().find_map(|p| cues[p].speaker.map(|sp| (sp, cues[p].attribution)));
                        match earlier {
                            Some((sp, how)) => (Some(sp), how),
                            None => {
                                let before = (sa..cues[c].first.min(sa + 80)).find_map(|k| {
                                    let mi = ctx.mention_idx(k)?;
                                    let m = ctx.mentions[mi];
                                    let (ma, _) = ctx.mention_tokens(mi, k);
                                    (matches!(m.kind, "person" | "org" | "place") && ma == k && !prepositional(ctx, ma)).then(|| m.entity.as_str())
                                });
                                match before {
                                    Some(sp) => (Some(sp), Some("cue")),
                                    None => {
                                        let sp = carry(&last);
                                        let how = sp.as_ref().map(|_| "carried");
                                        (sp, how)
                                    }
                                }
                            }
                        }
                    } else {
                        let sp = carry(&last);
                        let how = sp.as_ref().map(|_| "carried");
                        (sp, how)
                    }
                }
            };
            cues[c].speaker = speaker;
            cues[c].attribution = attribution;
            if speaker.is_some() || cues[c].subject == Subject::Unnamed {
                last = Some(Last { speaker, sent: s as u32, article: art });
            }
        }
        let sent_cues = &cues[c0..ci];

        let first_word = (sa..sb).find(|&k| ctx.is_word(k)).unwrap_or(sb);
        // Direct quotes opening in this sentence.
        let mut this_sentence_quote: Option<Option<&'a str>> = None;
        while qi < dqs.len() && (ctx.sent[dqs[qi].open] as usize) < s {
            qi += 1;
        }
        while qi < dqs.len() && (ctx.sent[dqs[qi].open] as usize) == s {
            let q = &dqs[qi];
            qi += 1;
            let at_start = first_word >= q.open;
            let before = {
                let p = sent_cues.partition_point(|c| c.first < q.open);
                sent_cues[..p].last().filter(|c| c.last < q.open)
            };
            let after = cue_after(ctx, q.close, cues);
            let chosen: Option<&Cue> = if at_start { after.or(before) } else { before.or(after) };
            let (speaker, cue, attribution) = if let Some(c) = chosen {
                (c.speaker, Some(span_of(ctx, c.first, c.last.min(c.first.max(c.last)))), c.attribution)
            } else if let Some(c) = colon_cue_before(ctx, s, cues) {
                (c.speaker, Some(span_of(ctx, c.first, c.last)), c.attribution)
            } else if at_start && prev_sentence_quote.as_ref().is_some_and(|(ps, sp)| *ps as usize + 1 == s && sp.is_some()) {
                let sp = prev_sentence_quote.as_ref().and_then(|(_, sp)| sp.clone());
                (sp, None, Some("carried"))
            } else if at_start && last_before.is_some() && continues_quote(ctx, s) {
                (last_before.clone(), None, Some("carried"))
            } else {
                (None, None, None)
            };
            if let Some(sp) = &speaker {
                last = Some(Last { speaker: Some(*sp), sent: s as u32, article: art });
            }
            this_sentence_quote = Some(speaker);
            out.push(Quote {
                start: q.start,
                end: q.end,
                text: ctx.text[q.start..q.end].to_string(),
                speaker: speaker.map(str::to_string),
                cue,
                kind: "direct",
                attribution: if cue.is_some() || attribution == Some("carried") { attribution } else { None },
            });
        }
        prev_sentence_quote = this_sentence_quote.map(|sp| (s as u32, sp));

        // Reported clauses.
        for (k, c) in sent_cues.iter().enumerate() {
            let (a, b) = match (c.kind, c.clause, c.comp) {
                (CueKind::Source, Some((a, b)), _) => (a, b),
                (_, _, Some(a)) => {
                    // Up to the next cue, unless that cue is reported inside
                    // this clause (وذكرت مصادر أن القوات قالت إن …).
                    let next = sent_cues[k + 1..]
                        .iter()
                        .filter(|n| n.first > a)
                        .find(|n| !nested_cue(ctx, n))
                        .map(|n| n.first)
                        .unwrap_or(sb);
                    (a, next.min(sb))
                }
                _ => continue,
            };
            let Some((a, b)) = trim_clause(ctx, a, b) else { continue };
            // A clause that opens with a direct quote is that quote.
            if is_open[a] {
                continue;
            }
            // Words, not a link: `حيث قال: pic.twitter.com/…`
            if (a..b).filter(|&k| ctx.is_word(k) && !ctx.link[k]).take(2).count() < 2 {
                continue;
            }
            let sp = span_of(ctx, a, b - 1);
            if !seen.insert((sp.start, sp.end)) {
                continue;
            }
            let cue = if c.kind == CueKind::Headline { None } else { Some(span_of(ctx, c.first, c.last)) };
            out.push(Quote {
                start: sp.start,
                end: sp.end,
                text: ctx.text[sp.start..sp.end].to_string(),
                speaker: c.speaker.map(str::to_string),
                cue,
                kind: "reported",
                attribution: c.attribution,
            });
        }
    }
    crate::sort::by_key(&mut out, |q| (q.start, std::cmp::Reverse(q.end)));
    out
}

/// A verb cue in the middle of a clause with its subject before it and no
/// conjunction or comma: it is part of what is reported.
fn nested_cue(ctx: &Ctx, c: &Cue) -> bool {
    if c.kind != CueKind::Verb || c.first == 0 {
        return false;
    }
    let n = ctx.norm(c.first);
    if strip_conj(n) != n {
        return false;
    }
    let p = c.first - 1;
    ctx.is_word(p) && !lex().sc.get("pronoun").has(ctx.norm(p)) && !is_comp(ctx.norm(p))
}

/// The previous sentence ends with a colon after a cue: `وأضاف:` ⏎ «…».
fn colon_cue_before<'c, 'a>(ctx: &Ctx, s: usize, cues: &'c [Cue<'a>]) -> Option<&'c Cue<'a>> {
    if s == 0 {
        return None;
    }
    let (pa, pb) = ctx.sents[s - 1];
    if pb == 0 || !ctx.is_punct(pb - 1, ":") {
        return None;
    }
    let p = cues.partition_point(|c| c.first < pb);
    cues[..p].last().filter(|c| c.first >= pa)
}

/// A sentence that opens with a quote mark right after a sentence that closed
/// one: `وقال: "…". "…"`.
fn continues_quote(ctx: &Ctx, s: usize) -> bool {
    if s == 0 {
        return false;
    }
    let (pa, pb) = ctx.sents[s - 1];
    let mut k = pb;
    while k > pa && pb - k < 8 {
        k -= 1;
        let t = &ctx.toks[k];
        if t.kind == TokKind::Punct && matches!(ctx.tn(t), "." | "," | "!" | "?") {
            continue;
        }
        return t.kind == TokKind::Punct && matches!(&ctx.text[t.start()..t.end()], "»" | "”" | "\"" | "“");
    }
    false
}

/// A cue right after a closing quote mark: `"…"، قال بيسكوف`,
/// `"…"، هذا ما كتبه X`, `«…»، بحسب X`.
fn cue_after<'c, 'a>(ctx: &Ctx, close: usize, cues: &'c [Cue<'a>]) -> Option<&'c Cue<'a>> {
    let mut k = close + 1;
    let mut puncts = 0;
    while k < ctx.toks.len() && ctx.toks[k].kind == TokKind::Punct && puncts < 2 {
        if !matches!(ctx.norm(k), "," | "-" | ";") {
            return None;
        }
        puncts += 1;
        k += 1;
    }
    if let Some(e) = super::phrase_starting_at(ctx, lex().sc.get("after_quote_lead"), k) {
        k = e + 1;
    }
    let p = cues.partition_point(|c| c.first < k);
    let c = cues.get(p).filter(|c| c.first == k)?;
    matches!(c.kind, CueKind::Verb | CueKind::Source | CueKind::Relay).then_some(c)
}

/// Trim punctuation and a dangling conjunction off a clause `a..b`.
fn trim_clause(ctx: &Ctx, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    let keep_open = |s: &str| matches!(s, "«" | "“" | "\"" | "(" | "”");
    let keep_close = |s: &str| matches!(s, "»" | "”" | "\"" | ")" | "“");
    while a < b {
        let t = &ctx.toks[a];
        if t.kind == TokKind::Newline || (t.kind == TokKind::Punct && !keep_open(&ctx.text[t.start()..t.end()])) {
            a += 1;
        } else {
            break;
        }
    }
    while b > a {
        let t = &ctx.toks[b - 1];
        let dangling = ctx.is_word(b - 1) && matches!(ctx.tn(t), "و" | "لكن" | "لكنه" | "لكنها" | "ثم" | "كما");
        if t.kind == TokKind::Newline || (t.kind == TokKind::Punct && !keep_close(&ctx.text[t.start()..t.end()])) || dangling {
            b -= 1;
        } else {
            break;
        }
    }
    (b > a && (a..b).any(|k| ctx.is_word(k))).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;
    use crate::DocText;

    fn with_ctx<R>(text: &str, mentions: &[Mention], f: impl FnOnce(&Ctx) -> R) -> R {
        let doc = DocText { name: "t", text, articles: Vec::new() };
        let ctx = Ctx::new(&doc, mentions);
        f(&ctx)
    }

    fn inner<'a>(text: &'a str, ctx: &Ctx) -> Vec<&'a str> {
        pair_quotes(ctx).iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn pairing() {
        let t = "قال: «أولاً “ثانياً” وثالثاً» ثم \"رابعاً\" و”خامساً“ و«بلا إغلاق";
        with_ctx(t, &[], |ctx| {
            assert_eq!(inner(t, ctx), ["أولاً “ثانياً” وثالثاً", "ثانياً", "رابعاً", "خامساً"]);
        });
        // A line break closes nothing.
        let t = "قال: «سطر\nآخر» و\"هنا\nهناك\"";
        with_ctx(t, &[], |ctx| assert!(inner(t, ctx).is_empty()));
    }

    #[test]
    fn names_are_not_quotes() {
        let t = "بثت قناة «العربية» خبراً، وقال «إن الأمر انتهى تماماً»، ونشرت «قناة الشرق» تقريراً عن “X”.";
        with_ctx(t, &[], |ctx| assert_eq!(inner(t, ctx), ["إن الأمر انتهى تماماً"]));
    }

    #[test]
    fn subject_skips_titles_and_prepositions() {
        let t = "قال المتحدث باسم الحكومة كريم ناصر للصحفيين إن";
        let g = t.find("الحكومة").unwrap();
        let k = t.find("كريم ناصر").unwrap();
        let m = vec![
            Mention { start: g, end: g + "الحكومة".len(), text: "الحكومة".into(), kind: "org", entity: "gov".into() },
            Mention { start: k, end: k + "كريم ناصر".len(), text: "كريم ناصر".into(), kind: "person", entity: "karim".into() },
        ];
        with_ctx(t, &m, |ctx| {
            let opens = vec![false; ctx.toks.len()];
            let w = subject_after(ctx, 1, &opens);
            assert_eq!(w.subject.clone_named().map(|mi| ctx.mentions[mi].entity.as_str()), Some("karim"));
            assert_eq!(ctx.norm(w.comp.unwrap() - 1), "ان");
        });
        // After a preposition a name is not the subject: no subject of its own.
        let t = "وقال على تلغرام إن";
        let s = t.find("تلغرام").unwrap();
        let m = vec![Mention { start: s, end: s + "تلغرام".len(), text: "تلغرام".into(), kind: "org", entity: "tg".into() }];
        with_ctx(t, &m, |ctx| {
            let opens = vec![false; ctx.toks.len()];
            assert_eq!(subject_after(ctx, 1, &opens).subject, Subject::Missing);
        });
    }

    impl Subject {
        fn clone_named(&self) -> Option<usize> {
            match self {
                Subject::Named(m) => Some(*m),
                _ => None,
            }
        }
    }
}
