//! Calendar references resolved to ISO 8601.
//!
//! [`scan`] finds the expressions (GUIDELINES.md, "Times") in one linear pass
//! over the tokens; [`resolve`] turns each into a value against the
//! publication date of the article it sits in (`DocText::articles`). The
//! same scan feeds `crate::published`, which infers an article's date from
//! its relative expressions.
//!
//! Spans cover whole words (clitics included: `بـ2022`, `و30`), start at
//! `يوم`/`اليوم`/`أمس`/`بعد غد`/`ليل` or at a modifier (`منتصف`, `نهاية`),
//! take in a bracketed or slashed second month name and `الماضي`/`المقبل`/
//! `الجاري`, and leave out prepositions written as separate words (`في`,
//! `بين`, `منذ`).

pub mod lex;
pub mod resolve;
pub mod scan;
pub mod tok;

use crate::model::Time;
use crate::DocText;

pub use scan::{Expr, Val};

/// Every calendar reference in the document, in text order, with byte
/// offsets. An expression takes the date of the article containing its
/// start; outside every article, relative expressions are `null`.
pub fn analyse(doc: &DocText) -> Vec<Time> {
    let text = doc.text;
    let exprs = scan::scan(text, 0, text.len());
    // Articles by start, so one forward pointer finds each expression's.
    let mut arts: Vec<(usize, usize, Option<crate::calendar::Date>)> =
        doc.articles.iter().map(|a| (a.start, a.end, a.published)).collect();
    crate::sort::by_key(&mut arts, |a| (a.0, a.1));
    let mut k = 0;
    let mut out = Vec::with_capacity(exprs.len());
    for e in &exprs {
        while k < arts.len() && arts[k].1 <= e.start {
            k += 1;
        }
        let anchor = arts[k..]
            .iter()
            .take_while(|a| a.0 <= e.start)
            .filter(|a| e.start < a.1)
            .last()
            .and_then(|a| a.2);
        out.push(Time {
            start: e.start,
            end: e.end,
            text: text[e.start..e.end].to_string(),
            value: resolve::resolve(&e.val, anchor, e.future),
        });
    }
    out
}
