//! Khabar: reads Arabic news articles and finds who, where, when and how
//! many, linking every spelling of a name across sources.
//!
//! The pipeline, one module a stage:
//! 1. [`normalize`], [`tokenize`]: matching forms, words with clitics, sentences.
//! 2. [`articles`]: a page → its articles (title, captions, boilerplate,
//!    dateline) and each article's publication date ([`published`]).
//! 3. [`times`]: calendar references resolved to ISO against the article date
//!    ([`calendar`] does the date arithmetic, Hijri included).
//! 4. [`entities`]: people, places, organisations and nationalities from the
//!    [`gazetteer`] and from context, linked across documents.
//! 5. [`claims`]: quantities and quotes.
//! 6. [`events`]: dated happenings merged into one timeline.
//! 7. [`offsets`]: byte offsets → UTF-16 for the JSON contract ([`model`]).
//!
//! Pure Rust; the only wasm-bindgen code is in `wasm.rs`.

/// A data file from `src/data/`, compiled in without its comment lines
/// (see `src/data/build.rs`).
macro_rules! data_file {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $name))
    };
}

pub mod articles;
pub mod calendar;
pub mod claims;
pub mod entities;
pub mod events;
pub mod gazetteer;
pub mod model;
pub mod normalize;
pub mod offsets;
pub mod published;
pub mod sort;
pub mod times;
pub mod tokenize;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use model::{Annotation, DocInput, Document};
use std::fmt;

/// Why an input cannot be annotated. Nothing is annotated when any input is
/// bad, so a caller never gets a partial result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    NoDocuments,
    Empty { name: String },
    BadDate { name: String, value: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoDocuments => write!(f, "no documents to annotate"),
            Error::Empty { name } => write!(f, "{name}: the text is empty"),
            Error::BadDate { name, value } => {
                write!(f, "{name}: publication date {value:?} is not a calendar date in the form YYYY-MM-DD")
            }
        }
    }
}

impl std::error::Error for Error {}

/// One document as the later stages see it: its text and its articles.
pub struct DocText<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub articles: Vec<articles::ArticleSeg>,
}

/// Annotate a set of documents together: entities are linked and events
/// merged across all of them. Offsets in the result are UTF-16 code units.
pub fn annotate(inputs: &[DocInput]) -> Result<Annotation, Error> {
    annotate_with_progress(inputs, &mut |_| {})
}

/// How far an annotation has got, for a progress bar: `done` of `total`
/// steps (one per document and stage, plus linking and the timeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: &'static str,
    pub done: usize,
    pub total: usize,
}

/// [`annotate`], reporting progress after each step.
pub fn annotate_with_progress(inputs: &[DocInput], progress: &mut dyn FnMut(Progress)) -> Result<Annotation, Error> {
    if inputs.is_empty() {
        return Err(Error::NoDocuments);
    }
    let mut names: Vec<String> = Vec::with_capacity(inputs.len());
    let mut docs = Vec::with_capacity(inputs.len());
    for input in inputs {
        if input.text.chars().all(|c| c.is_whitespace() || normalize::is_ignorable(c)) {
            return Err(Error::Empty { name: input.name.clone() });
        }
        let given = match input.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(v) => Some(calendar::Date::parse_iso(v).ok_or_else(|| Error::BadDate {
                name: input.name.clone(),
                value: v.to_string(),
            })?),
        };
        // Two inputs with one name would make evidence ambiguous.
        let mut name = input.name.clone();
        let mut k = 2;
        while names.contains(&name) {
            name = format!("{} ({k})", input.name);
            k += 1;
        }
        names.push(name);
        docs.push((input.text.as_str(), given));
    }

    let n = docs.len();
    let total = 3 * n + 2;
    let mut done = 0;
    let mut step = |stage| {
        done += 1;
        progress(Progress { stage, done, total });
    };
    let mut texts = Vec::with_capacity(n);
    let mut times = Vec::with_capacity(n);
    for (&(text, given), name) in docs.iter().zip(&names) {
        let doc = DocText { name, text, articles: articles::segment(text, given) };
        times.push(times::analyse(&doc));
        texts.push(doc);
        step("articles and times");
    }
    let (mentions, entities) = entities::analyse(&texts);
    step("entities");
    let mut claims = Vec::with_capacity(n);
    for (d, m) in texts.iter().zip(&mentions) {
        claims.push(claims::analyse(d, m));
        step("quantities and quotes");
    }
    let timeline = events::timeline(&texts, &mentions, &entities, &times, &claims);
    step("timeline");

    let mut documents = Vec::with_capacity(texts.len());
    let mut maps = Vec::with_capacity(texts.len());
    for (((doc, mentions), times), claims) in texts.iter().zip(mentions).zip(times).zip(claims) {
        let map = offsets::Utf16Map::new(doc.text);
        let mut out = Document {
            file: doc.name.to_string(),
            length: 0,
            articles: doc.articles.iter().map(|a| a.to_model(doc.text)).collect(),
            mentions,
            times,
            quantities: claims.quantities,
            quotes: claims.quotes,
        };
        offsets::document_to_utf16(&mut out, &map);
        documents.push(out);
        maps.push((doc.name, map));
        step("output");
    }
    let mut ann = Annotation { documents, entities, timeline };
    offsets::timeline_to_utf16(&mut ann, &maps);
    Ok(ann)
}
