// Renders each source's text with the core's annotations as nested spans
// (text nodes only, never HTML), plus the hover/focus card for a mention.

import { h, append, replaceChildren, en } from './dom.js';
import { nestRanges } from './ranges.js';
import { KIND_LABELS } from './labels.js';
import { formatWhen } from './dates.js';
import { quantityLabel, QUOTE_KIND } from './claims.js';

const PUBLISHED_FROM = { text: 'من النص', inferred: 'مستنتَج', given: 'أُدخل يدوياً' };

// Long texts are cut into chunks of about this many characters (at a line
// break when there is one nearby). Each chunk is a block of its own: the
// first is built at once, the others in small slices after it (or at once
// when they are scrolled to or revealed), and off-screen chunks skip layout
// (content-visibility), so a 10 MB article does not freeze the page.
export const CHUNK_CHARS = 8000;
// Rough line metrics for the placeholder height of a chunk not built yet.
const CHARS_PER_LINE = 95;
const LINE_PX = 36;

/** Every annotated range of one document, ranked so the outer ones wrap. */
export function documentRanges(doc, evidence) {
  const ranges = [];
  doc.articles.forEach((a, i) => {
    if (doc.articles.length > 1) ranges.push({ start: a.start, end: a.end, rank: 0, type: 'article', i });
    if (a.dateline) ranges.push({ ...a.dateline, rank: 1, type: 'dateline' });
    for (const c of a.captions || []) ranges.push({ ...c, rank: 1, type: 'caption' });
    for (const b of a.boilerplate || []) ranges.push({ ...b, rank: 1, type: 'boilerplate' });
  });
  const cues = new Set();
  for (const q of doc.quotes || []) {
    ranges.push({ start: q.start, end: q.end, rank: 2, type: 'quote', q });
    // Several quotes can share one cue ("قال … إن «…»"): mark it once.
    if (q.cue && !cues.has(`${q.cue.start}:${q.cue.end}`)) {
      cues.add(`${q.cue.start}:${q.cue.end}`);
      ranges.push({ start: q.cue.start, end: q.cue.end, rank: 4, type: 'cue', q });
    }
  }
  for (const e of evidence) ranges.push({ start: e.start, end: e.end, rank: 3, type: 'evidence', id: e.id });
  (doc.mentions || []).forEach((m, i) => ranges.push({ start: m.start, end: m.end, rank: 4, type: 'mention', m, i }));
  for (const t of doc.times || []) ranges.push({ start: t.start, end: t.end, rank: 5, type: 'time', t });
  for (const q of doc.quantities || []) ranges.push({ start: q.start, end: q.end, rank: 5, type: 'quantity', q });
  return ranges;
}

function elementFor(range, names) {
  const cont = range.cont ? ' cont' : '';
  switch (range.type) {
    case 'article':
      return h('span', { class: `art${range.i > 0 ? ' later' : ''}${cont}`, dataset: { article: String(range.i) } });
    case 'dateline':
      return h('span', { class: 'dateline', title: 'سطر المكان والتاريخ (dateline)' });
    case 'caption':
    case 'boilerplate':
      return h('span', { class: 'aside-text', title: range.type === 'caption' ? 'تعليق أو توقيع (caption)' : 'نص ملحق (boilerplate)' });
    case 'quote': {
      const q = range.q;
      const speaker = q.speaker ? names[q.speaker] || q.speaker : 'قائل غير معروف';
      return h('span', {
        class: `quote ${q.kind === 'direct' ? 'direct' : 'reported'}`,
        title: `${QUOTE_KIND[q.kind] || QUOTE_KIND.reported} — ${speaker}`,
        dataset: { at: `${q.start}:${q.end}`, speaker: q.speaker || '' },
      });
    }
    case 'cue': {
      const q = range.q;
      const speaker = q.speaker ? names[q.speaker] || q.speaker : 'قائل غير معروف';
      return h('span', { class: 'cue', title: `فعل القول (cue) — ${speaker}`, dataset: { speaker: q.speaker || '' } });
    }
    case 'evidence':
      return h('span', { class: 'ev', dataset: { ev: range.id } });
    case 'mention':
      return h('span', {
        class: `m k-${range.m.kind}`,
        tabindex: '0',
        role: 'button',
        dataset: { entity: range.m.entity, kind: range.m.kind, mention: String(range.i) },
      });
    case 'time':
      return h('span', { class: 't', title: range.t.value ? `${formatWhen(range.t.value)} (${range.t.value})` : 'زمن' });
    case 'quantity': {
      const q = range.q;
      const owner = q.entity ? names[q.entity] || q.entity : null;
      return h('span', { class: 'qty', title: [quantityLabel(q), owner ? `(${owner})` : null].filter(Boolean).join(' '), dataset: { at: `${q.start}:${q.end}` } });
    }
    default:
      return h('span', {});
  }
}

function appendTree(text, offset, node, parent, names) {
  for (const child of node.children) {
    if (child.text) parent.append(document.createTextNode(text.slice(offset + child.text[0], offset + child.text[1])));
    else appendTree(text, offset, child, parent.appendChild(elementFor(child.range, names)), names);
  }
}

/** The annotated text of one document (or of [from, to) of it) as a DocumentFragment. */
export function annotatedText(text, doc, evidence, names, from = 0, to = text.length, ranges = documentRanges(doc, evidence)) {
  const fragment = document.createDocumentFragment();
  const local = [];
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue;
    local.push({ ...r, start: Math.max(r.start, from) - from, end: Math.min(r.end, to) - from, cont: r.start < from });
  }
  appendTree(text, from, nestRanges(to - from, local), fragment, names);
  return fragment;
}

const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;

/** [start, end) pieces of about `size` characters, cut after a line break when one is near. */
export function chunkBounds(text, size = CHUNK_CHARS) {
  const bounds = [];
  let start = 0;
  while (start < text.length) {
    let end = start + size;
    if (end >= text.length) end = text.length;
    else {
      const before = text.lastIndexOf('\n', end);
      const after = text.indexOf('\n', end);
      if (before >= start + size / 2) end = before + 1;
      else if (after >= 0 && after < end + size / 2) end = after + 1;
      else if (isLowSurrogate(text.charCodeAt(end))) end++;
    }
    bounds.push([start, end]);
    start = end;
  }
  return bounds.length ? bounds : [[0, 0]];
}

/**
 * One source's text as chunks built on demand. `onFill(chunkElement)` runs
 * after a chunk is built (the element marks the current selection in it).
 */
export class TextView {
  constructor({ text, doc, evidence, names, onFill }) {
    this.text = text;
    this.doc = doc;
    this.evidence = evidence;
    this.names = names;
    this.onFill = onFill;
    this.bounds = chunkBounds(text);
    this.starts = this.bounds.map((b) => b[0]);
    this.perChunk = this.bounds.length > 1 ? splitRanges(documentRanges(doc, evidence), this.starts, text.length) : [documentRanges(doc, evidence)];
    this.filled = this.bounds.map(() => false);
    this.left = this.bounds.length;
    this.chunks = this.bounds.map(([s, e]) => h('div', { class: 'chunk pending', style: `--h: ${estimateHeight(text, s, e)}px` }));
    this.el = h('div', { class: `text${this.bounds.length > 1 ? ' chunked' : ''}`, lang: 'ar', dir: 'rtl', tabindex: '-1' }, this.chunks);
  }

  get done() {
    return this.left === 0;
  }

  fill(i) {
    if (i < 0 || i >= this.bounds.length || this.filled[i]) return;
    const [from, to] = this.bounds[i];
    const chunk = this.chunks[i];
    chunk.replaceChildren(annotatedText(this.text, this.doc, this.evidence, this.names, from, to, this.perChunk[i]));
    chunk.classList.remove('pending');
    this.filled[i] = true;
    this.perChunk[i] = null;
    this.left--;
    if (this.onFill) this.onFill(chunk);
  }

  /** Index of the chunk holding text offset `at`. */
  chunkAt(at) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Builds the chunk holding `at` (before something in it is revealed). */
  ensure(at) {
    this.fill(this.chunkAt(at));
  }

  /** Builds the chunks now visible in the scrolled text box. */
  fillVisible() {
    if (this.done) return;
    const box = this.el.getBoundingClientRect();
    for (let i = 0; i < this.chunks.length; i++) {
      if (this.filled[i]) continue;
      const r = this.chunks[i].getBoundingClientRect();
      if (r.bottom >= box.top - 400 && r.top <= box.bottom + 400) this.fill(i);
    }
  }
}

/** Ranges bucketed by the chunks they overlap (a range may be in several). */
function splitRanges(ranges, starts, length) {
  const out = starts.map(() => []);
  const chunkOf = (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const r of ranges) {
    if (!(r.end > r.start) || r.start >= length) continue;
    for (let i = chunkOf(Math.max(0, r.start)); i < starts.length && starts[i] < r.end; i++) out[i].push(r);
  }
  return out;
}

function estimateHeight(text, from, to) {
  let lines = 0;
  let at = from;
  while (at < to) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl >= to) nl = to;
    lines += Math.max(1, Math.ceil((nl - at) / CHARS_PER_LINE));
    at = nl + 1;
  }
  return Math.max(LINE_PX, lines * LINE_PX);
}

/**
 * One source: header (name, articles, publication date editor) and text.
 * hooks: onDateChange(index, value|null), onRemove(index), onFill(chunk).
 * Returns its TextView; the <article> is `view.articleEl`.
 */
export function renderDocument({ doc, input, index, evidence, names, hooks }) {
  const view = new TextView({ text: input.text, doc, evidence, names, onFill: hooks.onFill });
  const articles = doc.articles || [];
  // Offer a date when the text itself does not state one.
  const needsDate = !articles.some((a) => a.published_from === 'text');
  const current = input.published || (articles.find((a) => a.published) || {}).published || '';
  const dateInput = needsDate
    ? h('input', {
        type: 'date',
        value: current,
        'aria-label': `تاريخ نشر ${input.name}`,
        onchange: (e) => hooks.onDateChange(index, e.target.value || null),
      })
    : null;
  const counts = `${(doc.mentions || []).length} إشارة · ${(doc.times || []).length} زمن · ${(doc.quantities || []).length} كمية · ${(doc.quotes || []).length} اقتباس`;
  view.articleEl = h(
    'article',
    { class: 'doc', dataset: { file: doc.file, index: String(index) }, 'aria-label': doc.file },
    h(
      'header',
      { class: 'doc-head' },
      h('div', { class: 'doc-name' }, h('h3', {}, h('bdi', {}, doc.file)), ' ', h('span', { class: 'muted' }, counts)),
      h('button', { type: 'button', class: 'icon remove', 'aria-label': `إزالة ${input.name}`, title: 'إزالة (remove)', onclick: () => hooks.onRemove(index) }, '×'),
      articleList(articles),
      dateInput ? h('label', { class: 'date-edit' }, 'تاريخ النشر: ', dateInput) : null,
    ),
    view.el,
  );
  return view;
}

// A page of many stories lists the first few; the rest on demand (a pasted
// 10 MB text can hold thousands).
const LISTED_ARTICLES = 3;

function articleItem(a) {
  return h(
    'li',
    {},
    h('span', { class: 'doc-title', dir: 'auto' }, a.title || '—'),
    ' · ',
    h('span', { class: 'muted' }, a.published ? `${formatWhen(a.published)} (${PUBLISHED_FROM[a.published_from] || a.published_from || ''})` : 'تاريخ النشر غير معروف'),
  );
}

function articleList(articles) {
  const list = h('ul', { class: 'doc-articles' }, articles.slice(0, LISTED_ARTICLES).map(articleItem));
  if (articles.length <= LISTED_ARTICLES) return list;
  const rest = h('ul', { class: 'doc-articles' });
  const more = h(
    'details',
    {
      class: 'more-articles',
      ontoggle: () => {
        if (more.open && !rest.firstChild) append(rest, articles.slice(LISTED_ARTICLES).map(articleItem));
      },
    },
    h('summary', {}, `و${articles.length - LISTED_ARTICLES} مقالاً آخر في هذا المصدر`),
    rest,
  );
  return h('div', { class: 'doc-articles-wrap' }, list, more);
}

/** The card shown next to a hovered or focused mention. */
export class MentionCard {
  constructor() {
    this.el = h('div', { class: 'card', id: 'mention-card', role: 'tooltip', hidden: true });
    this.target = null;
  }

  show(target, entity, mentionText, kind) {
    this.target = target;
    const label = KIND_LABELS[entity ? entity.kind : kind] || { ar: kind, en: kind };
    const counts = entity ? entity.counts || [] : [];
    replaceChildren(
      this.el,
      h('div', { class: 'card-name' }, entity ? entity.name : mentionText),
      entity && entity.name_en ? h('div', { class: 'card-en', lang: 'en', dir: 'ltr' }, entity.name_en) : null,
      h('div', { class: `card-kind k-${entity ? entity.kind : kind}` }, label.ar, ' · ', en(label.en)),
      entity && entity.forms && entity.forms.length
        ? h('div', {}, h('strong', {}, 'الصيغ: '), entity.forms.map((f, i) => [i ? '، ' : '', h('bdi', {}, f)]))
        : null,
      counts.length
        ? h('ul', { class: 'card-counts' }, counts.map((c) => h('li', {}, h('bdi', {}, c.file), `: ${c.count}`)))
        : null,
    );
    this.el.hidden = false;
    target.setAttribute('aria-describedby', 'mention-card');
    this.place(target);
  }

  // Fixed positioning relative to the viewport keeps the card out of the
  // text flow; flip above the mention when there is no room below.
  place(target) {
    const r = target.getBoundingClientRect();
    const card = this.el.getBoundingClientRect();
    const margin = 6;
    let top = r.bottom + margin;
    if (top + card.height > window.innerHeight && r.top - card.height - margin > 0) top = r.top - card.height - margin;
    let left = r.right - card.width;
    left = Math.max(margin, Math.min(left, window.innerWidth - card.width - margin));
    this.el.style.top = `${Math.round(top)}px`;
    this.el.style.left = `${Math.round(left)}px`;
  }

  /** Re-places the card after a scroll; hides it once its mention is out of sight. */
  follow() {
    if (!this.target) return;
    const r = this.target.getBoundingClientRect();
    if (!this.target.isConnected || r.bottom < 0 || r.top > window.innerHeight) this.hide();
    else this.place(this.target);
  }

  hide() {
    if (this.target) this.target.removeAttribute('aria-describedby');
    this.target = null;
    this.el.hidden = true;
  }
}
