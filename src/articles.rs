//! A page → its articles: title, body, captions, boilerplate, dateline and
//! publication date.

use crate::calendar::Date;
use crate::model::{Article, Span};
use crate::published;

/// One article inside a document (byte offsets).
#[derive(Debug, Clone)]
pub struct ArticleSeg {
    pub start: usize,
    pub end: usize,
    pub title: Span,
    pub published: Option<Date>,
    pub published_from: Option<&'static str>,
    pub dateline: Option<Span>,
    pub captions: Vec<Span>,
    pub boilerplate: Vec<Span>,
}

impl ArticleSeg {
    pub fn to_model(&self, text: &str) -> Article {
        Article {
            start: self.start,
            end: self.end,
            title: text[self.title.start..self.title.end].trim().to_string(),
            published: self.published.map(|d| d.iso()),
            published_from: self.published_from,
            dateline: self.dateline,
            captions: self.captions.clone(),
            boilerplate: self.boilerplate.clone(),
        }
    }
}

/// Split a document into articles.
pub fn segment(text: &str, given: Option<Date>) -> Vec<ArticleSeg> {
    let title = text
        .split_inclusive('\n')
        .scan(0usize, |pos, line| {
            let s = *pos;
            *pos += line.len();
            Some((s, line))
        })
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(s, l)| {
            let lead = l.len() - l.trim_start().len();
            Span { start: s + lead, end: s + lead + l.trim().len() }
        })
        .unwrap_or(Span { start: 0, end: 0 });
    let (date, from) = published::detect(text, 0, text.len(), given);
    vec![ArticleSeg {
        start: 0,
        end: text.len(),
        title,
        published: date,
        published_from: from,
        dateline: None,
        captions: Vec::new(),
        boilerplate: Vec::new(),
    }]
}
