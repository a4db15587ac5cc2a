//! Quantities: a number (`numbers`), the noun it counts, and what qualifies
//! it.
//!
//! One pass over the tokens. At each token that starts a number (or a dual
//! noun, `ساعتين`, or a lone duration after an approximation, `أكثر من
//! ساعة`) the expression is grown in both directions:
//! - left: an approximation (`نحو`, `أكثر من`, `دون`) or the start of a range
//!   (`بين`, `من`);
//! - right: `ونصف`, the counted noun (`units.txt`: singular, plural,
//!   accusative, multi-word, `%`, currencies; `من` + a definite plural; an
//!   unknown noun in the accusative after 11–99), the end of a range (`و30`,
//!   `إلى 10`, `أو ثلاثة`, `20-30`), an exchange (`مقابل 1000`, `من كل جانب`),
//!   and an approximation after (`تقريباً`, `على الأقل`).
//!
//! It is dropped when it is a date or a time rather than a quantity: a
//! year-like number with no noun (`عام 2022`, `منذ 2022`), a day before a
//! month (`16 مايو`), digits joined by `/` or `:` (`24/07/2025`, `17:16`), an
//! era mark (`1446 هـ`), a label (`المادة 5`, `اليوم 1,012`), a name (`F-16`,
//! a Latin word before it) or a link.

use super::lexicon::{lex, NumKind, UnitKind};
use super::numbers::{self, AtomKind, Num};
use super::{phrase_ending_at, phrase_starting_at, strip_conj, Ctx};
use crate::model::Quantity;
use crate::normalize::is_ignorable;
use crate::tokenize::TokKind;

pub fn find(ctx: &Ctx) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < ctx.toks.len() {
        match at(ctx, i, &out) {
            Step::Emit(q, next) => {
                out.push(q);
                i = next.max(i + 1);
            }
            Step::Skip(next) => i = next.max(i + 1),
            Step::No => i += 1,
        }
    }
    out
}

enum Step {
    Emit(Quantity, usize),
    Skip(usize),
    No,
}

/// What a quantity counts.
#[derive(Clone)]
enum Unit {
    Known(usize),
    /// An unknown noun in the accusative, as written without its ending.
    Other(String),
}

struct Build {
    first: usize,
    last: usize,
    value: f64,
    high: Option<f64>,
    approx: Option<&'static str>,
    unit: Option<Unit>,
    exchange: Option<&'static str>,
}

fn in_set(ctx: &Ctx, section: &str, i: usize) -> bool {
    let p = lex().qc.get(section);
    let n = ctx.norm(i);
    p.has(n) || p.has(strip_conj(n))
}

/// A counted noun at token `j`: (unit, last token, plural).
fn match_unit(ctx: &Ctx, j: usize, allow_def: bool) -> Option<(usize, usize, bool)> {
    let lx = lex();
    let t = ctx.toks.get(j)?;
    if !(t.is_word() || t.kind == TokKind::Punct) || ctx.link[j] {
        return None;
    }
    let w = ctx.tn(t);
    let mut firsts: Vec<(&str, bool, bool)> = vec![(w, false, false)];
    if let Some(s) = w.strip_suffix('ا') {
        firsts.push((s, true, false));
    }
    if allow_def {
        if let Some(s) = w.strip_prefix("ال") {
            firsts.push((s, false, true));
        }
    }
    for (first, accusative, def) in firsts {
        let Some(forms) = lx.unit_forms.get(first) else { continue };
        for f in forms {
            if accusative && f.plural {
                continue;
            }
            let n = f.words.len();
            let ok = (1..n).all(|m| {
                let tn = ctx.norm(j + m);
                tn == f.words[m] || (def && tn.strip_prefix("ال") == Some(f.words[m].as_str()))
            });
            if ok && j + n <= ctx.toks.len() {
                return Some((f.unit, j + n - 1, f.plural));
            }
        }
    }
    None
}

/// A dual noun (ساعتين، طفلان، ليومين): (unit).
fn dual(ctx: &Ctx, j: usize) -> Option<usize> {
    let t = ctx.toks.get(j)?;
    if t.kind != TokKind::Word {
        return None;
    }
    ctx.info(j)?.dual
}

fn approx_before(ctx: &Ctx, num_first: usize) -> Option<(&'static str, usize)> {
    if num_first == 0 {
        return None;
    }
    let lx = lex();
    for (name, label) in [("more", "more"), ("less", "less"), ("about", "about")] {
        if let Some(s) = phrase_ending_at(ctx, lx.qc.get(name), num_first - 1) {
            if ctx.sent[s] == ctx.sent[num_first] {
                return Some((label, s));
            }
        }
    }
    None
}

/// An unknown counted noun: a word in the accusative with tanwin (عضواً),
/// as written without its ending.
fn accusative_noun(ctx: &Ctx, j: usize) -> Option<String> {
    let t = ctx.toks.get(j)?;
    if !ctx.is_arabic(j) || ctx.mention(j).is_some() {
        return None;
    }
    let raw = &ctx.text[t.start()..t.end()];
    if !raw.contains('\u{064B}') || !ctx.tn(t).ends_with('ا') || ctx.tn(t).starts_with("ال") {
        return None;
    }
    if in_set(ctx, "not_unit", j) || in_set(ctx, "about_after", j) || lex().numbers.contains_key(ctx.tn(t)) {
        return None;
    }
    let s = raw.trim_end_matches(is_ignorable);
    let s = s.strip_suffix('ا').unwrap_or(s).trim_end_matches(is_ignorable);
    (s.chars().filter(|c| !is_ignorable(*c)).count() >= 2).then(|| s.to_string())
}

struct UnitHit {
    unit: Unit,
    last: usize,
}

/// The noun a number counts, starting at token `j`.
fn unit_after(ctx: &Ctx, j: usize, num: &Num, prev: &[Quantity]) -> Option<UnitHit> {
    let t = ctx.toks.get(j)?;
    if t.kind == TokKind::Newline {
        return None;
    }
    if let Some((u, last, _)) = match_unit(ctx, j, num.vague) {
        return Some(UnitHit { unit: Unit::Known(u), last });
    }
    // 45 من القتلى، مئات من الأطفال
    if ctx.norm(j) == "من" {
        if let Some((u, last, plural)) = match_unit(ctx, j + 1, true) {
            if plural && ctx.norm(j + 1).starts_with("ال") {
                return Some(UnitHit { unit: Unit::Known(u), last });
            }
        }
    }
    // 45 منها: what the last quantity of the sentence counted.
    if in_set(ctx, "pronoun_after", j) {
        let s = ctx.sent[j];
        let sent_start = ctx.toks[ctx.sents[s as usize].0].start();
        if let Some(p) = prev.iter().rev().take(30).take_while(|p| p.start >= sent_start).find(|p| p.unit.is_some()) {
            let lx = lex();
            let u = p.unit.as_deref().unwrap_or("");
            let unit = match lx.units.iter().position(|x| x.lemma == u) {
                Some(k) => Unit::Known(k),
                None => Unit::Other(u.to_string()),
            };
            return Some(UnitHit { unit, last: num.last });
        }
        return None;
    }
    // An unknown noun after 11–99 (the accusative of specification).
    if !num.scaled && !num.vague {
        let v = num.value;
        let tail = v % 100.0;
        if v.fract() == 0.0 && (11.0..=99.0).contains(&tail) {
            if let Some(s) = accusative_noun(ctx, j) {
                return Some(UnitHit { unit: Unit::Other(s), last: j });
            }
        }
    }
    None
}

/// `ونصف` at token `j`: the fraction.
fn fraction_at(ctx: &Ctx, j: usize) -> Option<f64> {
    let a = numbers::atom(ctx.toks.get(j)?, &ctx.arena)?;
    match a.kind {
        AtomKind::Word(NumKind::Fraction) if a.conj && !a.def && !a.prep => Some(a.value),
        _ => None,
    }
}

fn is_month(ctx: &Ctx, j: usize) -> bool {
    ctx.is_word(j) && in_set(ctx, "month", j)
}

/// A month name at or just before `j` (skipping brackets and slashes):
/// `مايو (أيار) 2025`.
fn month_before(ctx: &Ctx, num_first: usize) -> bool {
    let mut k = num_first;
    for _ in 0..4 {
        if k == 0 {
            return false;
        }
        k -= 1;
        let t = &ctx.toks[k];
        if t.kind == TokKind::Punct && matches!(ctx.tn(t), "(" | ")" | "/" | "-" | ",") {
            continue;
        }
        return is_month(ctx, k);
    }
    false
}

/// A month name right after token `j` (skipping brackets, slashes, `من`).
fn month_after(ctx: &Ctx, j: usize) -> bool {
    let mut k = j + 1;
    for _ in 0..3 {
        let Some(t) = ctx.toks.get(k) else { return false };
        if (t.kind == TokKind::Punct && matches!(ctx.tn(t), "(" | "/" | "-")) || ctx.tn(t) == "من" {
            k += 1;
            continue;
        }
        return is_month(ctx, k);
    }
    false
}

fn glued_punct(ctx: &Ctx, a: usize, b: usize, chars: &[&str]) -> bool {
    ctx.toks.get(b).is_some_and(|t| t.kind == TokKind::Punct && chars.contains(&ctx.tn(t)))
        && ctx.toks.get(a).is_some_and(|ta| {
            let tb = &ctx.toks[b];
            ta.end() == tb.start() || tb.end() == ta.start()
        })
}

fn is_digits_tok(ctx: &Ctx, j: usize) -> bool {
    ctx.toks.get(j).is_some_and(|t| numbers::atom(t, &ctx.arena).is_some_and(|a| matches!(a.kind, AtomKind::Digits(_))))
}

/// The digits of a number token, clitics off.
fn digits_of<'a>(ctx: &'a Ctx, i: usize) -> &'a str {
    let n = ctx.norm(i);
    n.trim_start_matches(|c: char| !c.is_ascii_digit())
}

fn year_like(num: &Num) -> bool {
    match num.digits {
        Some(d) => d.int_digits == 4 && !d.sep && !d.decimal && (1000.0..=2200.0).contains(&num.value),
        None => false,
    }
}

fn at(ctx: &Ctx, i: usize, prev: &[Quantity]) -> Step {
    let lx = lex();
    let t = &ctx.toks[i];
    if ctx.link[i] || t.kind == TokKind::Newline {
        return Step::No;
    }
    // Most tokens cannot start a quantity: one lookup says so.
    if t.kind != TokKind::Number && !t.has_digit() {
        match ctx.info(i) {
            Some(w) if w.num.is_some() || w.dual.is_some() || w.qty => {}
            _ => return Step::No,
        }
    }
    if let Some(r) = exchange_all(ctx, i) {
        return r;
    }

    // $5، €20
    let mut k = i;
    let mut preset: Option<Unit> = None;
    if t.kind == TokKind::Punct && ctx.glued(i) && ctx.toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Number) {
        if let Some((u, _, _)) = match_unit(ctx, i, false) {
            if lx.units[u].kind == UnitKind::Currency {
                preset = Some(Unit::Known(u));
                k = i + 1;
            }
        }
    }
    if !ctx.is_word(k) {
        return Step::No;
    }

    let mut num = match numbers::parse(&ctx.toks, &ctx.arena, k) {
        Some(n) => n,
        None => {
            if let Some(u) = dual(ctx, k) {
                preset = Some(Unit::Known(u));
                Num { first: k, last: k, value: 2.0, vague: false, digits: None, scaled: false, fraction_only: false, prep: false, scale: 1.0 }
            } else if let Some(u) = lone_duration(ctx, k) {
                preset = Some(Unit::Known(u));
                Num { first: k, last: k, value: 1.0, vague: false, digits: None, scaled: false, fraction_only: false, prep: false, scale: 1.0 }
            } else {
                return Step::No;
            }
        }
    };
    let num_first = num.first;
    let skip = Step::Skip(num.last + 1);
    // 07، 0123456789: a code, a phone number or part of a date.
    if num.digits.is_some_and(|d| !d.decimal && d.int_digits >= 2) && digits_of(ctx, num_first).starts_with('0') {
        return skip;
    }

    // Left context.
    if num_first > 0 {
        let p = num_first - 1;
        // F-16، كوفيد-19، 24/07/2025، 17:16، 2025-06-02
        if ctx.toks[p].kind == TokKind::Punct && ctx.toks[p].end() == ctx.toks[num_first].start() {
            let pn = ctx.norm(p);
            if matches!(pn, "-" | "/" | ":" | "." | "_") && p > 0 && ctx.toks[p - 1].end() == ctx.toks[p].start() && ctx.is_word(p - 1) {
                return skip;
            }
        }
        if ctx.is_word(p) && ctx.is_latin(p) && ctx.sent[p] == ctx.sent[num_first] {
            // A model or a code (Su 35، iPhone 15) unless a noun follows.
            if !has_unit_after(ctx, &num, prev) && preset.is_none() {
                return skip;
            }
        }
    }
    let year_cue = num_first > 0 && in_set(ctx, "year_before", num_first - 1);
    if year_cue && (year_like(&num) || (num.digits.is_none() && (1000.0..=2200.0).contains(&num.value))) {
        return skip;
    }
    if month_before(ctx, num_first) && (year_like(&num) || num.value <= 31.0) {
        return skip;
    }
    // Right context of the bare number.
    let after = num.last + 1;
    if glued_punct(ctx, num.last, after, &[":", "/"]) && ctx.toks.get(after + 1).is_some_and(|t| t.start() == ctx.toks[after].end()) && is_digits_tok(ctx, after + 1) {
        return Step::Skip(after + 2);
    }
    if num.value <= 31.0 && num.value.fract() == 0.0 && !num.vague && month_after(ctx, num.last) {
        return skip;
    }
    if ctx.is_word(after) && in_set(ctx, "clock_after", after) {
        return skip;
    }
    if ctx.is_word(after) && in_set(ctx, "year_after", after) {
        let n = ctx.norm(after);
        let strong = n != "م" || year_like(&num);
        if strong && num.digits.is_some() {
            return skip;
        }
    }

    let mut b = Build { first: num_first.min(k), last: num.last, value: num.value, high: None, approx: None, unit: preset.clone(), exchange: None };
    if k > i {
        b.first = i;
    }
    if num.vague {
        b.approx = Some("more");
    }

    // Left: approximation or range start.
    let mut between = false;
    if let Some((a, s)) = approx_before(ctx, num_first) {
        b.approx = Some(a);
        b.first = b.first.min(s);
    } else if num_first > 0 {
        if let Some(s) = phrase_ending_at(ctx, lx.qc.get("range_between"), num_first - 1) {
            between = ctx.sent[s] == ctx.sent[num_first];
            if between {
                b.first = s;
            }
        }
    }

    // ونصف after the number: مليون ونصف
    if b.unit.is_none() {
        if let Some(f) = fraction_at(ctx, b.last + 1) {
            b.value += f * num.scale;
            b.last += 1;
            num.last = b.last;
        }
    }

    // The counted noun.
    if b.unit.is_none() {
        if let Some(h) = unit_after(ctx, b.last + 1, &num, prev) {
            b.unit = Some(h.unit);
            b.last = h.last;
        }
    }
    // ساعتين ونصف (ساعة)
    if b.unit.is_some() {
        if let Some(f) = fraction_at(ctx, b.last + 1) {
            b.value += f;
            b.last += 1;
            if let (Some(Unit::Known(u)), Some((u2, l2, _))) = (&b.unit, match_unit(ctx, b.last + 1, false)) {
                if *u == u2 {
                    b.last = l2;
                }
            }
        }
    }
    if num.fraction_only && b.unit.is_none() {
        return skip;
    }
    // و14 من الجانب الأوكراني after 12 عضواً, مقارنة بـ10.9 مليارات after
    // 12.4 مليار دولار: the same noun.
    let coordinated = ctx.norm(num_first).starts_with('و') || num.prep;
    if b.unit.is_none() && coordinated {
        if let Some(p) = prev.last() {
            let pe = ctx.toks.partition_point(|t| t.end() <= p.end.saturating_sub(1));
            if pe < num_first && num_first - pe <= 8 && ctx.sent.get(pe) == ctx.sent.get(num_first) {
                if let Some(u) = &p.unit {
                    b.unit = Some(match lx.units.iter().position(|x| &x.lemma == u) {
                        Some(k) => Unit::Known(k),
                        None => Unit::Other(u.clone()),
                    });
                }
            }
        }
    }
    // جثث 6 آلاف جندي: bodies are what is counted.
    if b.first == num_first && num_first > 0 && ctx.is_word(num_first - 1) && in_set(ctx, "count_of", num_first - 1) {
        if let Some((u, _, _)) = match_unit(ctx, num_first - 1, true).or_else(|| {
            let c = strip_conj(ctx.norm(num_first - 1));
            lx.unit_forms.get(c).and_then(|f| f.first()).map(|f| (f.unit, num_first - 1, f.plural))
        }) {
            b.unit = Some(Unit::Known(u));
            b.first = num_first - 1;
        }
    }

    // Range.
    let mut range_end: Option<usize> = None;
    let j = b.last + 1;
    let second_start = if between {
        // بين 20 و30: the second number carries و.
        ctx.toks.get(j).and_then(|t| numbers::atom(t, &ctx.arena)).filter(|a| a.conj).map(|_| j)
    } else if (ctx.is_word(j) && phrase_starting_at(ctx, lx.qc.get("range_to"), j).is_some() && !ctx.norm(j).starts_with('و'))
        || (ctx.is_word(j) && ctx.norm(j) == "او")
        || (ctx.is_punct(j, "-") && num.digits.is_some() && is_digits_tok(ctx, j + 1))
    {
        // 5 إلى 10، ثلاثة أو أربعة، 200-300
        Some(j + 1)
    } else {
        None
    };
    if let Some(s2) = second_start {
        let n2 = numbers::parse(&ctx.toks, &ctx.arena, s2).filter(|n| !n.fraction_only).or_else(|| {
            dual(ctx, s2).map(|_| Num { first: s2, last: s2, value: 2.0, vague: false, digits: None, scaled: false, fraction_only: false, prep: false, scale: 1.0 })
        });
        if let Some(n2) = n2 {
            let mut hi = n2.value;
            let mut last2 = n2.last;
            let mut unit2 = None;
            if let Some(u) = dual(ctx, s2).filter(|_| numbers::parse(&ctx.toks, &ctx.arena, s2).is_none()) {
                unit2 = Some(Unit::Known(u));
            } else if let Some(h) = unit_after(ctx, n2.last + 1, &n2, prev) {
                unit2 = Some(h.unit);
                last2 = h.last;
            }
            let mut lo = b.value;
            // بين 3 و5 ملايين: the scale of the second applies to the first.
            if n2.scaled && !num.scaled && n2.scale > 1.0 && lo * n2.scale <= hi {
                lo *= n2.scale;
            }
            let is_dash = ctx.is_punct(j, "-");
            let ok_unit = match (&b.unit, &unit2) {
                (Some(Unit::Known(a)), Some(Unit::Known(c))) => a == c,
                _ => true,
            };
            if between && hi < lo {
                std::mem::swap(&mut lo, &mut hi);
            }
            if hi > lo && ok_unit && !(is_dash && b.unit.is_none() && unit2.is_none()) {
                if month_after(ctx, n2.last) || month_after(ctx, last2) {
                    return Step::Skip(last2 + 1);
                }
                b.value = lo;
                b.high = Some(hi);
                if b.unit.is_none() {
                    b.unit = unit2;
                }
                b.last = last2;
                range_end = Some(last2);
            } else if is_dash && b.unit.is_none() && unit2.is_none() {
                // 2 - 6، 2025-06: a date, not a range.
                return Step::Skip(n2.last + 1);
            }
        }
    }
    if between && range_end.is_none() {
        // بين with no second number: not a range, and not part of the span.
        b.first = if k > i { i } else { num_first };
    }

    // Exchange: 1000 مقابل 1000، ألف أسير من كل جانب
    let j = b.last + 1;
    if ctx.is_word(j) && in_set(ctx, "exchange_for", j) && b.high.is_none() {
        if let Some(n2) = numbers::parse(&ctx.toks, &ctx.arena, j + 1) {
            if n2.value == b.value {
                b.exchange = Some("each");
                b.last = n2.last;
                if let Some(h) = unit_after(ctx, n2.last + 1, &n2, prev) {
                    if b.unit.is_none() {
                        b.unit = Some(h.unit);
                    }
                    b.last = h.last;
                }
            }
        }
    } else if let Some(e) = phrase_starting_at(ctx, lx.qc.get("exchange_each"), j) {
        if b.unit.is_some() {
            b.exchange = Some("each");
            b.last = e;
        }
    }

    // Approximation after.
    let j = b.last + 1;
    if ctx.is_word(j) {
        if let Some(e) = phrase_starting_at(ctx, lx.qc.get("about_after"), j) {
            b.approx = b.approx.or(Some("about"));
            b.last = e;
        } else if let Some(e) = phrase_starting_at(ctx, lx.qc.get("more_after"), j) {
            b.approx = Some("more");
            b.last = e;
        }
    }

    // Labels, years and names need a noun to be quantities.
    let labelled = num_first > 0 && in_set(ctx, "label_before", num_first - 1);
    if b.unit.is_none() && b.exchange.is_none() && (year_like(&num) || labelled) {
        return skip;
    }

    if b.exchange.is_some() && b.unit.is_none() {
        b.unit = exchanged_noun(ctx, b.first);
    }

    let entity = entity_of(ctx, &b);
    let next = b.last + 1;
    Step::Emit(finish(ctx, b, entity), next)
}

fn has_unit_after(ctx: &Ctx, num: &Num, prev: &[Quantity]) -> bool {
    ctx.is_punct(num.last + 1, "%") || unit_after(ctx, num.last + 1, num, prev).is_some()
}

/// A singular duration right after an approximation: أكثر من ساعة → 1.
fn lone_duration(ctx: &Ctx, j: usize) -> Option<usize> {
    let t = ctx.toks.get(j)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let lx = lex();
    let u = *lx.singular.get(ctx.tn(t))?;
    if lx.units[u].kind != UnitKind::Duration {
        return None;
    }
    approx_before(ctx, j)?;
    Some(u)
}

/// الجميع مقابل الجميع
fn exchange_all(ctx: &Ctx, i: usize) -> Option<Step> {
    if !ctx.is_word(i) || !in_set(ctx, "exchange_all", i) {
        return None;
    }
    if !(ctx.is_word(i + 1) && in_set(ctx, "exchange_for", i + 1) && ctx.is_word(i + 2)) {
        return None;
    }
    if strip_conj(ctx.norm(i + 2)) != strip_conj(ctx.norm(i)) {
        return None;
    }
    let b = Build { first: i, last: i + 2, value: 0.0, high: None, approx: None, unit: exchanged_noun(ctx, i), exchange: Some("all") };
    let entity = entity_of(ctx, &b);
    Some(Step::Emit(finish(ctx, b, entity), i + 3))
}

/// What an exchange formula exchanges, from its sentence: the first counted
/// noun after `تبادل` (or the like), else the nearest one before.
fn exchanged_noun(ctx: &Ctx, first: usize) -> Option<Unit> {
    let lx = lex();
    let s = ctx.sents[ctx.sent[first] as usize].0;
    let mut trigger = None;
    for k in (s.max(first.saturating_sub(40))..first).rev() {
        if !ctx.is_word(k) {
            continue;
        }
        if let Some(e) = phrase_starting_at(ctx, lx.qc.get("exchange_trigger"), k) {
            if e < first {
                trigger = Some(e);
                break;
            }
        }
    }
    if let Some(e) = trigger {
        for k in e + 1..first {
            if let Some((u, _, _)) = match_unit(ctx, k, true) {
                if lx.units[u].kind == UnitKind::Count {
                    return Some(Unit::Known(u));
                }
            }
        }
    }
    for k in (s.max(first.saturating_sub(10))..first).rev() {
        if let Some((u, _, _)) = match_unit(ctx, k, true) {
            if lx.units[u].kind == UnitKind::Count {
                return Some(Unit::Known(u));
            }
        }
    }
    None
}

/// Conservative: a nationality, place or organisation right after the noun
/// (`مدني أوكراني`, `من الوفد الروسي`), or a person or organisation right
/// before the expression that is not after a preposition.
fn entity_of(ctx: &Ctx, b: &Build) -> Option<String> {
    let j = b.last + 1;
    let same = |k: usize| ctx.sent.get(k) == ctx.sent.get(b.last);
    let starts_mention = |k: usize| -> Option<String> {
        let m = ctx.mention(k)?;
        (m.start == ctx.toks[k].start() && same(k)).then(|| m.entity.clone())
    };
    if b.unit.is_some() {
        if let Some(e) = starts_mention(j) {
            return Some(e);
        }
        if ctx.norm(j) == "من" {
            if let Some(e) = starts_mention(j + 1) {
                return Some(e);
            }
            if ctx.norm(j + 1).starts_with("ال") && ctx.mention(j + 1).is_none() {
                if let Some(m) = ctx.mention(j + 2) {
                    if m.start == ctx.toks[j + 2].start() && matches!(m.kind, "nationality" | "org" | "place") && same(j + 2) {
                        return Some(m.entity.clone());
                    }
                }
            }
        }
    }
    if b.first > 0 {
        let p = b.first - 1;
        if let (Some(m), Some(mi)) = (ctx.mention(p), ctx.mention_idx(p)) {
            if matches!(m.kind, "person" | "org") && m.end == ctx.toks[p].end() && same(p) {
                let (a, _) = ctx.mention_tokens(mi, p);
                let before = a.checked_sub(1).map(|q| ctx.norm(q)).unwrap_or("");
                if !lex().prepositions.contains(strip_conj(before)) {
                    return Some(m.entity.clone());
                }
            }
        }
    }
    None
}

fn finish(ctx: &Ctx, b: Build, entity: Option<String>) -> Quantity {
    let start = ctx.toks[b.first].start();
    let end = ctx.toks[b.last].end();
    let unit = b.unit.map(|u| match u {
        Unit::Known(k) => lex().units[k].lemma.clone(),
        Unit::Other(s) => s,
    });
    Quantity {
        start,
        end,
        text: ctx.text[start..end].to_string(),
        value: b.value,
        high: b.high,
        approx: b.approx,
        unit,
        entity,
        exchange: b.exchange,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DocText;

    fn with_ctx<R>(text: &str, f: impl FnOnce(&Ctx) -> R) -> R {
        let doc = DocText { name: "t", text, articles: Vec::new() };
        let ctx = Ctx::new(&doc, &[]);
        f(&ctx)
    }

    fn lemma(u: usize) -> &'static str {
        lex().units[u].lemma.as_str()
    }

    #[test]
    fn counted_nouns() {
        with_ctx("طفلاً أطفال الأطفال طائرات بدون طيار أسرى حرب % بالمئة في المئة", |ctx| {
            let (u, last, _) = match_unit(ctx, 0, false).unwrap();
            assert_eq!((lemma(u), last), ("طفل", 0));
            let (u, _, plural) = match_unit(ctx, 1, false).unwrap();
            assert_eq!((lemma(u), plural), ("طفل", true));
            // The article only where allowed (مئات الأطفال).
            assert!(match_unit(ctx, 2, false).is_none());
            assert_eq!(lemma(match_unit(ctx, 2, true).unwrap().0), "طفل");
            let (u, last, _) = match_unit(ctx, 3, false).unwrap();
            assert_eq!((lemma(u), last), ("طائرة مسيرة", 5));
            let (u, last, _) = match_unit(ctx, 6, false).unwrap();
            assert_eq!((lemma(u), last), ("أسير", 7));
            assert_eq!(lemma(match_unit(ctx, 8, false).unwrap().0), "%");
            assert_eq!(lemma(match_unit(ctx, 9, false).unwrap().0), "%");
            assert_eq!(match_unit(ctx, 10, false).map(|(u, l, _)| (lemma(u), l)), Some(("%", 11)));
        });
    }

    #[test]
    fn duals_and_lone_durations() {
        with_ctx("ساعتين ليومين الجانبين أكثر من ساعة ساعة", |ctx| {
            assert_eq!(dual(ctx, 0).map(lemma), Some("ساعة"));
            assert_eq!(dual(ctx, 1).map(lemma), Some("يوم"));
            assert_eq!(dual(ctx, 2), None);
            assert_eq!(lone_duration(ctx, 5).map(lemma), Some("ساعة"));
            // Without an approximation a lone noun is no number.
            assert_eq!(lone_duration(ctx, 6), None);
        });
    }

    #[test]
    fn unknown_noun_needs_the_accusative() {
        with_ctx("عضواً عضو يومياً", |ctx| {
            assert_eq!(accusative_noun(ctx, 0).as_deref(), Some("عضو"));
            assert_eq!(accusative_noun(ctx, 1), None);
            assert_eq!(accusative_noun(ctx, 2), None);
        });
    }

    #[test]
    fn years() {
        let t = crate::tokenize::Tokens::new("2022 1,999 12000 2.5", 0, 20);
        let n = |i| numbers::parse(&t.toks, &t.arena, i).unwrap();
        assert!(year_like(&n(0)));
        assert!(!year_like(&n(1)));
        assert!(!year_like(&n(2)));
        assert!(!year_like(&n(3)));
    }
}
