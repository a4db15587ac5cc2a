//! Byte offsets → UTF-16 code units, the unit of the JSON contract (JS string
//! indices). Done once, as the last step, over every span in a document.

use crate::model::{Annotation, Document, Quantity, Quote, Span};

/// Maps byte offsets of one text to UTF-16 offsets. Offsets that are not on a
/// character boundary map to the start of the character they fall in.
pub struct Utf16Map {
    /// UTF-16 offset at each byte offset (len + 1 entries).
    table: Vec<u32>,
}

impl Utf16Map {
    pub fn new(text: &str) -> Utf16Map {
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut u = 0u32;
        for c in text.chars() {
            for _ in 0..c.len_utf8() {
                table.push(u);
            }
            u += c.len_utf16() as u32;
        }
        table.push(u);
        Utf16Map { table }
    }

    pub fn at(&self, byte: usize) -> usize {
        self.table[byte.min(self.table.len() - 1)] as usize
    }

    pub fn len(&self) -> usize {
        *self.table.last().unwrap_or(&0) as usize
    }

    fn span(&self, s: &mut Span) {
        s.start = self.at(s.start);
        s.end = self.at(s.end);
    }
}

/// Rewrite every span of one document from bytes to UTF-16.
pub fn document_to_utf16(doc: &mut Document, map: &Utf16Map) {
    doc.length = map.len();
    for a in &mut doc.articles {
        a.start = map.at(a.start);
        a.end = map.at(a.end);
        if let Some(d) = a.dateline.as_mut() {
            map.span(d);
        }
        a.captions.iter_mut().chain(a.boilerplate.iter_mut()).for_each(|s| map.span(s));
    }
    for m in &mut doc.mentions {
        (m.start, m.end) = (map.at(m.start), map.at(m.end));
    }
    for t in &mut doc.times {
        (t.start, t.end) = (map.at(t.start), map.at(t.end));
    }
    quantities_to_utf16(&mut doc.quantities, map);
    quotes_to_utf16(&mut doc.quotes, map);
}

fn quantities_to_utf16(qs: &mut [Quantity], map: &Utf16Map) {
    for q in qs {
        (q.start, q.end) = (map.at(q.start), map.at(q.end));
    }
}

fn quotes_to_utf16(qs: &mut [Quote], map: &Utf16Map) {
    for q in qs {
        (q.start, q.end) = (map.at(q.start), map.at(q.end));
        if let Some(c) = q.cue.as_mut() {
            map.span(c);
        }
    }
}

/// Rewrite the timeline's spans (evidence, and what each source says),
/// given one map per document.
pub fn timeline_to_utf16(ann: &mut Annotation, maps: &[(String, Utf16Map)]) {
    let map_of = |file: &str| maps.iter().find(|(f, _)| f == file).map(|(_, m)| m);
    for item in &mut ann.timeline {
        for ev in &mut item.evidence {
            if let Some(map) = map_of(&ev.file) {
                (ev.start, ev.end) = (map.at(ev.start), map.at(ev.end));
            }
        }
        for says in &mut item.says {
            if let Some(map) = map_of(&says.file) {
                quantities_to_utf16(&mut says.quantities, map);
                quotes_to_utf16(&mut says.quotes, map);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_astral() {
        let s = "aب😀c";
        let m = Utf16Map::new(s);
        assert_eq!(m.at(0), 0);
        assert_eq!(m.at(1), 1); // ب starts at byte 1
        assert_eq!(m.at(3), 2); // 😀 starts at byte 3
        assert_eq!(m.at(7), 4); // c after a surrogate pair
        assert_eq!(m.len(), 5);
        assert_eq!(m.at(99), 5);
    }
}
