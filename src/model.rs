//! The analysis result, as the CLI prints it and the browser API returns it
//! (`../shared/gold/GUIDELINES.md`, "The annotator's output", plus extra
//! fields). Inside the core every `start`/`end` is a byte offset into the
//! document's text; `crate::offsets` rewrites them to UTF-16 code units as the
//! very last step, so the serialised form is always UTF-16.

use serde::Serialize;

/// One input document: a file name (or label) and its text.
#[derive(Debug, Clone)]
pub struct DocInput {
    pub name: String,
    pub text: String,
    /// Publication date given from outside (`--published`), ISO `YYYY-MM-DD`.
    pub published: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Annotation {
    pub documents: Vec<Document>,
    pub entities: Vec<Entity>,
    pub timeline: Vec<TimelineItem>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Document {
    pub file: String,
    /// Length of the text in UTF-16 code units.
    pub length: usize,
    pub articles: Vec<Article>,
    pub mentions: Vec<Mention>,
    pub times: Vec<Time>,
    pub quantities: Vec<Quantity>,
    pub quotes: Vec<Quote>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Article {
    pub start: usize,
    pub end: usize,
    pub title: String,
    /// ISO date the article was written, or null when nothing fixes it.
    pub published: Option<String>,
    /// Where `published` came from: "text", "inferred", "given", or null.
    pub published_from: Option<&'static str>,
    /// The dateline (`إسطنبول – 2 – 6 (كونا) —`) when the article has one.
    pub dateline: Option<Span>,
    /// Spans of photo captions, bylines and boilerplate inside the article.
    pub captions: Vec<Span>,
    pub boilerplate: Vec<Span>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// "person", "place", "org" or "nationality".
    pub kind: &'static str,
    pub entity: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Time {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// ISO 8601 at the text's granularity, a range `a/b`, or null.
    pub value: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: f64,
    /// Upper bound for ranges (`بين 20 و30`), else null.
    pub high: Option<f64>,
    /// "about", "more", "less" or null.
    pub approx: Option<&'static str>,
    /// The counted noun (`أسير`, `جثة`) or "%" or a currency.
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub cue: Option<Span>,
    /// "direct" or "reported".
    pub kind: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entity {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    pub name_en: Option<String>,
    /// Every surface form seen, most frequent first.
    pub forms: Vec<String>,
    /// Mention counts per document, in document order.
    pub counts: Vec<DocCount>,
    /// For a nationality: the place entity it points at.
    pub place: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocCount {
    pub file: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelineItem {
    pub date: String,
    pub what: String,
    pub place: Option<String>,
    pub participants: Vec<String>,
    pub planned: bool,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    pub file: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}
