//! Quantities and quotes.
//!
//! Both read one document's tokens ([`crate::tokenize`]) with its sentences
//! and the entity mentions found before this stage:
//! - [`quantities`]: numbers in digits or words (`numbers`), what they count
//!   (the noun after them, `src/data/units.txt`), approximations, ranges,
//!   exchanges, percentages and money; years, dates, clock times, labels and
//!   numbers inside names or links are left out.
//! - [`quotes`]: direct quotes between «», “” or "" and reported speech after
//!   a reporting verb or a source phrase (`src/data/quote_cues.txt`), with the
//!   speaker's entity id.
//!
//! Every offset here is a byte offset into the document's text, on a
//! character boundary; the whole stage is linear in the text's length.

mod lexicon;
mod numbers;
mod quantities;
mod quotes;

use crate::model::{Mention, Quantity, Quote};
use crate::tokenize::{self, Tok, TokKind, Tokens};
use lexicon::{Phrases, WordInfo};
/// Hash maps and sets with a fast hash, for fixed word lists.
pub(crate) use lexicon::{Map, Set};
use crate::DocText;

#[derive(Debug, Default)]
pub struct Claims {
    pub quantities: Vec<Quantity>,
    pub quotes: Vec<Quote>,
}

pub fn analyse(doc: &DocText, mentions: &[Mention]) -> Claims {
    let ctx = Ctx::new(doc, mentions);
    let quantities = quantities::find(&ctx);
    let quotes = quotes::find(&ctx);
    Claims { quantities, quotes }
}

const NONE: u32 = u32::MAX;

/// A document prepared for both finders.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Normalised forms of the tokens (`Tokens::arena`).
    pub arena: String,
    /// Sentence index of each token (line breaks belong to the sentence before).
    pub sent: Vec<u32>,
    /// Token range `a..b` of each sentence.
    pub sents: Vec<(usize, usize)>,
    /// Article index of each sentence (of its first token).
    pub sent_article: Vec<u32>,
    /// Index into `mentions` of the mention each token is part of, or NONE.
    pub ment: Vec<u32>,
    /// Valid mentions, sorted, not overlapping.
    pub mentions: Vec<&'a Mention>,
    /// Tokens inside a link, handle or hashtag.
    pub link: Vec<bool>,
    /// What each word or punctuation token can be (`Lex::words`).
    pub info: Vec<Option<&'static WordInfo>>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &DocText<'a>, mentions: &'a [Mention]) -> Ctx<'a> {
        let text = doc.text;
        let Tokens { toks, arena } = Tokens::new(text, 0, text.len());

        // `sentences` reads the byte before a '.' that ends a sentence, so it
        // must not start right at a leading '.' (text ". x" at offset 0).
        let from = if text.starts_with('.') { 1 } else { 0 };
        let spans = sentence_spans(text, &toks, from);

        let mut bounds: Vec<usize> = doc.articles.iter().map(|a| a.start).collect();
        crate::sort::natural(&mut bounds);

        let mut valid: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.start < m.end && m.end <= text.len() && text.is_char_boundary(m.start) && text.is_char_boundary(m.end))
            .collect();
        // Mentions come sorted from the entity stage; sorting sorted input
        // (stably) would change nothing.
        let order = |m: &&Mention| (m.start, std::cmp::Reverse(m.end));
        if !valid.windows(2).all(|w| order(&w[0]) <= order(&w[1])) {
            crate::sort::by_key(&mut valid, order);
        }
        let mut kept: Vec<&Mention> = Vec::with_capacity(valid.len());
        for m in valid {
            if kept.last().is_none_or(|p| p.end <= m.start) {
                kept.push(m);
            }
        }

        // One pass for each token's sentence, mention, word-list entry and
        // link mark, and each sentence's article.
        let n = toks.len();
        let mut sent = Vec::with_capacity(n);
        let mut sents: Vec<(usize, usize)> = Vec::with_capacity(spans.len() + 1);
        let mut sent_article: Vec<u32> = Vec::with_capacity(spans.len() + 1);
        let mut ment = Vec::with_capacity(n);
        let mut info = Vec::with_capacity(n);
        let mut link: Vec<bool> = Vec::with_capacity(n);
        let mut links = LinkScan::default();
        let lx = lexicon::lex();
        let (mut k, mut a, mut m) = (0usize, 0usize, 0usize);
        let mut cur: Option<usize> = None;
        for (i, t) in toks.iter().enumerate() {
            while a + 1 < bounds.len() && bounds[a + 1] <= t.start() {
                a += 1;
            }
            while k < spans.len() && spans[k].0 <= t.start() {
                k += 1;
                sents.push((i, i));
                sent_article.push(a as u32);
                cur = Some(sents.len() - 1);
            }
            let s = match cur {
                Some(s) => s,
                None => {
                    sents.push((i, i));
                    sent_article.push(a as u32);
                    cur = Some(sents.len() - 1);
                    sents.len() - 1
                }
            };
            sents[s].1 = i + 1;
            sent.push(s as u32);
            while m < kept.len() && kept[m].end <= t.start() {
                m += 1;
            }
            ment.push(if m < kept.len() && kept[m].start < t.end() && t.kind != TokKind::Newline { m as u32 } else { NONE });
            info.push(match t.kind {
                TokKind::Word | TokKind::Punct => lx.word(&arena[t.n0()..t.n1()]),
                _ => None,
            });
            let prev = i > 0 && link[i - 1];
            link.push(links.at(text, &toks, &arena, i, prev));
        }
        // Sentences with no token (cannot happen for non-empty spans) keep a
        // zero-length range; fix starts of ranges that got no token.
        for s in sents.iter_mut() {
            if s.1 < s.0 {
                s.1 = s.0;
            }
        }
        Ctx { text, toks, arena, sent, sents, sent_article, ment, mentions: kept, link, info }
    }

    /// What token `i` can be, from the word lists (none for numbers).
    #[inline]
    pub fn info(&self, i: usize) -> Option<&'static WordInfo> {
        self.info.get(i).copied().flatten()
    }

    pub fn mention(&self, i: usize) -> Option<&'a Mention> {
        match self.ment.get(i) {
            Some(&m) if m != NONE => Some(self.mentions[m as usize]),
            _ => None,
        }
    }

    pub fn mention_idx(&self, i: usize) -> Option<usize> {
        match self.ment.get(i) {
            Some(&m) if m != NONE => Some(m as usize),
            _ => None,
        }
    }

    /// First and last token of mention `m` (tokens overlapping it).
    pub fn mention_tokens(&self, m: usize, near: usize) -> (usize, usize) {
        let mut a = near;
        while a > 0 && self.ment[a - 1] == m as u32 {
            a -= 1;
        }
        let mut b = near;
        while b + 1 < self.toks.len() && self.ment[b + 1] == m as u32 {
            b += 1;
        }
        (a, b)
    }

    pub fn norm(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self.tn(t),
            None => "",
        }
    }

    /// Normalised form of a token of this document.
    #[inline]
    pub fn tn(&self, t: &Tok) -> &str {
        &self.arena[t.n0()..t.n1()]
    }

    /// Token `i` is a Latin word.
    pub fn is_latin(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word && self.tn(t).bytes().next().is_some_and(|b| b.is_ascii_alphabetic()))
    }

    /// Token `i` is an Arabic word.
    pub fn is_arabic(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word && self.tn(t).chars().next().is_some_and(tokenize::is_arabic_letter))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word())
    }

    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct && self.tn(t) == c)
    }

    /// Nothing but spaces between tokens `i` and `i + 1`.
    pub fn glued(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end() == b.start(),
            _ => false,
        }
    }
}

/// [`tokenize::sentences`]`(text, from, text.len())`, read off the tokens
/// instead of the characters: every character that ends a sentence, a line
/// or opens or closes a quote is a token of its own (punctuation or a line
/// break), but for a dot inside a word, which has no space after it and so
/// ends nothing.
fn sentence_spans(text: &str, toks: &[Tok], from: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let end = text.len();
    let b = text.as_bytes();
    let mut s = from;
    let mut depth: i32 = 0;
    let mut in_straight = false;
    let ends = |q: usize| q >= end || text[q..].chars().next().is_some_and(char::is_whitespace);
    for t in toks {
        if !matches!(t.kind, TokKind::Punct | TokKind::Newline) || t.start() < from {
            continue;
        }
        let (p, e) = (t.start(), t.end());
        match b[p] {
            b'"' => in_straight = !in_straight,
            b'\n' | b'\r' => {
                tokenize::push_sentence(text, s, p, &mut out);
                s = e;
                depth = 0;
                in_straight = false;
            }
            b'.' | b'!' | b'?' => {
                if ends(e) && depth == 0 && !in_straight {
                    tokenize::push_sentence(text, s, e, &mut out);
                    s = e;
                }
            }
            _ => match &text[p..e] {
                "«" | "“" => depth += 1,
                "»" | "”" => depth = (depth - 1).max(0),
                "\u{2029}" => {
                    tokenize::push_sentence(text, s, p, &mut out);
                    s = e;
                    depth = 0;
                    in_straight = false;
                }
                "؟" | "…" => {
                    if ends(e) && depth == 0 && !in_straight {
                        tokenize::push_sentence(text, s, e, &mut out);
                        s = e;
                    }
                }
                _ => {}
            },
        }
    }
    tokenize::push_sentence(text, s, end, &mut out);
    out
}

/// Tokens inside URLs, e-mail addresses, @handles and #hashtags.
#[cfg(test)]
fn links(text: &str, toks: &[Tok], arena: &str) -> Vec<bool> {
    let mut scan = LinkScan::default();
    let mut out: Vec<bool> = Vec::with_capacity(toks.len());
    for k in 0..toks.len() {
        let prev = k > 0 && out[k - 1];
        out.push(scan.at(text, toks, arena, k, prev));
    }
    out
}

/// Which tokens are inside a link, handle or hashtag, token by token in
/// order: a token is when a link found so far reaches into it, when it is a
/// dotted domain (apnews.com, pic.twitter.com: tokens joined by dots with a
/// Latin letter are words already), or when it is glued (no space, no line
/// break) to a token that is (the path after a domain).
#[derive(Default)]
struct LinkScan {
    /// Where the search for the next link start resumes (past the last
    /// link found).
    next: usize,
    /// End of the last link found.
    span_end: usize,
}

impl LinkScan {
    /// Token `k`; `prev`: the token before is in a link.
    fn at(&mut self, text: &str, toks: &[Tok], arena: &str, k: usize, prev: bool) -> bool {
        let t = &toks[k];
        let bytes = text.as_bytes();
        // Where a link may start: `h`/`w` inside a word with Latin letters,
        // `@` and `#` (punctuation tokens); every such byte is in one of
        // those tokens.
        let candidates = match t.kind {
            TokKind::Word => t.has_latin(),
            TokKind::Punct => matches!(bytes[t.start()], b'@' | b'#'),
            _ => false,
        };
        if candidates {
            for i in t.start().max(self.next)..t.end() {
                if i < self.next {
                    continue;
                }
                if let Some(e) = link_at(text, i) {
                    self.span_end = e;
                    self.next = e.max(i + 1);
                }
            }
        }
        self.span_end > t.start()
            || (t.kind == TokKind::Word && t.has_latin() && arena.as_bytes()[t.n0()..t.n1()].contains(&b'.'))
            || (prev && toks[k - 1].end() == t.start() && t.kind != TokKind::Newline)
    }
}

/// A URL, address, handle or hashtag starting at byte `i`: its end.
fn link_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let starts = match bytes[i] {
        b'h' | b'H' => {
            let rest = &bytes[i..];
            rest.len() > 7 && (rest[..7].eq_ignore_ascii_case(b"http://") || (rest.len() > 8 && rest[..8].eq_ignore_ascii_case(b"https://")))
        }
        b'w' | b'W' => bytes.len() - i > 4 && bytes[i..i + 4].eq_ignore_ascii_case(b"www."),
        b'@' | b'#' => i + 1 < bytes.len() && !bytes[i + 1].is_ascii_whitespace(),
        _ => false,
    };
    let at_word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
    if !(starts && at_word_start) {
        return None;
    }
    let mut e = i;
    while e < bytes.len() && !bytes[e].is_ascii_whitespace() {
        // Stop at non-ASCII space-like characters too.
        if text.is_char_boundary(e) {
            if let Some(c) = text[e..].chars().next() {
                if c.is_whitespace() || matches!(c, '«' | '»' | '“' | '”' | '،') {
                    break;
                }
            }
        }
        e += 1;
    }
    Some(e)
}

/// The word without a leading و or ف (when something is left).
pub(crate) fn strip_conj(s: &str) -> &str {
    match s.strip_prefix('و').or_else(|| s.strip_prefix('ف')) {
        Some(r) if r.chars().count() >= 2 => r,
        _ => s,
    }
}

/// Does the token's normalised form equal `w`, allowing و/ف and ب/ل/ك in
/// front (not the article)?
pub(crate) fn word_is(norm: &str, w: &str) -> bool {
    match norm.strip_suffix(w) {
        Some("") => true,
        Some(p) => matches!(p, "و" | "ف" | "ب" | "ل" | "ك" | "وب" | "ول" | "وك" | "فب" | "فل" | "فك"),
        None => false,
    }
}

/// A phrase of `p` ending at token `end` (inclusive): its first token.
pub(crate) fn phrase_ending_at(ctx: &Ctx, p: &Phrases, end: usize) -> Option<usize> {
    // The last word of a longer phrase is the token; a one-word phrase is
    // the token with up to two proclitic letters off (`word_is`).
    let t = ctx.norm(end);
    let mut rest = t.char_indices().map(|(i, _)| &t[i..]);
    let maybe = p.lasts.may(t) || rest.by_ref().take(3).any(|r| p.singles.may(r));
    if !maybe {
        return None;
    }
    for words in &p.all {
        let n = words.len();
        if end + 1 < n {
            continue;
        }
        let s = end + 1 - n;
        if (s..=end).all(|k| ctx.is_word(k) || ctx.toks[k].kind == TokKind::Punct)
            && words.iter().enumerate().all(|(m, w)| {
                let t = ctx.norm(s + m);
                if m == 0 {
                    word_is(t, w)
                } else {
                    t == w
                }
            })
        {
            return Some(s);
        }
    }
    None
}

/// A phrase of `p` starting at token `start`: its last token.
pub(crate) fn phrase_starting_at(ctx: &Ctx, p: &Phrases, start: usize) -> Option<usize> {
    let first = ctx.tn(ctx.toks.get(start)?);
    // Only the phrases whose first word the token can be.
    let mut keys: [&str; 3] = [first, "", ""];
    let mut n = 1;
    let conj = strip_conj(first);
    if conj != first {
        keys[n] = conj;
        n += 1;
    }
    if let Some(r) = conj.strip_prefix('ب').or_else(|| conj.strip_prefix('ل')).or_else(|| conj.strip_prefix('ك')) {
        if !r.is_empty() {
            keys[n] = r;
            n += 1;
        }
    }
    for key in &keys[..n] {
        let Some(list) = p.starting(key) else { continue };
        for words in list {
            let len = words.len();
            if start + len > ctx.toks.len() || !word_is(first, &words[0]) {
                continue;
            }
            if (1..len).all(|m| ctx.norm(start + m) == words[m]) {
                return Some(start + len - 1);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::articles;

    #[test]
    fn context_maps_tokens() {
        let text = "قال بيسكوف إن 3 أشخاص قتلوا. وأضاف: نعم\nhttps://x.com/a/123 و#وسم_2025";
        let doc = DocText { name: "t", text, articles: articles::segment(text, None) };
        let s = text.find("بيسكوف").unwrap();
        let m = vec![Mention { start: s, end: s + "بيسكوف".len(), text: "بيسكوف".into(), kind: "person", entity: "peskov".into() }];
        let ctx = Ctx::new(&doc, &m);
        assert_eq!(ctx.mention(1).map(|m| m.entity.as_str()), Some("peskov"));
        assert_eq!(ctx.mention(0), None);
        assert_eq!(ctx.sent[0], 0);
        let waadaf = (0..ctx.toks.len()).position(|i| ctx.norm(i) == "واضاف").unwrap();
        assert_eq!(ctx.sent[waadaf], 1);
        let n123 = (0..ctx.toks.len()).position(|i| ctx.norm(i) == "123").unwrap();
        assert!(ctx.link[n123]);
        let n2025 = (0..ctx.toks.len()).position(|i| ctx.norm(i) == "2025").unwrap();
        assert!(ctx.link[n2025]);
        assert!(!ctx.link[0]);
    }

    /// The first version of `links`: a pass over every byte.
    fn links_reference(text: &str, t: &Tokens) -> Vec<bool> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match link_at(text, i) {
                Some(e) => {
                    spans.push((i, e));
                    i = e.max(i + 1);
                }
                None => i += 1,
            }
        }
        let toks = &t.toks;
        let mut out = vec![false; toks.len()];
        let mut s = 0;
        for (k, tk) in toks.iter().enumerate() {
            while s < spans.len() && spans[s].1 <= tk.start() {
                s += 1;
            }
            if s < spans.len() && spans[s].0 < tk.end() {
                out[k] = true;
            }
            let norm = t.norm_of(tk);
            if tk.kind == TokKind::Word && norm.contains('.') && norm.bytes().any(|b| b.is_ascii_alphabetic()) {
                out[k] = true;
                let mut j = k + 1;
                while j < toks.len() && toks[j - 1].end() == toks[j].start() && toks[j].kind != TokKind::Newline {
                    out[j] = true;
                    j += 1;
                }
            }
        }
        let mut k = 0;
        while k < toks.len() {
            if out[k] {
                let mut j = k + 1;
                while j < toks.len() && toks[j - 1].end() == toks[j].start() && toks[j].kind != TokKind::Newline {
                    out[j] = true;
                    j += 1;
                }
                k = j;
            } else {
                k += 1;
            }
        }
        out
    }

    #[test]
    fn links_and_sentences_read_off_tokens_agree_with_the_text() {
        let pieces = [
            "http://", "https://", "HTTP://", "www.", "WWW.", "@", "#", "h", "w", "a.b", "x.com", "/", ".", "!", "?", "؟", "…", " ", "  ",
            "\n", "\r", "\u{2029}", "«", "»", "“", "”", "\"", "،", "قال", "وhttp://x", "3.7", "a", "ب", "\u{200B}", "\u{00A0}", "1,000",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let n = rnd(24);
            let s: String = (0..n).map(|_| pieces[rnd(pieces.len())]).collect();
            let t = Tokens::new(&s, 0, s.len());
            assert_eq!(links(&s, &t.toks, &t.arena), links_reference(&s, &t), "{s:?}");
            let from = if s.starts_with('.') { 1 } else { 0 };
            assert_eq!(sentence_spans(&s, &t.toks, from), tokenize::sentences(&s, from, s.len()), "{s:?}");
        }
    }

    #[test]
    fn bad_mentions_are_ignored() {
        let text = "قال زيلينسكي";
        let doc = DocText { name: "t", text, articles: articles::segment(text, None) };
        let bad = vec![
            Mention { start: 1, end: 3, text: String::new(), kind: "person", entity: "a".into() },
            Mention { start: 5, end: 500, text: String::new(), kind: "person", entity: "b".into() },
            Mention { start: 4, end: 4, text: String::new(), kind: "person", entity: "c".into() },
        ];
        let ctx = Ctx::new(&doc, &bad);
        assert!(ctx.mentions.is_empty());
    }
}
