// The entity side panel: legend doubling as a kind filter, a search box
// that filters by entity, the entity list, and the mentions of the selected
// entity across all sources.

import { h, replaceChildren, en } from './dom.js';
import { KINDS, MARKS, KIND_LABELS } from './labels.js';
import { quoteRef } from './claims.js';

// The selected entity's mentions and quotes shown before a "more" button.
const SHOWN = 100;

function swatchLabel(kind, count) {
  const label = KIND_LABELS[kind];
  return [h('span', { class: `swatch k-${kind}`, 'aria-hidden': 'true' }), label.ar, ' ', en(label.en), count === undefined ? null : h('span', { class: 'count' }, String(count))];
}

const normalise = (s) => String(s || '').toLowerCase().replace(/[\u064B-\u0652\u0640]/g, '').replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');

export class EntityPanel {
  /** hooks: onSelect(id|null), onKindToggle(kind), onReveal(docIndex, mentionIndex), onRevealClaim({file, type, start, end}) */
  constructor(hooks) {
    this.hooks = hooks;
    this.limits = { mentions: SHOWN, quotes: SHOWN, for: null };
    this.state = { entities: [], hiddenKinds: new Set(), selected: null, restrictTo: null, restrictLabel: null, onClearRestrict: null, mentionsOf: () => [], quotesOf: () => [], names: {}, kindCounts: {} };
    this.legend = h('div', { class: 'legend', role: 'group', 'aria-label': 'مفتاح الألوان وتصفية حسب النوع' });
    this.search = h('input', {
      type: 'search',
      class: 'search',
      placeholder: 'ابحث عن كيان…',
      'aria-label': 'تصفية الكيانات بالاسم',
      oninput: () => this.renderList(),
    });
    this.note = h('p', { class: 'restrict-note', hidden: true });
    this.list = h('ul', { class: 'entity-list', 'aria-label': 'الكيانات' });
    this.selection = h('section', { class: 'selection', 'aria-live': 'polite', hidden: true });
    this.el = h(
      'div',
      { class: 'entity-pane' },
      this.legend,
      this.search,
      this.note,
      this.list,
      this.selection,
    );
  }

  update(state) {
    Object.assign(this.state, state);
    this.renderLegend();
    this.renderList();
    this.renderSelection();
  }

  renderLegend() {
    const { hiddenKinds, kindCounts } = this.state;
    replaceChildren(
      this.legend,
      KINDS.map((kind) =>
        h(
          'button',
          {
            type: 'button',
            class: 'chip legend-kind',
            dataset: { kind },
            'aria-pressed': String(!hiddenKinds.has(kind)),
            title: 'إظهار/إخفاء هذا النوع',
            onclick: () => this.hooks.onKindToggle(kind),
          },
          swatchLabel(kind, kindCounts[kind] || 0),
        ),
      ),
      MARKS.map((kind) =>
        h(
          'button',
          {
            type: 'button',
            class: 'chip legend-mark',
            dataset: { kind },
            'aria-pressed': String(!hiddenKinds.has(kind)),
            title: 'إظهار/إخفاء هذا التعليم',
            onclick: () => this.hooks.onKindToggle(kind),
          },
          swatchLabel(kind, kindCounts[kind] || 0),
        ),
      ),
    );
  }

  renderList() {
    const { entities, hiddenKinds, selected, restrictTo, restrictLabel, onClearRestrict } = this.state;
    const query = normalise(this.search.value.trim());
    const total = (e) => (e.counts || []).reduce((n, c) => n + c.count, 0);
    const shown = entities
      .filter((e) => !hiddenKinds.has(e.kind))
      .filter((e) => !restrictTo || restrictTo.has(e.id))
      .filter((e) => !query || [e.name, e.name_en, ...(e.forms || [])].some((s) => normalise(s).includes(query)))
      .sort((a, b) => total(b) - total(a) || String(a.name).localeCompare(String(b.name), 'ar'));

    this.note.hidden = !restrictTo;
    replaceChildren(this.note, restrictTo ? [restrictLabel, ' ', h('button', { type: 'button', class: 'link', onclick: onClearRestrict }, 'عرض الكل')] : null);

    replaceChildren(
      this.list,
      shown.length
        ? shown.map((e) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: `entity k-${e.kind}`,
                  dataset: { entity: e.id },
                  'aria-pressed': String(e.id === selected),
                  onclick: () => this.hooks.onSelect(e.id === this.state.selected ? null : e.id),
                },
                h('span', { class: `swatch k-${e.kind}`, 'aria-hidden': 'true' }),
                h('span', { class: 'entity-name' }, e.name),
                e.name_en ? en(e.name_en) : null,
                h('span', { class: 'count', 'aria-label': `${total(e)} مرة` }, String(total(e))),
              ),
            ),
          )
        : h('li', { class: 'muted' }, entities.length ? ['لا كيانات توافق التصفية. ', en('No entity matches.')] : ['لم يُعثر على كيانات بعد. ', en('No entities yet.')]),
    );
  }

  renderSelection() {
    const { entities, selected, mentionsOf, quotesOf, names } = this.state;
    const entity = entities.find((e) => e.id === selected);
    this.selection.hidden = !entity;
    if (!entity) return this.selection.replaceChildren();
    if (this.limits.for !== entity.id) this.limits = { mentions: SHOWN, quotes: SHOWN, for: entity.id };
    const mentions = mentionsOf(entity.id);
    const quotes = quotesOf(entity.id);
    const more = (key, total) =>
      total > this.limits[key]
        ? h(
            'button',
            {
              type: 'button',
              class: 'link more',
              onclick: () => {
                this.limits[key] += SHOWN * 5;
                this.renderSelection();
              },
            },
            `عرض المزيد (${total - this.limits[key]})`,
          )
        : null;
    replaceChildren(
      this.selection,
      h(
        'div',
        { class: 'selection-head' },
        h('h3', {}, entity.name, entity.name_en ? [' ', en(entity.name_en)] : null),
        h('button', { type: 'button', class: 'link', onclick: () => this.hooks.onSelect(null) }, 'إلغاء التحديد'),
      ),
      quotes.length
        ? [
            h('h4', {}, `الأقوال المنسوبة (${quotes.length}) `, en('said')),
            h('ol', { class: 'quote-list said-list' }, quotes.slice(0, this.limits.quotes).map((entry) => h('li', {}, quoteRef(entry, names, this.hooks.onRevealClaim)))),
            more('quotes', quotes.length),
          ]
        : null,
      h('h4', {}, `${mentions.length} إشارة في ${new Set(mentions.map((m) => m.file)).size} مصدر`),
      h(
        'ol',
        { class: 'mention-list' },
        mentions.slice(0, this.limits.mentions).map((m) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'mention-ref', onclick: () => this.hooks.onReveal(m.docIndex, m.mentionIndex) },
              h('bdi', { class: 'muted' }, m.file),
              ': …',
              m.before,
              h('mark', {}, m.text),
              m.after,
              '…',
            ),
          ),
        ),
      ),
      more('mentions', mentions.length),
    );
  }
}
