//! Byte offsets → UTF-16 code units, the unit of the JSON contract (JS string
//! indices). Done once, as the last step, over every span in a document.

use crate::model::{Annotation, Document, Quantity, Quote, Span};

/// Maps byte offsets of one text to UTF-16 offsets. Offsets that are not on a
/// character boundary map to the start of the character they fall in.
///
/// Keeps the UTF-16 offset of every `BLOCK`th byte and counts the rest of
/// the way: an eighth of the text's size rather than four times it (a table
/// per byte was the largest allocation of a run), at a few dozen byte reads
/// per lookup.
pub struct Utf16Map<'a> {
    text: &'a [u8],
    /// UTF-16 units of the characters that start before byte `i * BLOCK`.
    marks: Vec<u32>,
}

const BLOCK: usize = 32;

/// UTF-16 units of the character a UTF-8 byte starts: none for a
/// continuation byte, two for the lead of a four-byte (astral) character.
#[inline(always)]
fn units(b: u8) -> u32 {
    (b & 0xC0 != 0x80) as u32 + (b >= 0xF0) as u32
}

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Utf16Map<'a> {
        let bytes = text.as_bytes();
        let mut marks = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut u = 0u32;
        for block in bytes.chunks(BLOCK) {
            marks.push(u);
            u += block.iter().map(|&b| units(b)).sum::<u32>();
        }
        marks.push(u);
        Utf16Map { text: bytes, marks }
    }

    pub fn at(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while byte < self.text.len() && self.text[byte] & 0xC0 == 0x80 {
            byte -= 1;
        }
        let b = byte / BLOCK;
        let counted: u32 = self.text[b * BLOCK..byte].iter().map(|&b| units(b)).sum();
        (self.marks[b] + counted) as usize
    }

    pub fn len(&self) -> usize {
        *self.marks.last().unwrap_or(&0) as usize
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
/// given each document's map by its (unique) name.
pub fn timeline_to_utf16(ann: &mut Annotation, maps: &[(&str, Utf16Map)]) {
    // Sorted by name: a timeline item can cite every one of thousands of
    // documents, so finding a map must not be a walk over all of them.
    let mut order: Vec<usize> = (0..maps.len()).collect();
    crate::sort::by(&mut order, |&a, &b| maps[a].0.cmp(maps[b].0));
    let map_of = |file: &str| {
        let i = order.partition_point(|&i| maps[i].0 < file);
        order.get(i).map(|&i| &maps[i]).filter(|(f, _)| *f == file).map(|(_, m)| m)
    };
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

    #[test]
    fn every_byte_across_blocks_agrees_with_counting_chars() {
        let s = "قال «😀» a\u{200f}b ".repeat(9) + "é€𝄞";
        let m = Utf16Map::new(&s);
        for byte in 0..=s.len() + 2 {
            let start = (0..=byte.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap();
            assert_eq!(m.at(byte), s[..start].encode_utf16().count(), "byte {byte}");
        }
        assert_eq!(m.len(), s.encode_utf16().count());
    }
}
