// Claims: the quantities and quotes the core finds. Labels for them, the
// "what each source says" view of a timeline item (figures and quotes side
// by side per source, disagreements flagged) and the "who said what" list
// (each speaker with their quotes across sources). Every claim is a button
// that asks the element to scroll to it in its article and flash it.

import { h, replaceChildren, en } from './dom.js';
import { formatWhen } from './dates.js';

export const APPROX_AR = { about: 'نحو', more: 'أكثر من', less: 'أقل من' };
export const QUOTE_KIND = { direct: 'اقتباس مباشر', reported: 'كلام منقول' };
const QUOTE_BADGE = { direct: 'مباشر', reported: 'منقول' };
const EXCHANGE_AR = { each: 'من كل جانب', all: 'الكل مقابل الكل' };
// How many quotes a speaker shows before a "more" button (all speakers /
// one selected speaker), and how many more each press adds.
const SHOWN_PER_SPEAKER = 6;
const SHOWN_FOR_ONE = 60;
const MORE_STEP = 100;

/** 1200 → "1,200" (Latin digits, as the sources write them). */
export function formatNumber(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(value ?? '');
}

/** "نحو 1,000 أسير", "1,200 أسير من كل جانب", "10–12 %". */
export function quantityLabel(q) {
  if (q.exchange === 'all' && !q.value) return EXCHANGE_AR.all;
  const value = q.high !== null && q.high !== undefined ? `${formatNumber(q.value)}–${formatNumber(q.high)}` : formatNumber(q.value);
  return [APPROX_AR[q.approx], value, q.unit, EXCHANGE_AR[q.exchange]].filter(Boolean).join(' ');
}

/** "نحو 1,000": one figure of a disagreement, without its unit. */
export function figureLabel(f) {
  const value = f.high != null && f.high !== f.value ? `${formatNumber(f.value)}–${formatNumber(f.high)}` : formatNumber(f.value);
  return [APPROX_AR[f.approx], value].filter(Boolean).join(' ');
}

/** "1,200 مقابل نحو 1,000 أسير". */
export function disagreementLabel(d) {
  return `${d.figures.map(figureLabel).join(' مقابل ')}${d.unit ? ` ${d.unit}` : ''}`;
}

/**
 * Drops quotes lying inside another quote of the same speaker (the core
 * reports «direct» words inside the reported sentence that holds them): the
 * outer quote already shows them.
 */
export function topQuotes(quotes) {
  const sorted = [...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  const open = [];
  for (const q of sorted) {
    while (open.length && open[open.length - 1].end <= q.start) open.pop();
    if (open.some((o) => o.end >= q.end && (o.speaker || null) === (q.speaker || null))) continue;
    out.push(q);
    open.push(q);
  }
  return out;
}

/**
 * Speakers with their quotes across all documents:
 * [{speaker: id|null, quotes: [{file, q}], files: n}], most quoted first,
 * quotes nobody is named for last.
 */
export function speakerGroups(result) {
  const groups = new Map();
  for (const doc of result ? result.documents : []) {
    for (const q of topQuotes(doc.quotes || [])) {
      const key = q.speaker || '';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({ file: doc.file, q });
    }
  }
  return [...groups.entries()]
    .map(([speaker, quotes]) => ({ speaker: speaker || null, quotes, files: new Set(quotes.map((x) => x.file)).size }))
    .sort((a, b) => (a.speaker === null) - (b.speaker === null) || b.quotes.length - a.quotes.length || String(a.speaker).localeCompare(String(b.speaker)));
}

/** Short text of a quote for a list: «direct» in guillemets, reported as is. */
function quoteText(q) {
  return q.kind === 'direct' ? `«${q.text}»` : q.text;
}

/** A button that jumps to `q` (in `file`) in its article. */
export function quoteRef({ file, q }, names, onReveal, { showSpeaker = false, showFile = true } = {}) {
  const speaker = q.speaker ? names[q.speaker] || q.speaker : null;
  return h(
    'button',
    {
      type: 'button',
      class: `claim quote-ref ${q.kind === 'direct' ? 'direct' : 'reported'}`,
      dataset: { file, at: `${q.start}:${q.end}` },
      onclick: () => onReveal({ file, type: 'quote', start: q.start, end: q.end }),
    },
    showFile ? [h('bdi', { class: 'src' }, file), ' '] : null,
    h('span', { class: 'kind-badge', title: QUOTE_KIND[q.kind] || '' }, QUOTE_BADGE[q.kind] || q.kind),
    ' ',
    showSpeaker ? h('strong', { class: 'who' }, speaker || 'غير منسوب', ': ') : null,
    h('span', { class: 'qtext', dir: 'auto' }, quoteText(q)),
  );
}

/** The "what each source says" panel for one timeline item. */
export class SaysView {
  /** hooks: onReveal({file, type, start, end, text?, value?}) */
  constructor(hooks) {
    this.hooks = hooks;
    this.el = h('section', { class: 'says', 'aria-labelledby': 'says-title', hidden: true });
  }

  /** item: a timeline item (or null to hide); names: entity id → name. */
  update({ item, names }) {
    this.el.hidden = !item;
    if (!item) return this.el.replaceChildren();
    const says = item.says || [];
    const disagreements = item.disagreements || [];
    const files = [...new Set([...(item.evidence || []).map((e) => e.file), ...says.map((s) => s.file)])];
    const bySource = new Map(says.map((s) => [s.file, s]));
    const disputed = new Set();
    for (const d of disagreements) for (const f of d.figures) disputed.add(`${f.file}|${d.unit}|${f.value}`);
    const figureRef = (file, q) => {
      const flagged = disputed.has(`${file}|${q.unit}|${q.value}`);
      return h(
        'button',
        {
          type: 'button',
          class: `claim fig${flagged ? ' disputed' : ''}`,
          dataset: { file, at: `${q.start}:${q.end}` },
          onclick: () => this.hooks.onReveal({ file, type: 'quantity', start: q.start, end: q.end }),
        },
        h('span', { class: 'fig-value' }, quantityLabel(q)),
        flagged ? h('span', { class: 'flag' }, ' ⚠ مختلف عليه') : null,
        q.text !== quantityLabel(q) ? h('span', { class: 'muted fig-text', dir: 'auto' }, ` «${q.text}»`) : null,
      );
    };
    replaceChildren(
      this.el,
      h(
        'div',
        { class: 'says-head' },
        h('h3', { id: 'says-title' }, 'ماذا يقول كل مصدر ', en('What each source says')),
        h('span', { class: 'muted' }, formatWhen(item.date), ' — ', h('bdi', {}, item.what || '—')),
      ),
      disagreements.length
        ? h(
            'div',
            { class: 'disagree', role: 'note', 'aria-label': 'المصادر مختلفة في الأرقام' },
            h('strong', {}, '⚠ المصادر مختلفة في الأرقام ', en('Sources disagree')),
            h(
              'ul',
              {},
              disagreements.map((d) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'dis-summary' }, disagreementLabel(d)),
                  d.conflict
                    ? h('span', { class: 'dis-kind conflict' }, ' — متعارضة ', en('conflict'))
                    : h('span', { class: 'dis-kind' }, ' — صياغات مختلفة قد تصح معاً ', en('compatible')),
                  ': ',
                  d.figures.map((f, i) => [
                    i ? ' · ' : '',
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'link dis-fig',
                        onclick: () => this.revealFigure(item, f),
                      },
                      figureLabel(f),
                      ' ',
                      h('bdi', { class: 'muted' }, `(${f.file})`),
                    ),
                  ]),
                ),
              ),
            ),
          )
        : null,
      h(
        'div',
        { class: 'says-grid' },
        files.map((file) => {
          const s = bySource.get(file) || { quantities: [], quotes: [] };
          const quotes = topQuotes(s.quotes || []);
          const figures = s.quantities || [];
          return h(
            'article',
            { class: 'source-card', dataset: { file }, 'aria-label': file },
            h('h4', {}, h('bdi', {}, file)),
            figures.length ? [h('h5', {}, 'الأرقام'), h('ul', { class: 'figs' }, figures.map((q) => h('li', {}, figureRef(file, q))))] : null,
            quotes.length
              ? [h('h5', {}, 'الأقوال'), h('ul', { class: 'quotes' }, quotes.map((q) => h('li', {}, quoteRef({ file, q }, names, this.hooks.onReveal, { showSpeaker: true, showFile: false }))))]
              : null,
            !figures.length && !quotes.length ? h('p', { class: 'muted' }, 'لا أرقام ولا أقوال في هذا المصدر عن الحدث.') : null,
          );
        }),
      ),
    );
  }

  revealFigure(item, f) {
    const source = (item.says || []).find((s) => s.file === f.file);
    const q = source && (source.quantities || []).find((x) => x.text === f.text && x.value === f.value);
    this.hooks.onReveal(q ? { file: f.file, type: 'quantity', start: q.start, end: q.end } : { file: f.file, type: 'quantity', text: f.text, value: f.value });
  }
}

/** The "who said what" list: every speaker with their quotes across sources. */
export class SpeakersView {
  /** hooks: onReveal({file, type, start, end}), onSelect(id|null) */
  constructor(hooks) {
    this.hooks = hooks;
    this.more = new Map();
    this.state = { groups: [], names: {}, kinds: {}, selected: null };
    this.note = h('p', { class: 'restrict-note', hidden: true });
    this.list = h('ul', { class: 'speakers' });
    this.el = h('div', { class: 'speakers-pane' }, this.note, this.list);
  }

  update(state) {
    if (state.groups !== this.state.groups) this.more.clear();
    Object.assign(this.state, state);
    this.render();
  }

  render() {
    const { groups, names, kinds, selected } = this.state;
    const shown = selected ? groups.filter((g) => g.speaker === selected) : groups;
    this.note.hidden = !selected;
    replaceChildren(
      this.note,
      selected ? [`أقوال ${names[selected] || selected} فقط. `, h('button', { type: 'button', class: 'link', onclick: () => this.hooks.onSelect(null) }, 'عرض كل المتحدثين')] : null,
    );
    if (!shown.length) {
      replaceChildren(
        this.list,
        h('li', { class: 'muted' }, selected ? ['لا أقوال منسوبة إلى هذا الكيان. ', en('No quotes by this entity.')] : ['لا اقتباسات بعد. ', en('No quotes yet.')]),
      );
      return;
    }
    replaceChildren(
      this.list,
      shown.map((g) => {
        const key = g.speaker || '';
        const limit = this.more.get(key) || (selected ? SHOWN_FOR_ONE : SHOWN_PER_SPEAKER);
        const name = g.speaker ? names[g.speaker] || g.speaker : 'غير منسوب';
        const kind = g.speaker ? kinds[g.speaker] : null;
        return h(
          'li',
          { class: 'speaker', dataset: { speaker: key } },
          h(
            'div',
            { class: 'speaker-head' },
            g.speaker
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: `speaker-name${kind ? ` k-${kind}` : ''}`,
                    'aria-pressed': String(g.speaker === selected),
                    title: 'تحديد هذا الكيان',
                    onclick: () => this.hooks.onSelect(g.speaker === selected ? null : g.speaker),
                  },
                  kind ? h('span', { class: `swatch k-${kind}`, 'aria-hidden': 'true' }) : null,
                  name,
                )
              : h('span', { class: 'speaker-name anon' }, name, ' ', en('unattributed')),
            h('span', { class: 'muted' }, `الأقوال: ${g.quotes.length} · المصادر: ${g.files}`),
          ),
          h(
            'ol',
            { class: 'quote-list' },
            g.quotes.slice(0, limit).map((entry) => h('li', {}, quoteRef(entry, names, this.hooks.onReveal))),
          ),
          g.quotes.length > limit
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'link more',
                  onclick: () => {
                    this.more.set(key, limit + MORE_STEP);
                    this.render();
                  },
                },
                `عرض ${Math.min(MORE_STEP, g.quotes.length - limit)} أخرى (من ${g.quotes.length - limit})`,
              )
            : null,
        );
      }),
    );
  }
}
