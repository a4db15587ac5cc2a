// Renders each source's text with the core's annotations as nested spans
// (text nodes only, never HTML), plus the hover/focus card for a mention.

import { h, replaceChildren, en } from './dom.js';
import { nestRanges } from './ranges.js';
import { KIND_LABELS } from './labels.js';
import { formatWhen } from './dates.js';

const PUBLISHED_FROM = { text: 'من النص', inferred: 'مستنتَج', given: 'أُدخل يدوياً' };
const APPROX = { about: 'نحو', more: 'أكثر من', less: 'أقل من' };

/** Every annotated range of one document, ranked so the outer ones wrap. */
function documentRanges(doc, evidence) {
  const ranges = [];
  doc.articles.forEach((a, i) => {
    if (doc.articles.length > 1) ranges.push({ start: a.start, end: a.end, rank: 0, type: 'article', i });
    if (a.dateline) ranges.push({ ...a.dateline, rank: 1, type: 'dateline' });
    for (const c of a.captions || []) ranges.push({ ...c, rank: 1, type: 'caption' });
    for (const b of a.boilerplate || []) ranges.push({ ...b, rank: 1, type: 'boilerplate' });
  });
  for (const q of doc.quotes || []) ranges.push({ start: q.start, end: q.end, rank: 2, type: 'quote', q });
  for (const e of evidence) ranges.push({ start: e.start, end: e.end, rank: 3, type: 'evidence', id: e.id });
  (doc.mentions || []).forEach((m, i) => ranges.push({ start: m.start, end: m.end, rank: 4, type: 'mention', m, i }));
  for (const t of doc.times || []) ranges.push({ start: t.start, end: t.end, rank: 5, type: 'time', t });
  for (const q of doc.quantities || []) ranges.push({ start: q.start, end: q.end, rank: 5, type: 'quantity', q });
  return ranges;
}

function quantityTitle(q) {
  const value = q.high !== null && q.high !== undefined ? `${q.value}–${q.high}` : String(q.value);
  return [APPROX[q.approx], value, q.unit].filter(Boolean).join(' ');
}

function elementFor(range, names) {
  switch (range.type) {
    case 'article':
      return h('span', { class: 'art', dataset: { article: String(range.i) } });
    case 'dateline':
      return h('span', { class: 'dateline', title: 'سطر المكان والتاريخ (dateline)' });
    case 'caption':
    case 'boilerplate':
      return h('span', { class: 'aside-text', title: range.type === 'caption' ? 'تعليق أو توقيع (caption)' : 'نص ملحق (boilerplate)' });
    case 'quote': {
      const speaker = range.q.speaker ? names[range.q.speaker] || range.q.speaker : null;
      const kind = range.q.kind === 'direct' ? 'اقتباس مباشر' : 'كلام منقول';
      return h('span', { class: `quote ${range.q.kind}`, title: speaker ? `${kind} — ${speaker}` : kind });
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
    case 'quantity':
      return h('span', { class: 'qty', title: quantityTitle(range.q) });
    default:
      return h('span', {});
  }
}

/** The annotated text of one document as a DocumentFragment. */
export function annotatedText(text, doc, evidence, names) {
  const fragment = document.createDocumentFragment();
  const build = (node, parent) => {
    for (const child of node.children) {
      if (child.text) parent.append(document.createTextNode(text.slice(child.text[0], child.text[1])));
      else build(child, parent.appendChild(elementFor(child.range, names)));
    }
  };
  build(nestRanges(text.length, documentRanges(doc, evidence)), fragment);
  return fragment;
}

/**
 * One source: header (name, articles, publication date editor) and text.
 * hooks: onDateChange(index, value|null), onRemove(index).
 */
export function renderDocument({ doc, input, index, evidence, names, hooks }) {
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
  const counts = `${(doc.mentions || []).length} إشارة · ${(doc.times || []).length} زمن · ${(doc.quantities || []).length} كمية`;
  return h(
    'article',
    { class: 'doc', dataset: { file: doc.file, index: String(index) }, 'aria-label': doc.file },
    h(
      'header',
      { class: 'doc-head' },
      h('div', { class: 'doc-name' }, h('h3', {}, h('bdi', {}, doc.file)), ' ', h('span', { class: 'muted' }, counts)),
      h('button', { type: 'button', class: 'icon remove', 'aria-label': `إزالة ${input.name}`, title: 'إزالة (remove)', onclick: () => hooks.onRemove(index) }, '×'),
      h(
        'ul',
        { class: 'doc-articles' },
        articles.map((a) =>
          h(
            'li',
            {},
            h('span', { class: 'doc-title', dir: 'auto' }, a.title || '—'),
            ' · ',
            h(
              'span',
              { class: 'muted' },
              a.published ? `${formatWhen(a.published)} (${PUBLISHED_FROM[a.published_from] || a.published_from || ''})` : 'تاريخ النشر غير معروف',
            ),
          ),
        ),
      ),
      dateInput ? h('label', { class: 'date-edit' }, 'تاريخ النشر: ', dateInput) : null,
    ),
    h('div', { class: 'text', lang: 'ar', dir: 'rtl', tabindex: '-1' }, annotatedText(input.text, doc, evidence, names)),
  );
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
