//! Finding calendar expressions: one left-to-right pass over the tokens.
//!
//! At each token the grammar below is tried by the token's lexical class
//! (`lex::Lex`); a match consumes its tokens and the scan resumes after it,
//! so every token is looked at a bounded number of times and the pass is
//! linear in the text. A match never crosses a line break.
//!
//! ```text
//! date     := [pre] WEEKDAY [،] day-date          (weekday checked against the date)
//!           | [يوم] DAY [(و|إلى|حتى|-) DAY] [من] [شهر] MONTH tail [clock]
//!           | [يوم] ORDINAL من (MONTH tail | الشهر REL)
//!           | DAY MONTH (إلى|-) DAY MONTH tail     (a range across months)
//!           | [clock] dd/mm/yyyy | yyyy/mm/dd | dd.mm.yyyy [clock] [، WEEKDAY]
//!           | [يوم] DAY HIJRI-MONTH [YEAR [هـ]]
//! month    := [MOD] [شهر] MONTH tail               (tail = alt-name, year or REL)
//! year     := [MOD] (عام|العام|سنة) (YEAR | spelled) | YEAR  (bare, with cues)
//! relative := (اليوم|أمس|غداً|بعد غد|أول أمس) [WEEKDAY] | يوم WEEKDAY [REL]
//!           | ليل WEEKDAY (-|و) WEEKDAY | WEEKDAY [REL]
//!           | [MOD] (الشهر|العام|السنة) [REL|الجديد] | هذا (العام|الشهر)
//! dateline := PLACE – D – M (AGENCY)
//! ```

use super::lex::{self, Lex, Mark, Num, Rel};
use super::tok::{for_each_line_opt, Tok};

/// A calendar expression before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// A day. `y: None` = the year is left to the anchor; `yoff` = year
    /// relative to the anchor (`من العام الماضي`).
    Date { y: Option<i32>, yoff: Option<i32>, m: u32, d: u32, wd: Option<u32>, rel: Rel, hm: Option<(u32, u32)> },
    /// Day `d` of the anchor's month moved by `off` (`الحادي عشر من الشهر الجاري`).
    DayOfRelMonth { d: u32, off: i32 },
    /// Days `d1` of `m1` to `d2` of `m2` (same year unless `m2 < m1`).
    Range { y: Option<i32>, m1: u32, d1: u32, m2: u32, d2: u32, rel: Rel },
    Month { y: Option<i32>, yoff: Option<i32>, m: u32, rel: Rel },
    Year(i32),
    /// The anchor's year moved by `off` (`العام الماضي`, `نهاية العام`).
    RelYear(i32),
    /// `العام الجديد`: the coming year (the current one in January).
    NewYear,
    RelMonth(i32),
    /// The anchor's day moved by `off` (اليوم 0, أمس −1, غداً +1, بعد غد +2),
    /// with the weekday the text names.
    RelDay { off: i32, wd: Option<u32> },
    Weekday { wd: u32, rel: Rel },
    /// `ليل الأحد - الاثنين`.
    NightRange { wd1: u32, wd2: u32, rel: Rel },
    /// An agency dateline `2 – 6`: day and month of the article's date.
    Dateline { d: u32, m: u32 },
    Hijri { y: Option<i32>, m: u32, d: u32, wd: Option<u32> },
    HijriMonth { y: i32, m: u32 },
    /// `عام 1446 هـ`: the Gregorian days of a Hijri year.
    HijriYear(i32),
    /// `1996-1999`.
    YearRange(i32, i32),
}

/// One expression: byte span, meaning and context.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub start: usize,
    pub end: usize,
    pub val: Val,
    /// The clause before it speaks of the future (`سيلتقي`, `من المقرر`).
    pub future: bool,
    /// Inside a quotation.
    pub quoted: bool,
    /// A full date the page presents as its own (see [`Stamp`]).
    pub stamp: Option<Stamp>,
    /// A day and month opening a paragraph before an agency name: the
    /// dateline (`عمان 2 حزيران (بترا)`, `الكويت - 2 - 6 (كونا)`).
    pub dateline: bool,
}

/// How a full date is presented as the page's own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stamp {
    /// After `نُشر في`, `تاريخ النشر`.
    Published,
    /// On a line of its own (`08:59 24/07/2025، الخميس`).
    Line,
    /// After `آخر تحديث`.
    Updated,
}

/// All calendar expressions of `text[start..end]` (byte offsets on char
/// boundaries), in text order.
pub fn scan(text: &str, start: usize, end: usize) -> Vec<Expr> {
    scan_opt(text, start, end, false)
}

/// [`scan`], optionally looking only at lines with a digit (enough to find
/// every full date, much faster on plain prose).
pub fn scan_opt(text: &str, start: usize, end: usize, digit_lines_only: bool) -> Vec<Expr> {
    let mut out = Vec::new();
    let mut lex: Vec<Lex> = Vec::new();
    let mut quoted: Vec<bool> = Vec::new();
    for_each_line_opt(text, start, end, digit_lines_only, |toks, arena| {
        if toks.is_empty() {
            return;
        }
        lex.clear();
        lex.extend(toks.iter().map(|t| lex::classify(&arena[t.n0 as usize..t.n1 as usize], t.kind, &text[t.start..t.end])));
        // Cheap exit: a line with no calendar word and no number.
        if !lex.iter().any(|l| trigger(*l)) {
            return;
        }
        quote_flags(toks, arena, &mut quoted);
        let s = Scanner { text, toks, arena, lex: &lex, quoted: &quoted };
        s.run(&mut out);
    });
    out
}

/// Classes that can start an expression.
fn trigger(l: Lex) -> bool {
    !matches!(l, Lex::Other | Lex::Punct(_) | Lex::Newline | Lex::Rel(_) | Lex::New | Lex::Min | Lex::Conj | Lex::Ten | Lex::DayPart)
}

/// For each token of a line, whether it sits inside «…», “…” or "…".
fn quote_flags(toks: &[Tok], arena: &str, out: &mut Vec<bool>) {
    out.clear();
    let mut guil = 0i32;
    let mut curly = 0i32;
    let mut straight = false;
    for t in toks {
        match &arena[t.n0 as usize..t.n1 as usize] {
            "«" => guil += 1,
            "»" => guil = (guil - 1).max(0),
            "“" => curly += 1,
            "”" => curly = (curly - 1).max(0),
            "\"" => straight = !straight,
            _ => {}
        }
        out.push(guil > 0 || curly > 0 || straight);
    }
}

struct M {
    /// First and one-past-last token.
    s: usize,
    e: usize,
    val: Val,
}

struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Tok],
    arena: &'a str,
    lex: &'a [Lex],
    quoted: &'a [bool],
}

const WEEK: u32 = 7;

impl<'a> Scanner<'a> {
    fn run(&self, out: &mut Vec<Expr>) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            match self.at(i) {
                Some(m) if m.e > m.s && m.e <= n => {
                    let (s, e) = (m.s, m.e);
                    let full = matches!(m.val, Val::Date { y: Some(_), .. } | Val::Hijri { y: Some(_), .. });
                    let stamp = if full { self.stamp(s, e) } else { None };
                    let dateline = match m.val {
                        Val::Dateline { .. } => true,
                        Val::Date { y: None, yoff: None, rel: Rel::None, hm: None, .. } => self.is_dateline(s, e),
                        _ => false,
                    };
                    out.push(Expr {
                        start: self.toks[s].start,
                        end: self.toks[e - 1].end,
                        val: m.val,
                        future: self.future_context(s),
                        quoted: self.quoted[s],
                        stamp,
                        dateline,
                    });
                    i = e.max(i + 1);
                }
                _ => i += 1,
            }
        }
    }

    /// A day-month at the start of a line (after a place name and maybe a
    /// dash), right before `(AGENCY)` or `/AGENCY/`.
    fn is_dateline(&self, s: usize, e: usize) -> bool {
        let words_before = (0..s).filter(|&j| !matches!(self.lx(j), Lex::Punct(_))).count();
        if s == 0 || words_before > 3 {
            return false;
        }
        matches!(self.lx(e), Lex::Punct('(' | '/')) && matches!(self.lx(e + 1), Lex::Other) && !self.quoted[s]
    }

    /// Is the full date on tokens `s..e` the page's own: after a
    /// publication or update cue, or alone on its line?
    fn stamp(&self, s: usize, e: usize) -> Option<Stamp> {
        let mut j = s;
        let mut steps = 0;
        while j > 0 && steps < 5 {
            j -= 1;
            steps += 1;
            match self.lx(j) {
                Lex::Punct(':' | '-' | '|' | ',' | '(' | '/') => continue,
                Lex::Punct(_) => break,
                _ => {}
            }
            let w = self.norm(j);
            let w = w.strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(w);
            match w {
                "نشر" | "النشر" | "نشرت" | "منشور" | "published" | "posted" => return Some(Stamp::Published),
                "تحديث" | "التحديث" | "محدث" | "updated" | "update" => return Some(Stamp::Updated),
                "تاريخ" | "التاريخ" | "بتاريخ" | "في" | "يوم" | "on" | "الساعه" | "اخر" => continue,
                _ => break,
            }
        }
        // Alone on its line: everything else is punctuation, a clock time,
        // a weekday or a time-of-day word.
        let ok = |j: usize| -> bool {
            match self.lx(j) {
                Lex::Punct(_) | Lex::Weekday(_) | Lex::DayPart | Lex::Am | Lex::Pm | Lex::GregMark => true,
                Lex::Num(n) => n.nd <= 2 && !n.clitic,
                _ => matches!(self.norm(j), "الساعه" | "gmt" | "بتوقيت" | "مكه" | "المكرمه" | "غرينتش" | "ت.غ"),
            }
        };
        ((0..s).all(ok) && (e..self.toks.len()).all(ok)).then_some(Stamp::Line)
    }

    // ---- token helpers -------------------------------------------------

    fn lx(&self, i: usize) -> Lex {
        self.lex.get(i).copied().unwrap_or(Lex::Newline)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.lx(i) == Lex::Punct(c)
    }

    fn comma(&self, i: usize) -> bool {
        self.punct(i, ',')
    }

    fn dash(&self, i: usize) -> bool {
        self.punct(i, '-')
    }

    /// Tokens `i` and `j` touch (no space between).
    fn touch(&self, i: usize, j: usize) -> bool {
        j < self.toks.len() && self.toks[i].end == self.toks[j].start
    }

    fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| &self.arena[t.n0 as usize..t.n1 as usize]).unwrap_or("")
    }

    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| &self.text[t.start..t.end]).unwrap_or("")
    }

    fn num(&self, i: usize) -> Option<Num> {
        match self.lx(i) {
            Lex::Num(n) => Some(n),
            _ => None,
        }
    }

    fn weekday(&self, i: usize) -> Option<u32> {
        match self.lx(i) {
            Lex::Weekday(w) => Some(w as u32),
            _ => None,
        }
    }

    /// The previous word token before `i` on the same line, skipping nothing
    /// (a punctuation token in between makes it `None`).
    fn prev_word(&self, i: usize) -> Option<usize> {
        let p = i.checked_sub(1)?;
        match self.lx(p) {
            Lex::Punct(_) | Lex::Newline => None,
            _ => Some(p),
        }
    }

    /// The previous word's core (without و/ف).
    fn prev_core(&self, i: usize) -> &str {
        match self.prev_word(i) {
            Some(p) => strip_conj(self.norm(p)),
            None => "",
        }
    }

    // ---- units -----------------------------------------------------------

    /// A day of the month: 1–31 as digits (`16`, `و30`, `الـ25`) or an
    /// ordinal (`الحادي عشر`, `الخامس`, `الحادي والعشرين`). Returns the day,
    /// the next token and whether it was spelled out.
    fn day(&self, i: usize) -> Option<(u32, usize, bool)> {
        if let Some(n) = self.num(i) {
            if n.nd <= 2 && (1..=31).contains(&n.v) && n.mark == Mark::None {
                return Some((n.v, i + 1, false));
            }
            return None;
        }
        if let Lex::Ordinal(o, false) = self.lx(i) {
            let o = o as u32;
            if o == 20 || o == 30 {
                return Some((o, i + 1, true));
            }
            let unit = if o == 11 { 1 } else { o };
            if unit <= 9 {
                if self.lx(i + 1) == Lex::Ten {
                    return Some((unit + 10, i + 2, true));
                }
                if let Lex::Ordinal(t @ (20 | 30), true) = self.lx(i + 1) {
                    let v = unit + t as u32;
                    return (v <= 31).then_some((v, i + 2, true));
                }
            }
            if o <= 10 {
                return Some((o, i + 1, true));
            }
        }
        None
    }

    /// A Gregorian month name (one or two words): `(month, next, ambiguous)`.
    fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        match self.lx(i) {
            Lex::Month(m, amb) => Some((m as u32, i + 1, amb)),
            Lex::MonthHead(h) => {
                let second = match strip_conj(self.norm(i + 1)) {
                    "الاول" | "اول" => 1,
                    "الثاني" | "ثاني" => 2,
                    _ => return None,
                };
                // كانون الثاني = January, كانون الأول = December;
                // تشرين الأول = October, تشرين الثاني = November.
                let m = match (h, second) {
                    (1, 2) => 1,
                    (1, _) => 12,
                    (_, 1) => 10,
                    _ => 11,
                };
                Some((m, i + 2, false))
            }
            _ => None,
        }
    }

    /// A Hijri month name (one or two words).
    fn hmonth(&self, i: usize) -> Option<(u32, usize, bool)> {
        match self.lx(i) {
            Lex::HMonth(m, amb) => Some((m as u32, i + 1, amb)),
            Lex::HHead(h) => {
                let next = self.norm(i + 1);
                let m = match (h, next) {
                    (1, "الاول" | "الاولي") => 3,
                    (1, "الثاني" | "الاخر" | "الاخره") => 4,
                    (2, "الاولي" | "الاول") => 5,
                    (2, "الثانيه" | "الاخره" | "الثاني" | "الاخر") => 6,
                    (3, "القعده") => 11,
                    (3, "الحجه") => 12,
                    _ => return None,
                };
                Some((m, i + 2, false))
            }
            _ => None,
        }
    }

    /// A four-digit Gregorian year at `i` (with an optional `م` after it).
    fn greg_year(&self, i: usize) -> Option<(i32, usize)> {
        let n = self.num(i)?;
        if n.nd != 4 || !(1000..=2999).contains(&n.v) || n.mark == Mark::Hijri {
            return None;
        }
        let mut j = i + 1;
        if n.mark == Mark::None {
            match self.lx(j) {
                Lex::GregMark => j += 1,
                Lex::HijriMark => return None,
                _ => {}
            }
        }
        Some((n.v as i32, j))
    }

    /// A Hijri year (3–4 digits, 1300–1600) with an optional هـ.
    fn hijri_year(&self, i: usize) -> Option<(i32, usize, bool)> {
        let n = self.num(i)?;
        if !(1300..=1600).contains(&n.v) || n.mark == Mark::Greg {
            return None;
        }
        let mut j = i + 1;
        let mut marked = n.mark == Mark::Hijri;
        if self.lx(j) == Lex::HijriMark {
            j += 1;
            marked = true;
        }
        Some((n.v as i32, j, marked))
    }

    fn rel(&self, i: usize) -> Option<Rel> {
        match self.lx(i) {
            Lex::Rel(r) => Some(r),
            _ => None,
        }
    }

    /// `HH:MM` written without spaces, with an optional am/pm marker.
    fn clock(&self, i: usize) -> Option<((u32, u32), usize)> {
        let h = self.num(i)?;
        let mi = self.num(i + 2)?;
        if h.clitic || mi.clitic || !self.punct(i + 1, ':') || !self.touch(i, i + 1) || !self.touch(i + 1, i + 2) {
            return None;
        }
        if h.nd > 2 || mi.nd != 2 || h.v > 23 || mi.v > 59 {
            return None;
        }
        let mut j = i + 3;
        // A seconds part.
        if self.punct(j, ':') && self.touch(j - 1, j) && self.num(j + 1).is_some_and(|s| s.nd == 2) {
            j += 2;
        }
        let mut hv = h.v;
        match self.lx(j) {
            Lex::GregMark | Lex::Pm => {
                if hv < 12 {
                    hv += 12;
                }
                j += 1;
            }
            Lex::Am => {
                if hv == 12 {
                    hv = 0;
                }
                j += 1;
            }
            _ => {}
        }
        Some(((hv, mi.v), j))
    }

    /// A clock time right after a date: `- 17:16`, `، 10:30`, `| 21:35`,
    /// `الساعة 10:00`.
    fn clock_tail(&self, i: usize) -> Option<((u32, u32), usize)> {
        if let Some(c) = self.clock(i) {
            return Some(c);
        }
        let sep = |j: usize| matches!(self.lx(j), Lex::Punct('-' | ',' | '|' | '/' | ':')) || self.norm(j) == "الساعه";
        if sep(i) {
            if let Some(c) = self.clock(i + 1) {
                return Some(c);
            }
            // `، الساعة 17:16`
            if sep(i + 1) {
                return self.clock(i + 2);
            }
        }
        None
    }

    /// `(أيار)`, `/يوليو`, or a second name for the same month right after.
    fn alt_month(&self, i: usize, m: u32) -> Option<usize> {
        if self.punct(i, '(') {
            let (m2, j, _) = self.month(i + 1)?;
            if m2 == m && self.punct(j, ')') {
                return Some(j + 1);
            }
            return None;
        }
        if self.punct(i, '/') || self.dash(i) {
            let (m2, j, _) = self.month(i + 1)?;
            return (m2 == m).then_some(j);
        }
        let (m2, j, _) = self.month(i)?;
        (m2 == m).then_some(j)
    }

    /// After a month name: an alternative name, then a year, a relative
    /// marker or `من العام الماضي`. Returns (next, year, yoff, rel, alt).
    fn month_tail(&self, i: usize, m: u32) -> (usize, Option<i32>, Option<i32>, Rel, bool) {
        let mut j = i;
        let mut alt = false;
        if let Some(k) = self.alt_month(j, m) {
            j = k;
            alt = true;
        }
        // `، 2025` (a comma before the year, as in `16 مايو ، 2025`).
        let k = if self.comma(j) { j + 1 } else { j };
        if let Some((y, k2)) = self.greg_year(k) {
            if !self.num(k).is_some_and(|n| n.clitic) {
                return (k2, Some(y), None, Rel::None, alt);
            }
        }
        // `من عام 2025`, `عام 2025`, `من العام الماضي`, `من هذا العام`.
        let mut k = j;
        let has_min = self.lx(k) == Lex::Min;
        if has_min {
            k += 1;
        }
        // `يونيو وعام 2022` is a list, not `يونيو عام 2022`.
        let conj = self.norm(k).starts_with('و') || self.norm(k).starts_with('ف');
        match self.lx(k) {
            Lex::YearWord { def } if !conj => {
                if let Some((y, k2)) = self.greg_year(k + 1) {
                    return (k2, Some(y), None, Rel::None, alt);
                }
                if def && has_min {
                    match self.lx(k + 1) {
                        Lex::Rel(r) => return (k + 2, None, Some(rel_off(r)), Rel::None, alt),
                        _ => return (k + 1, None, Some(0), Rel::None, alt),
                    }
                }
            }
            Lex::This if has_min => {
                if let Lex::YearWord { def: true } = self.lx(k + 1) {
                    return (k + 2, None, Some(0), Rel::None, alt);
                }
            }
            _ => {}
        }
        if let Some(r) = self.rel(j) {
            return (j + 1, None, None, r, alt);
        }
        // `يونيو» الحالي`: a quotation closes between the month and the
        // writer's own `الحالي`; the marker counts, the span stops before it.
        if matches!(self.lx(j), Lex::Punct('»' | '"' | '”' | ')')) {
            if let Some(r) = self.rel(j + 1) {
                return (j, None, None, r, alt);
            }
        }
        (j, None, None, Rel::None, alt)
    }

    // ---- the grammar -----------------------------------------------------

    fn at(&self, i: usize) -> Option<M> {
        match self.lx(i) {
            Lex::Num(_) | Lex::Dotted(..) => self
                .numeric_date(i, i, None)
                .or_else(|| self.dateline(i))
                .or_else(|| self.day_date(i, i, None))
                .or_else(|| self.day_slash_month(i, i, None))
                .or_else(|| self.bare_year(i)),
            Lex::Ordinal(..) => self.day_date(i, i, None),
            Lex::Weekday(_) => self.weekday_led(i, i, Pre::None),
            Lex::Yawm => self.yawm(i),
            Lex::Today => self.relative_day(i, 0),
            Lex::Yesterday => {
                // أمس الأول = the day before yesterday.
                if self.lx(i + 1) == Lex::Ordinal(1, false) {
                    return Some(M { s: i, e: i + 2, val: Val::RelDay { off: -2, wd: None } }).filter(|_| !self.quoted[i]);
                }
                self.relative_day(i, -1)
            }
            Lex::Tomorrow => {
                if self.norm(i) != "غدا" && !self.norm(i).ends_with("غدا") {
                    return None; // bare غد only after بعد / يوم
                }
                if !lex::has_tanwin(self.raw(i)) {
                    // غدا without tanwin may be the verb "became".
                    let next = self.norm(i + 1);
                    if next.starts_with("ال") && self.weekday(i + 1).is_none() {
                        return None;
                    }
                    if let Lex::Other = self.lx(i + 1) {
                        if self.raw(i + 1).ends_with('\u{064B}') || self.raw(i + 1).ends_with("اً") {
                            return None;
                        }
                    }
                }
                self.relative_day(i, 1)
            }
            Lex::After if self.lx(i + 1) == Lex::Tomorrow => self.relative_day(i + 1, 2).map(|m| M { s: i, ..m }),
            Lex::First if self.lx(i + 1) == Lex::Yesterday => self.relative_day(i + 1, -2).map(|m| M { s: i, ..m }),
            Lex::Night => self.weekday_led(i + 1, i, Pre::Night),
            Lex::Month(..) | Lex::MonthHead(_) => self.month_led(i, i, false),
            Lex::HMonth(..) | Lex::HHead(_) => self.hijri_month_led(i),
            Lex::Mod => self.mod_led(i),
            Lex::MonthWord { def: false } => {
                if self.month(i + 1).is_some() {
                    self.month_led(i + 1, i, true)
                } else {
                    None
                }
            }
            Lex::MonthWord { def: true } => self.rel_month(i, i),
            Lex::YearWord { .. } => self.year_led(i, i),
            Lex::This => match self.lx(i + 1) {
                Lex::YearWord { def: true } => Some(M { s: i, e: i + 2, val: Val::RelYear(0) }),
                Lex::MonthWord { def: true } => Some(M { s: i, e: i + 2, val: Val::RelMonth(0) }),
                _ => None,
            },
            _ => None,
        }
    }

    /// `يوم` + weekday / date / أمس / غد.
    fn yawm(&self, i: usize) -> Option<M> {
        match self.lx(i + 1) {
            Lex::Weekday(_) => self.weekday_led(i + 1, i, Pre::Yawm),
            // يوم أمس / يوم غد, with a weekday after them or not.
            Lex::Yesterday | Lex::Tomorrow => {
                let off = if self.lx(i + 1) == Lex::Yesterday { -1 } else { 1 };
                if self.weekday(i + 2).is_some() {
                    return self.weekday_led(i + 2, i, Pre::Rel(off));
                }
                Some(M { s: i, e: i + 2, val: Val::RelDay { off, wd: None } })
            }
            Lex::Num(_) | Lex::Ordinal(..) => self
                .numeric_date(i + 1, i, None)
                .or_else(|| self.day_date(i + 1, i, None))
                .or_else(|| self.day_slash_month(i + 1, i, None)),
            _ => None,
        }
    }

    /// اليوم / أمس / غداً (`off` days from the anchor), alone or with a
    /// weekday.
    fn relative_day(&self, i: usize, off: i32) -> Option<M> {
        // اليوم /الخميس/ : a slash may stand between.
        let mut j = i + 1;
        if self.punct(j, '/') && self.weekday(j + 1).is_some() {
            j += 1;
        }
        if self.weekday(j).is_some() {
            return self.weekday_led(j, i, Pre::Rel(off));
        }
        if self.quoted[i] {
            return None; // «مستعدون اليوم»: rhetorical, not a calendar day
        }
        if self.lx(i) == Lex::Today {
            let next = self.norm(i + 1);
            let next_lex = self.lx(i + 1);
            // اليوم الأول / التالي / العالمي, اليوم 1,012 (a day count).
            if next.starts_with("ال") && !matches!(next_lex, Lex::Rel(_)) {
                return None;
            }
            if next.bytes().next().is_some_and(|b| b.is_ascii_digit()) || matches!(next_lex, Lex::Num(_)) {
                return None;
            }
            if matches!(next_lex, Lex::Rel(_)) {
                return None;
            }
            // في اليوم ("per day"), روسيا اليوم (the channel).
            let prev = self.prev_core(i);
            if matches!(prev, "في" | "كل" | "روسيا" | "ذلك" | "هذا" | "نفس") {
                return None;
            }
        }
        Some(M { s: i, e: i + 1, val: Val::RelDay { off, wd: None } })
    }

    /// A weekday at `w`, the span starting at `s`.
    fn weekday_led(&self, w: usize, s: usize, pre: Pre) -> Option<M> {
        let wd = self.weekday(w)?;
        let j = w + 1;
        // A date right after the weekday: `الجمعة ، 16 مايو ، 2025`,
        // `السبت الموافق 14 يونيو`.
        let mut k = if self.comma(j) { j + 1 } else { j };
        if self.lx(k) == Lex::Muwafiq {
            k += 1;
        }
        // `الخميس (5 يونيو)`: the date in brackets, the closing one kept.
        if pre != Pre::Night && self.punct(k, '(') {
            if let Some(m) = self.numeric_date(k + 1, s, Some(wd)).or_else(|| self.day_date(k + 1, s, Some(wd))) {
                if matches!(m.val, Val::Date { .. }) && self.punct(m.e, ')') {
                    return Some(M { e: m.e + 1, ..m });
                }
            }
        }
        if pre != Pre::Night {
            if let Some(m) = self.numeric_date(k, s, Some(wd)).or_else(|| self.day_date(k, s, Some(wd))).or_else(|| self.day_slash_month(k, s, Some(wd))) {
                if matches!(m.val, Val::Date { .. } | Val::Hijri { .. }) {
                    return Some(m);
                }
            }
        }
        if pre == Pre::None {
            // الأحد عشر ("the eleven"), كلا الاثنين / بين الاثنين ("both").
            if self.lx(j) == Lex::Ten {
                return None;
            }
            if wd == 1 && matches!(self.prev_core(w), "كلا" | "بين" | "هذين" | "هذان") {
                return None;
            }
        }
        // ليل الأحد - الاثنين.
        let conn = matches!(self.lx(j), Lex::Punct('-' | '/')) || self.lx(j) == Lex::Conj;
        let second = if conn { self.weekday(j + 1).map(|x| (x, j + 2)) } else { None }
            .or_else(|| if pre == Pre::Night { self.weekday(j).map(|x| (x, j + 1)) } else { None });
        if let Some((wd2, e)) = second {
            if pre == Pre::Night || (wd2 == (wd + 1) % WEEK && self.dash(j)) {
                let (e, rel) = match self.rel(e) {
                    Some(r) => (e + 1, r),
                    None => (e, Rel::None),
                };
                return Some(M { s, e, val: Val::NightRange { wd1: wd, wd2, rel } });
            }
        }
        let s = if pre == Pre::Night { w } else { s };
        let (e, rel) = match self.rel(j) {
            Some(r @ (Rel::Past | Rel::Future)) => (j + 1, r),
            _ => (j, Rel::None),
        };
        let val = match pre {
            Pre::Rel(off) => Val::RelDay { off, wd: Some(wd) },
            _ => Val::Weekday { wd, rel },
        };
        Some(M { s, e, val })
    }

    /// Numeric dates: `24/07/2025`, `2025/09/07`, `03.12.2025`,
    /// `24-07-2025`, with a clock time before or after and a weekday after.
    fn numeric_date(&self, i: usize, s: usize, wd: Option<u32>) -> Option<M> {
        // A clock time first: `08:59 24/07/2025`.
        if let Some((hm, j)) = self.clock(i) {
            let m = self.numeric_date_core(j)?;
            let (e, wd2) = self.weekday_tail(m.1);
            return self.make_date(s, e, m.0, Some(hm), wd.or(wd2));
        }
        let (ymd, j) = self.numeric_date_core(i)?;
        let (hm, j) = match self.clock_tail(j) {
            Some((hm, k)) => (Some(hm), k),
            None => (None, j),
        };
        let (e, wd2) = self.weekday_tail(j);
        self.make_date(s, e, ymd, hm, wd.or(wd2))
    }

    fn make_date(&self, s: usize, e: usize, (y, m, d): (i32, u32, u32), hm: Option<(u32, u32)>, wd: Option<u32>) -> Option<M> {
        crate::calendar::Date::new(y, m, d)?;
        Some(M { s, e, val: Val::Date { y: Some(y), yoff: None, m, d, wd, rel: Rel::None, hm } })
    }

    /// `، الخميس` after a numeric date.
    fn weekday_tail(&self, j: usize) -> (usize, Option<u32>) {
        let k = if self.comma(j) { j + 1 } else { j };
        match self.weekday(k) {
            Some(w) => (k + 1, Some(w)),
            None => (j, None),
        }
    }

    /// `15/6` after في / يوم / بتاريخ / منذ / حتى: a day and month.
    fn day_slash_month(&self, i: usize, s: usize, wd: Option<u32>) -> Option<M> {
        let d = self.num(i)?;
        let m = self.num(i + 2)?;
        if !self.punct(i + 1, '/') || !self.touch(i, i + 1) || !self.touch(i + 1, i + 2) || self.touch(i + 2, i + 3) {
            return None;
        }
        if d.clitic || m.clitic || d.nd > 2 || m.nd > 2 || !(1..=12).contains(&m.v) || d.v < 1 || d.v > crate::calendar::days_in_month(2024, m.v) {
            return None;
        }
        let cue = s < i || matches!(self.prev_core(i), "في" | "يوم" | "بتاريخ" | "منذ" | "حتي" | "قبل" | "بعد");
        if !cue {
            return None;
        }
        Some(M { s, e: i + 3, val: Val::Date { y: None, yoff: None, m: m.v, d: d.v, wd, rel: Rel::None, hm: None } })
    }

    fn numeric_date_core(&self, i: usize) -> Option<((i32, u32, u32), usize)> {
        if let Lex::Dotted(a, b, c, first_len) = self.lx(i) {
            let ymd = if first_len == 4 { (a as i32, b, c) } else if c >= 1000 { (c as i32, b, a) } else { return None };
            return Some((ymd, i + 1));
        }
        let a = self.num(i)?;
        let sep = match self.lx(i + 1) {
            Lex::Punct(c @ ('/' | '-' | '.')) => c,
            _ => return None,
        };
        if !self.touch(i, i + 1) || !self.touch(i + 1, i + 2) {
            return None;
        }
        let b = self.num(i + 2)?;
        if self.lx(i + 3) != Lex::Punct(sep) || !self.touch(i + 2, i + 3) || !self.touch(i + 3, i + 4) {
            return None;
        }
        let c = self.num(i + 4)?;
        if b.clitic || c.clitic || b.nd > 2 {
            return None;
        }
        let ymd = if a.nd == 4 && c.nd <= 2 {
            (a.v as i32, b.v, c.v)
        } else if c.nd == 4 && a.nd <= 2 {
            (c.v as i32, b.v, a.v)
        } else {
            return None;
        };
        Some((ymd, i + 5))
    }

    /// The agency dateline `إسطنبول – 2 – 6 (كونا)`: day, month, right after
    /// a place and a dash, right before an agency in brackets or slashes.
    fn dateline(&self, i: usize) -> Option<M> {
        let d = self.num(i)?;
        let m = self.num(i + 2)?;
        if d.clitic || m.clitic || d.nd > 2 || m.nd > 2 || !(1..=31).contains(&d.v) || !(1..=12).contains(&m.v) {
            return None;
        }
        if !self.dash(i + 1) || !matches!(self.lx(i + 3), Lex::Punct('(' | '/')) {
            return None;
        }
        let before = i.checked_sub(2)?;
        if !self.dash(i - 1) || !matches!(self.lx(before), Lex::Other | Lex::Month(..)) {
            return None;
        }
        // The agency: one or two words, then the closing bracket.
        let agency_word = matches!(self.lx(i + 4), Lex::Other);
        if !agency_word {
            return None;
        }
        if d.v > crate::calendar::days_in_month(2024, m.v) {
            return None;
        }
        Some(M { s: i, e: i + 3, val: Val::Dateline { d: d.v, m: m.v } })
    }

    /// A day then a month: `16 مايو (أيار) 2025`, `20 و30 يونيو`,
    /// `الحادي عشر من الشهر الجاري`, `27 ذو القعدة 1446هـ`.
    fn day_date(&self, i: usize, s: usize, wd: Option<u32>) -> Option<M> {
        let (d1, mut j, spelled) = self.day(i)?;
        // A date that names a movement or an event (`قوى 14 آذار`,
        // `ثورة 25 يناير`, `هجمات 11 سبتمبر`) is a name, not a time.
        if s == i && !spelled && is_date_name_head(self.prev_core(i)) {
            return None;
        }
        // A second day: `20 و30`, `23 إلى 25`, `5 - 7`.
        let mut d2 = None;
        if let Some(n) = self.num(j) {
            if n.wa && n.nd <= 2 && n.v > d1 && n.v <= 31 && n.mark == Mark::None {
                d2 = Some(n.v);
                j += 1;
            }
        } else if (self.lx(j) == Lex::Conj || self.dash(j)) && !spelled {
            if let Some(n) = self.num(j + 1) {
                if !n.clitic && n.nd <= 2 && n.v > d1 && n.v <= 31 && n.mark == Mark::None {
                    d2 = Some(n.v);
                    j += 2;
                }
            }
        }
        let mut k = j;
        let has_min = self.lx(k) == Lex::Min;
        if has_min {
            k += 1;
        }
        if spelled && !has_min {
            return None;
        }
        if self.lx(k) == (Lex::MonthWord { def: false }) {
            k += 1;
        }
        if let Some((m, k2, _)) = self.month(k) {
            if d1 > crate::calendar::days_in_month(2024, m) {
                return None;
            }
            let (mut e, y, yoff, rel, _) = self.month_tail(k2, m);
            if let Some(d2) = d2 {
                if d2 > crate::calendar::days_in_month(2024, m) {
                    return None;
                }
                return Some(M { s, e, val: Val::Range { y, m1: m, d1, m2: m, d2, rel } });
            }
            // A range across months: `30 مايو إلى 2 يونيو 2025`.
            if y.is_none() && yoff.is_none() && rel == Rel::None && (self.lx(e) == Lex::Conj || self.dash(e)) {
                if let Some((d2, k3, false)) = self.day(e + 1) {
                    if let Some((m2, k4, _)) = self.month(k3) {
                        if m2 != m && d2 <= crate::calendar::days_in_month(2024, m2) {
                            let (e2, y2, _, rel2, _) = self.month_tail(k4, m2);
                            let y1 = y2.map(|y| if m2 < m { y - 1 } else { y });
                            return Some(M { s, e: e2, val: Val::Range { y: y1, m1: m, d1, m2, d2, rel: rel2 } });
                        }
                    }
                }
            }
            let mut hm = None;
            if y.is_some() {
                if let Some((c, k3)) = self.clock_tail(e) {
                    hm = Some(c);
                    e = k3;
                }
            }
            return Some(M { s, e, val: Val::Date { y, yoff, m, d: d1, wd, rel, hm } });
        }
        if d2.is_some() {
            return None;
        }
        if let Some((m, k2, _)) = self.hmonth(k) {
            if d1 > 30 {
                return None;
            }
            let mut e = k2;
            let mut y = None;
            if let Some((hy, k3, _)) = self.hijri_year(k2) {
                y = Some(hy);
                e = k3;
            }
            return Some(M { s, e, val: Val::Hijri { y, m, d: d1, wd } });
        }
        // `الحادي عشر من الشهر الجاري`, `16 من الشهر الماضي`.
        if has_min && self.lx(k) == (Lex::MonthWord { def: true }) {
            let (off, e) = match self.lx(k + 1) {
                Lex::Rel(r) => (rel_off(r), k + 2),
                _ => (0, k + 1),
            };
            return Some(M { s, e, val: Val::DayOfRelMonth { d: d1, off } });
        }
        None
    }

    /// A month name at `i` (the span starting at `s`): with a year, a
    /// relative marker, or alone when the context makes it a month.
    fn month_led(&self, i: usize, s: usize, cued: bool) -> Option<M> {
        let (m, j, amb) = self.month(i)?;
        let (e, y, yoff, rel, alt) = self.month_tail(j, m);
        if let Some(y) = y {
            return Some(M { s, e, val: Val::Month { y: Some(y), yoff: None, m, rel: Rel::None } });
        }
        if yoff.is_some() || rel != Rel::None {
            return Some(M { s, e, val: Val::Month { y: None, yoff, m, rel } });
        }
        // A month alone: the words before it must make it one.
        let prev = self.prev_core(s);
        let prep = matches!(
            prev,
            "في" | "منذ" | "حتي" | "خلال" | "قبل" | "بعد" | "من" | "الي" | "بين" | "بحلول" | "حلول" | "مطلع" | "منتصف" | "نهايه" | "بدايه" | "اوائل" | "اواخر" | "اواسط" | "مستهل" | "شهر" | "شهري" | "لشهر" | "بشهر" | "اشهر" | "طيله" | "طوال"
        ) || self.prev_word(s).is_some_and(|p| matches!(self.lx(p), Lex::Month(..)));
        let clitic_prep = {
            let n = self.norm(i);
            (n.starts_with('ب') || n.starts_with("وب") || n.starts_with("في")) && !amb
        };
        let ok = cued || alt || if amb { false } else { prep || clitic_prep };
        // مارس "March" after a preposition is safe; the other ambiguous names
        // (آب, ماي, جوان, نيسان, أوت) need a day, a year or a second name.
        let ok = ok || (amb && prep && strip_conj(self.norm(i)) == "مارس");
        if !ok {
            return None;
        }
        Some(M { s, e, val: Val::Month { y: None, yoff: None, m, rel: Rel::None } })
    }

    /// `رمضان 1446`, `ذو الحجة 1446هـ` (a Hijri month with its year).
    fn hijri_month_led(&self, i: usize) -> Option<M> {
        let (m, j, _) = self.hmonth(i)?;
        let (y, e, marked) = self.hijri_year(j)?;
        if !marked && self.num(j).is_some_and(|n| n.nd != 4) {
            return None;
        }
        Some(M { s: i, e, val: Val::HijriMonth { y, m } })
    }

    /// نهاية / منتصف / مطلع … + month, year or relative month/year.
    fn mod_led(&self, i: usize) -> Option<M> {
        let j = i + 1;
        match self.lx(j) {
            Lex::Month(..) | Lex::MonthHead(_) => self.month_led(j, i, true),
            Lex::MonthWord { def: false } if self.month(j + 1).is_some() => self.month_led(j + 1, i, true),
            Lex::MonthWord { def: true } => self.rel_month(j, i),
            Lex::YearWord { .. } => self.year_led(j, i).or_else(|| {
                // نهاية العام: the current year.
                if let Lex::YearWord { def: true } = self.lx(j) {
                    Some(M { s: i, e: j + 1, val: Val::RelYear(0) })
                } else {
                    None
                }
            }),
            Lex::This => match self.lx(j + 1) {
                Lex::YearWord { def: true } => Some(M { s: i, e: j + 2, val: Val::RelYear(0) }),
                Lex::MonthWord { def: true } => Some(M { s: i, e: j + 2, val: Val::RelMonth(0) }),
                _ => None,
            },
            _ => None,
        }
    }

    /// `الشهر الماضي` / `الشهر المقبل` / `الشهر الجاري` (a bare الشهر only
    /// after a modifier: `نهاية الشهر`).
    fn rel_month(&self, i: usize, s: usize) -> Option<M> {
        match self.lx(i + 1) {
            Lex::Rel(r) => Some(M { s, e: i + 2, val: Val::RelMonth(rel_off(r)) }),
            _ if s < i => Some(M { s, e: i + 1, val: Val::RelMonth(0) }),
            _ => None,
        }
    }

    /// `عام 2022`, `العام 2022`, `عام ألفين وخمسة وعشرين`, `العام الماضي`,
    /// `العام الجديد`.
    fn year_led(&self, i: usize, s: usize) -> Option<M> {
        let Lex::YearWord { def } = self.lx(i) else { return None };
        if let Some((y, e)) = self.greg_year(i + 1) {
            if !self.num(i + 1).is_some_and(|n| n.clitic) {
                return Some(M { s, e, val: Val::Year(y) });
            }
        }
        if let Some((y, e)) = self.spelled_year(i + 1) {
            return Some(M { s, e, val: Val::Year(y) });
        }
        if let Some((y, e, true)) = self.hijri_year(i + 1) {
            return Some(M { s, e, val: Val::HijriYear(y) });
        }
        if !def {
            return None;
        }
        // `الأمين العام الجديد`: العام after a definite noun is "general".
        if s == i {
            if let Some(p) = self.prev_word(i) {
                let pc = strip_conj(self.norm(p));
                let pc = pc.strip_prefix('ل').filter(|x| x.starts_with('ل')).unwrap_or(pc);
                if pc.starts_with("ال") && !matches!(self.lx(p), Lex::Mod) {
                    return None;
                }
            }
        }
        match self.lx(i + 1) {
            Lex::Rel(r) => Some(M { s, e: i + 2, val: Val::RelYear(rel_off(r)) }),
            Lex::New => Some(M { s, e: i + 2, val: Val::NewYear }),
            _ => None,
        }
    }

    /// A year written in words after عام/سنة: `ألفين وخمسة وعشرين`.
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let mut total = 0u32;
        let mut j = i;
        let mut any_thousand = false;
        loop {
            let w = self.norm(j);
            let (core, conj) = match w.strip_prefix('و') {
                Some(c) if j > i && !c.is_empty() => (c, true),
                _ => (w, false),
            };
            if j > i && !conj {
                break;
            }
            let v = match core {
                "الف" => 1000,
                "الفين" | "الفان" => 2000,
                _ => match cardinal(core) {
                    Some(v) => v,
                    None => break,
                },
            };
            if v >= 1000 {
                if any_thousand {
                    break;
                }
                any_thousand = true;
            } else if !any_thousand {
                return None;
            }
            // `خمسة عشر`: a unit followed by عشر.
            if self.lx(j + 1) == Lex::Ten && v < 10 {
                total += v + 10;
                j += 2;
            } else {
                total += v;
                j += 1;
            }
            if total > 2999 {
                return None;
            }
        }
        ((1000..=2999).contains(&total) && j > i).then_some((total as i32, j))
    }

    /// A four-digit number standing alone as a year: after a cue word
    /// (`منذ 2022`, `في 2022`), with a proclitic (`بـ2022`), or with nothing
    /// around it that makes it a count (`غزو موسكو 2022 انتهى`).
    fn bare_year(&self, i: usize) -> Option<M> {
        let n = self.num(i)?;
        if n.nd != 4 || !(1900..=2100).contains(&n.v) || n.mark == Mark::Hijri || self.lx(i + 1) == Lex::HijriMark {
            return None;
        }
        // A span of years: `1996-1999`.
        if self.dash(i + 1) && self.touch(i, i + 1) && self.touch(i + 1, i + 2) {
            if let Some(m) = self.num(i + 2) {
                let glued = self.touch(i + 2, i + 3) && matches!(self.lx(i + 3), Lex::Punct('-' | '/' | ':') | Lex::Num(_) | Lex::Other);
                if m.nd == 4 && !m.clitic && m.v > n.v && m.v <= 2100 && !glued {
                    return Some(M { s: i, e: i + 3, val: Val::YearRange(n.v as i32, m.v as i32) });
                }
            }
        }
        // Part of a number, a clock or an identifier.
        let glued_prev = i > 0 && self.touch(i - 1, i) && matches!(self.lx(i - 1), Lex::Punct(_) | Lex::Other | Lex::Num(_));
        let glued_next = self.touch(i, i + 1) && matches!(self.lx(i + 1), Lex::Punct('/' | ':' | '-' | '_' | '%') | Lex::Other | Lex::Num(_));
        if (glued_prev && !matches!(self.lx(i - 1), Lex::Punct('(' | '«' | '"' | '“'))) || glued_next {
            return None;
        }
        let mut e = i + 1;
        if n.mark == Mark::None && self.lx(e) == Lex::GregMark {
            e += 1;
        }
        if n.mark == Mark::Greg || e > i + 1 {
            return Some(M { s: i, e, val: Val::Year(n.v as i32) });
        }
        let prev = self.prev_core(i);
        let cue = matches!(
            prev,
            "منذ" | "في" | "حتي" | "قبل" | "بعد" | "خلال" | "عام" | "سنه" | "مطلع" | "بدايه" | "نهايه" | "اواخر" | "اوائل" | "منتصف" | "بحلول" | "حلول" | "ربيع" | "صيف" | "خريف" | "شتاء" | "موسم" | "عامي" | "لعام" | "انتخابات" | "اواسط" | "مستهل" | "ميزانيه" | "موازنه" | "رؤيه" | "العام" | "السنه" | "الفتره"
        );
        let count_next = {
            let nx = strip_conj(self.norm(i + 1));
            matches!(self.lx(i + 1), Lex::Other)
                && (is_counted_noun(nx) || nx.strip_suffix('ا').is_some_and(is_counted_noun) || self.raw(i + 1).ends_with('\u{064B}') || self.raw(i + 1).ends_with("اً"))
        };
        let count_prev = matches!(
            prev,
            "نحو" | "حوالي" | "قرابه" | "اكثر" | "اقل" | "اصل" | "زهاء" | "مجموع" | "اجمالي" | "عدد" | "بلغ" | "يبلغ" | "تبلغ" | "رقم" | "اطلاق" | "مقابل" | "اسقاط" | "مقتل" | "اعتقال"
        );
        if count_prev || count_next {
            return None;
        }
        if cue || n.clitic {
            return Some(M { s: i, e, val: Val::Year(n.v as i32) });
        }
        // `2024 منحة`: an indefinite feminine noun after it makes it a count.
        if let Lex::Other = self.lx(i + 1) {
            let nx = strip_conj(self.norm(i + 1));
            if !nx.starts_with("ال") && nx.ends_with('ه') && nx.chars().count() >= 3 {
                return None;
            }
        }
        // No cue: a plausible recent year that is not a round count.
        if (1990..=2040).contains(&n.v) && n.v % 100 != 0 {
            return Some(M { s: i, e, val: Val::Year(n.v as i32) });
        }
        None
    }

    /// Does the clause before token `i` speak of the future? Looks back up
    /// to eight words within the sentence.
    fn future_context(&self, i: usize) -> bool {
        let mut j = i;
        let mut words = 0;
        let floor = i.saturating_sub(24); // bounded work, punctuation included
        while j > floor && words < 8 {
            j -= 1;
            match self.lx(j) {
                Lex::Newline | Lex::Punct('.' | '!' | '?' | ';' | ':') => return false,
                Lex::Punct(_) => continue,
                _ => {}
            }
            words += 1;
            if is_future_cue(self.norm(j)) {
                return true;
            }
        }
        false
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pre {
    None,
    Yawm,
    Night,
    /// اليوم (0), أمس (−1), أول أمس (−2), غداً (+1), بعد غد (+2).
    Rel(i32),
}

pub fn rel_off(r: Rel) -> i32 {
    match r {
        Rel::Past => -1,
        Rel::Future => 1,
        _ => 0,
    }
}

/// A word without a leading و or ف.
pub fn strip_conj(w: &str) -> &str {
    match w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
        Some(r) if r.chars().count() >= 2 => r,
        _ => w,
    }
}

fn cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "واحد" | "احد" => 1,
        "اثنين" | "اثنان" | "اثني" | "اثنا" => 2,
        "ثلاث" | "ثلاثه" => 3,
        "اربع" | "اربعه" => 4,
        "خمس" | "خمسه" => 5,
        "ست" | "سته" => 6,
        "سبع" | "سبعه" => 7,
        "ثمان" | "ثماني" | "ثمانيه" => 8,
        "تسع" | "تسعه" => 9,
        "عشر" | "عشره" => 10,
        "عشرين" | "عشرون" => 20,
        "ثلاثين" | "ثلاثون" => 30,
        "اربعين" | "اربعون" => 40,
        "خمسين" | "خمسون" => 50,
        "ستين" | "ستون" => 60,
        "سبعين" | "سبعون" => 70,
        "ثمانين" | "ثمانون" => 80,
        "تسعين" | "تسعون" => 90,
        "مئه" | "مائه" => 100,
        "مئتين" | "مائتين" | "مئتان" | "مائتان" => 200,
        "ثلاثمئه" | "ثلاثمائه" => 300,
        "اربعمئه" | "اربعمائه" => 400,
        "خمسمئه" | "خمسمائه" => 500,
        "ستمئه" | "ستمائه" => 600,
        "سبعمئه" | "سبعمائه" => 700,
        "ثمانمئه" | "ثمانمائه" | "ثمانيمائه" => 800,
        "تسعمئه" | "تسعمائه" => 900,
        _ => return None,
    })
}

/// Heads of names built on a date: `قوى 14 آذار`, `ثورة 25 يناير`.
fn is_date_name_head(w: &str) -> bool {
    matches!(
        w,
        "قوي" | "تحالف" | "فريق" | "حركه" | "ثوره" | "انتفاضه" | "تيار" | "هجمات" | "احداث" | "اعتداءات" | "شارع" | "ميدان" | "جسر" | "مدينه" | "حي"
            | "جامعه" | "مستشفي" | "نادي" | "ملعب" | "مدرسه"
    )
}

/// Nouns that make a preceding four-digit number a count (`2000 جندي`).
fn is_counted_noun(w: &str) -> bool {
    matches!(
        w,
        "شخص" | "اشخاص" | "قتيل" | "قتيلا" | "جريح" | "جندي" | "جنود" | "مدني" | "مدنيين" | "طفل" | "اطفال" | "امراه" | "اسير" | "اسري"
            | "عسكري" | "مقاتل" | "صاروخ" | "طائره" | "مسيره" | "كيلومتر" | "كلم" | "كم" | "متر" | "ميل" | "دولار" | "يورو" | "جنيه"
            | "ريال" | "درهم" | "دينار" | "ليره" | "روبل" | "طن" | "برميل" | "منزل" | "مبني" | "وحده" | "عائله" | "اسره" | "لاجئ" | "نازح"
            | "حاله" | "اصابه" | "وفاه" | "مصاب" | "معتقل" | "سجين" | "موظف" | "عامل" | "طالب" | "مريض" | "ساعه" | "دقيقه" | "يوم" | "مره"
            | "هجوم" | "غاره" | "قذيفه" | "صوت" | "ناخب" | "مقعد" | "نقطه" | "كلمه" | "صفحه" | "موقع" | "قريه" | "هكتار" | "فرد" | "عنصر"
            | "ضابط" | "مسلح" | "مستوطن" | "جثه" | "جثث" | "مسيرات" | "صواريخ" | "دبابه" | "مركبه" | "سفينه" | "شاحنه" | "متظاهر" | "قطعه"
            | "سلاح" | "مليون" | "مليار" | "الف" | "عام" | "سنه" | "شهر" | "اسبوع" | "مقاتلا" | "جنديا" | "شخصا" | "طفلا" | "اسيرا"
    )
}

/// Words that put a clause in the future: `سوف`, `المقبل`, `من المقرر`,
/// `من المتوقع`, `بمجرد`, and verbs with the future prefix س (`سيلتقي`).
fn is_future_cue(norm: &str) -> bool {
    let w = strip_conj(norm);
    if matches!(
        w,
        "سوف" | "المقرر" | "المتوقع" | "المنتظر" | "المرتقب" | "مرتقب" | "مرتقبه" | "المحتمل" | "بمجرد" | "يعتزم" | "تعتزم" | "يعتزمون"
            | "نعتزم" | "اعتزام" | "يرتقب" | "مقرر" | "مقررا" | "المزمع" | "مزمع" | "يزمع" | "تزمع" | "يتوقع" | "تنتظر" | "بحلول"
    ) {
        return true;
    }
    // س + imperfect prefix (ي ت ن أ) + a verb stem of at least three letters.
    let mut cs = w.chars();
    if cs.next() != Some('س') {
        return false;
    }
    let Some(p) = cs.next() else { return false };
    if !matches!(p, 'ي' | 'ت' | 'ن') {
        return false;
    }
    let rest: usize = cs.clone().count();
    if rest < 3 {
        return false;
    }
    // Nouns and names that look like it.
    const NOT_VERBS_EXACT: [&str; 16] =
        ["سيد", "سيده", "سيف", "سير", "سيل", "سين", "سته", "ستين", "ستون", "سنه", "سنوات", "سنوي", "سنويا", "سيناء", "ستار", "سنتيمتر"];
    const NOT_VERBS_PREFIX: [&str; 22] = [
        "سياس", "سيار", "سيطر", "سيناري", "ستراتيج", "سيادي", "سيادة", "ستوكهولم", "سناتور", "سنغافور", "سيرغي", "سيرجي", "ستالين",
        "سيول", "سيبير", "ستارمر", "ستيف", "ستور", "سيرك", "سيجار", "ستوديو", "سنتر",
    ];
    !NOT_VERBS_EXACT.contains(&w) && !NOT_VERBS_PREFIX.iter().any(|p| w.starts_with(p))
}
