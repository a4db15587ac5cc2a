// The timeline: one column per occupied day/month/year (the zoom unit), empty
// stretches folded into a short "⋯ 3 أيام" gap so a story spanning years
// stays scrollable, dense columns folded behind a "+N" button.

import { h, replaceChildren, en } from './dom.js';
import { UNITS, UNIT_LABELS, parseWhen, bucketOf, bucketLabel, countLabel, formatWhen } from './dates.js';

const MAX_COLUMNS_FOR_AUTO_UNIT = 40;
const VISIBLE_PER_COLUMN = 2;

const PRECISION_RANK = { day: 0, month: 1, year: 2 };

/**
 * Pure layout: entries [{item, index}] → columns in time order:
 * {type:'bucket', key, label, entries} | {type:'gap', label}. An item vaguer
 * than the zoom unit ("2025-06" at day zoom) gets a column of its own,
 * labelled at its precision, before the finer ones starting with it.
 * Undated items go to a last column.
 */
export function layoutTimeline(entries, unit) {
  const buckets = new Map();
  const undated = [];
  for (const entry of entries) {
    const when = parseWhen(entry.item.date);
    if (!when) {
      undated.push(entry);
      continue;
    }
    const vague = PRECISION_RANK[when.precision] > PRECISION_RANK[unit] ? when.precision : null;
    const at = bucketOf(when.start, unit);
    const key = `${at}${vague ? `-${vague}` : ''}`;
    if (!buckets.has(key)) {
      const label = vague ? bucketLabel(bucketOf(when.start, vague), vague) : bucketLabel(at, unit);
      buckets.set(key, { key, at, rank: vague ? -PRECISION_RANK[vague] : 0, label, entries: [] });
    }
    buckets.get(key).entries.push({ ...entry, when });
  }
  const columns = [];
  let previous = null;
  for (const bucket of [...buckets.values()].sort((a, b) => a.at - b.at || a.rank - b.rank)) {
    if (previous !== null && bucket.at - previous > 1) columns.push({ type: 'gap', label: `⋯ ${countLabel(bucket.at - previous - 1, unit)}` });
    const list = bucket.entries.sort((a, b) => a.when.start - b.when.start || a.index - b.index);
    columns.push({ type: 'bucket', key: bucket.key, label: bucket.label, entries: list });
    previous = bucket.at;
  }
  if (undated.length) columns.push({ type: 'bucket', key: 'undated', label: 'بلا تاريخ', entries: undated });
  return columns;
}

/** The finest unit that keeps the number of columns readable. */
export function autoUnit(items) {
  for (const unit of UNITS) {
    const keys = new Set();
    for (const item of items) {
      const when = parseWhen(item.date);
      if (when) keys.add(bucketOf(when.start, unit));
    }
    if (keys.size <= MAX_COLUMNS_FOR_AUTO_UNIT) return unit;
  }
  return 'year';
}

export class Timeline {
  /** @param {{onSelect:(index:number|null)=>void}} hooks */
  constructor(hooks) {
    this.hooks = hooks;
    this.unit = null;
    this.expanded = new Set();
    this.state = { items: [], visible: () => true, selected: null, names: {}, filterLabel: null, onClearFilter: null };

    this.zoomButtons = UNITS.map((unit) =>
      h('button', { type: 'button', class: 'chip', dataset: { unit }, 'aria-pressed': 'false', onclick: () => this.setUnit(unit) }, UNIT_LABELS[unit]),
    );
    this.filterNote = h('span', { class: 'tl-filter' });
    this.track = h('ol', { class: 'tl-track', onkeydown: (e) => this.onKey(e) });
    this.scroller = h(
      'div',
      { class: 'tl-scroll', tabindex: '0', role: 'region', 'aria-label': 'أحداث مرتبة زمنياً (Ctrl + عجلة الفأرة للتكبير)' },
      this.track,
    );
    this.scroller.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.empty = h('p', { class: 'muted tl-empty' });
    this.el = h(
      'section',
      { class: 'panel timeline', 'aria-labelledby': 'tl-title' },
      h(
        'div',
        { class: 'panel-head' },
        h('h2', { id: 'tl-title' }, 'الخط الزمني ', en('Timeline')),
        h('div', { class: 'zoom', role: 'group', 'aria-label': 'مستوى التكبير' }, this.zoomButtons),
        this.filterNote,
      ),
      this.empty,
      this.scroller,
    );
  }

  /** items: result.timeline; visible(item): filter; names: entity id → name. */
  update(state) {
    const itemsChanged = state.items && state.items !== this.state.items;
    Object.assign(this.state, state);
    if (itemsChanged) {
      this.unit = autoUnit(this.state.items);
      this.expanded.clear();
    }
    this.render();
    if (itemsChanged) this.showBusiest();
  }

  /** Scrolls the track to the column with the most events (where the story is). */
  showBusiest() {
    let busiest = null;
    for (const col of this.track.querySelectorAll('.tl-col')) {
      if (!busiest || Number(col.dataset.count) > Number(busiest.dataset.count)) busiest = col;
    }
    if (!busiest || this.scroller.hidden) return;
    const box = this.scroller.getBoundingClientRect();
    const r = busiest.getBoundingClientRect();
    if (r.left >= box.left && r.right <= box.right) return;
    this.scroller.scrollBy({ left: r.left + r.width / 2 - (box.left + box.width / 2) });
  }

  setUnit(unit) {
    if (!UNITS.includes(unit) || unit === this.unit) return;
    this.unit = unit;
    this.expanded.clear();
    this.render();
  }

  render() {
    const { items, visible, selected, filterLabel, onClearFilter } = this.state;
    const unit = this.unit || 'day';
    for (const b of this.zoomButtons) b.setAttribute('aria-pressed', String(b.dataset.unit === unit));
    replaceChildren(
      this.filterNote,
      filterLabel ? [filterLabel, ' ', h('button', { type: 'button', class: 'link', onclick: onClearFilter }, 'إلغاء التصفية')] : null,
    );

    const entries = items.map((item, index) => ({ item, index })).filter(({ item }) => visible(item));
    this.empty.hidden = entries.length > 0;
    this.scroller.hidden = entries.length === 0;
    replaceChildren(this.empty, items.length === 0 ? ['لا أحداث بعد. ', en('No timeline events yet.')] : ['لا أحداث توافق التصفية. ', en('No events match the filter.')]);

    const columns = layoutTimeline(entries, unit);
    replaceChildren(this.track, columns.map((col) => (col.type === 'gap' ? h('li', { class: 'tl-gap', 'aria-hidden': 'true' }, col.label) : this.renderColumn(col, selected))));
  }

  renderColumn(col, selected) {
    const open = this.expanded.has(col.key) || col.entries.length <= VISIBLE_PER_COLUMN;
    // Keep the selected item visible even inside a folded column.
    const shown = open ? col.entries : col.entries.filter((e, i) => i < VISIBLE_PER_COLUMN - 1 || e.index === selected);
    const hiddenCount = col.entries.length - shown.length;
    const toggle = () => {
      if (this.expanded.has(col.key)) this.expanded.delete(col.key);
      else this.expanded.add(col.key);
      this.render();
    };
    return h(
      'li',
      { class: 'tl-col', dataset: { key: col.key, count: String(col.entries.length) } },
      h('div', { class: 'tl-tick' }, col.label, h('span', { class: 'tl-count' }, ` (${col.entries.length})`)),
      h(
        'ul',
        { class: 'tl-items' },
        shown.map((entry) => h('li', {}, this.renderItem(entry, selected))),
        hiddenCount > 0
          ? h('li', {}, h('button', { type: 'button', class: 'tl-more', 'aria-expanded': 'false', onclick: toggle }, `+${hiddenCount} أخرى`))
          : col.entries.length > VISIBLE_PER_COLUMN
            ? h('li', {}, h('button', { type: 'button', class: 'tl-more', 'aria-expanded': 'true', onclick: toggle }, 'أقل'))
            : null,
      ),
    );
  }

  renderItem({ item, index }, selected) {
    const name = (id) => this.state.names[id] || id;
    const sources = [...new Set((item.evidence || []).map((e) => e.file))];
    const people = (item.participants || []).map(name);
    return h(
      'button',
      {
        type: 'button',
        class: `tl-item${item.planned ? ' planned' : ''}`,
        'aria-pressed': String(index === selected),
        dataset: { index: String(index) },
        onclick: () => this.hooks.onSelect(index === this.state.selected ? null : index),
      },
      h('span', { class: 'tl-date' }, formatWhen(item.date), item.planned ? h('span', { class: 'badge' }, 'مُرتقَب') : null),
      h('span', { class: 'tl-what', dir: 'auto' }, item.what || '—'),
      item.place ? h('span', { class: 'tl-meta' }, 'المكان: ', h('bdi', {}, name(item.place))) : null,
      people.length ? h('span', { class: 'tl-meta' }, 'المشاركون: ', people.map((p, i) => [i ? '، ' : '', h('bdi', {}, p)])) : null,
      sources.length ? h('span', { class: 'tl-meta tl-src' }, 'المصادر: ', sources.map((s, i) => [i ? '، ' : '', h('bdi', {}, s)])) : null,
      this.renderClaims(item),
    );
  }

  /** "2 رقم · 3 قول · ⚠ خلاف": what the sources say about the item, in short. */
  renderClaims(item) {
    const says = item.says || [];
    const figures = says.reduce((n, s) => n + (s.quantities || []).length, 0);
    const quotes = says.reduce((n, s) => n + (s.quotes || []).length, 0);
    const disagreements = (item.disagreements || []).length;
    if (!figures && !quotes && !disagreements) return null;
    return h(
      'span',
      { class: 'tl-says' },
      [figures ? `أرقام: ${figures}` : null, quotes ? `أقوال: ${quotes}` : null].filter(Boolean).join(' · '),
      disagreements ? [figures || quotes ? ' · ' : '', h('span', { class: 'dis' }, '⚠ خلاف في الأرقام')] : null,
    );
  }

  onWheel(e) {
    if (!e.ctrlKey) return;
    e.preventDefault();
    const i = UNITS.indexOf(this.unit || 'day');
    this.setUnit(UNITS[Math.max(0, Math.min(UNITS.length - 1, i + (e.deltaY > 0 ? 1 : -1)))]);
  }

  // Arrow keys walk the items in time order (left is later in RTL).
  onKey(e) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const buttons = [...this.track.querySelectorAll('.tl-item')];
    const at = buttons.indexOf(e.target);
    if (at < 0) return;
    const next = buttons[at + (e.key === 'ArrowLeft' ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }
}
