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
    /// The counted noun in its singular dictionary form (`أسير`, `جثة`,
    /// `طائرة مسيرة`, `سنة` for durations), "%" or a currency (`دولار`).
    pub unit: Option<String>,
    /// The entity the quantity belongs to, where the text makes it clear: a
    /// nationality, place or organisation right after the counted noun
    /// (`12000 مدني أوكراني`, `12 عضواً من الوفد الروسي`) or the person or
    /// organisation right before the number (`أعلنت الوزارة 71 …`). Null
    /// when in doubt.
    pub entity: Option<String>,
    /// "each" for one side of an exchange (`1000 مقابل 1000`, `ألف أسير من
    /// كل جانب`: `value` is the count per side), "all" for an all-for-all
    /// exchange (`الجميع مقابل الجميع`: the text gives no count and `value`
    /// is 0), else null. `unit` then holds what is exchanged, from the
    /// sentence when the formula itself names nothing.
    pub exchange: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quote {
    /// The quoted words: inside the quote marks for a direct quote, the
    /// reported clause (after إن/أن, or beside بحسب X) for reported speech.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Entity id of the person (else organisation) who said it, or null.
    pub speaker: Option<String>,
    /// The reporting verb or phrase (`وقال`, `بحسب`, `هذا ما كتبه`).
    pub cue: Option<Span>,
    /// "direct" or "reported".
    pub kind: &'static str,
    /// How the speaker was found: "cue" (the subject of the cue), "source"
    /// (`بحسب X`, `نقلت … عن X`), "carried" (a cue with no subject of its own,
    /// `وأضاف:`, or a quote continuing the previous one: the last speaker of
    /// the preceding sentences), "headline" (`لافروف: …`), or null.
    pub attribution: Option<&'static str>,
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
    /// What each source attaches to this happening: the quantities and
    /// quotes in the sentences that report it, one entry per source.
    pub says: Vec<SourceSays>,
    /// Counts of the same thing that the sources give differently.
    pub disagreements: Vec<Disagreement>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceSays {
    pub file: String,
    pub quantities: Vec<Quantity>,
    pub quotes: Vec<Quote>,
}

/// One counted thing (`unit`) with different figures in different sources.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Disagreement {
    pub unit: String,
    pub figures: Vec<Figure>,
    /// True when two sources' figures cannot both hold (1,000 against
    /// about 1,200); false when they are worded differently but compatible
    /// (hundreds against 339, more than an hour against less than two).
    pub conflict: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figure {
    pub file: String,
    pub value: f64,
    /// Upper bound of a range, as in [`Quantity::high`].
    pub high: Option<f64>,
    pub approx: Option<&'static str>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    pub file: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}
