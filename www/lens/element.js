// <khabar-lens>: the custom element that ties the parts together — input
// (samples, paste, files, drag and drop, src), the annotation engine, the
// highlighter, the entity panel, the timeline, export and persistence.

import { h, replaceChildren, en } from './dom.js';
import { STYLES } from './styles.js';
import { Engine, CancelledError } from './engine.js';
import { KINDS, message, formatChars } from './labels.js';
import { InputError, readFiles, readUrl, checkArticle, checkTotal, uniqueName } from './input.js';
import { ArticleStore } from './store.js';
import { renderDocument, MentionCard } from './highlighter.js';
import { EntityPanel } from './entities.js';
import { Timeline } from './timeline.js';
import { timelineCsv, resultJson, download } from './export.js';
import { SAMPLE_ARTICLES } from '../samples.js';

const FONT_FAMILY = 'Khabar Naskh';
const FONT_RANGE = 'U+0600-06FF, U+200C-200F, U+2010-2014, U+2018-201D, U+2026, U+00AB, U+00BB, U+00D7';
const PROGRESS_DELAY_MS = 150;
const FLASH_MS = 2300;
// The core's progress stages, as annotateWithProgress names them.
const STAGES = { 'articles and times': 'المقالات والأزمنة', entities: 'الكيانات', 'quantities and quotes': 'الكميات والاقتباسات', timeline: 'الخط الزمني', output: 'تجهيز النتيجة' };

let settings = null;

/**
 * Registers the element. settings: {source (see engine.js), fontUrl}.
 * Called by the entry script (khabar-lens.js, or the single-file build).
 */
export function defineKhabarLens(options) {
  if (customElements.get('khabar-lens')) return;
  settings = options;
  loadFont(options.fontUrl);
  customElements.define('khabar-lens', KhabarLens);
}

// @font-face inside a shadow root is ignored by browsers, so the font is
// registered on the document through the FontFace API (no host CSS touched).
function loadFont(url) {
  if (!url || typeof FontFace !== 'function' || !document.fonts) return;
  const face = new FontFace(FONT_FAMILY, `url("${url}") format("woff2")`, { unicodeRange: FONT_RANGE, display: 'swap' });
  document.fonts.add(face);
  face.load().catch(() => {}); // system Arabic fonts remain the fallback
}

const evidenceId = (item, j) => `${item}:${j}`;
const involves = (item, entity) => item.place === entity || (item.participants || []).includes(entity);

class KhabarLens extends HTMLElement {
  static get observedAttributes() {
    return ['src'];
  }

  constructor() {
    super();
    this._docs = [];
    this._result = null;
    this._selection = { entity: null, item: null };
    this._hiddenKinds = new Set();
    this._runId = 0;
    this._started = false;
    this._engine = new Engine(settings.source);
    this._card = new MentionCard();
    this._entities = new EntityPanel({
      onSelect: (id) => this.selectEntity(id),
      onKindToggle: (kind) => this._toggleKind(kind),
      onReveal: (doc, mention) => this._revealMention(doc, mention),
    });
    this._timeline = new Timeline({ onSelect: (index) => this.selectItem(index) });
    this.attachShadow({ mode: 'open' });
    this._build();
  }

  // ---- public API -------------------------------------------------------

  /** The last annotation result (the core's object), or null. */
  get result() {
    return this._result;
  }

  /** Where the core runs: 'worker', 'main' (no Worker available) or null before it loads. */
  get engineMode() {
    return this._engine.mode;
  }

  /** Copies of the loaded articles [{name, text, published?}]. */
  get articles() {
    return this._docs.map((d) => ({ ...d }));
  }

  /** Replaces the articles and annotates them. Resolves with the result. */
  setArticles(list) {
    if (!Array.isArray(list) || list.length === 0) {
      this.clear();
      return Promise.resolve(null);
    }
    return this._annotate(list);
  }

  /** Adds articles to those loaded (names made unique) and re-annotates. */
  addArticles(list) {
    return this._annotate([...this._docs, ...(Array.isArray(list) ? list : [list])]);
  }

  /** Removes every article and the saved copy. */
  clear() {
    this._runId++;
    this._engine.cancel();
    this._stopProgress();
    this._docs = [];
    this._result = null;
    this._selection = { entity: null, item: null };
    this._store.clear();
    this._clearMessages();
    this._render();
  }

  /** Shows a result computed elsewhere (e.g. saved from the CLI) for `articles`. */
  showAnnotation(articles, result) {
    this._runId++;
    this._commit(articles.map(checkArticle), result);
  }

  selectEntity(id) {
    const entity = id && this._result ? this._result.entities.find((e) => e.id === id) : null;
    this._selection.entity = entity ? entity.id : null;
    // A selected event that does not involve the new entity is filtered out.
    const item = this._selection.item === null ? null : this._result.timeline[this._selection.item];
    if (item && entity && !involves(item, entity.id)) this._selection.item = null;
    this._applySelection();
    this._emit('khabar-entity-select', this._selection.entity);
  }

  selectItem(index) {
    const items = this._result ? this._result.timeline : [];
    this._selection.item = Number.isInteger(index) && items[index] ? index : null;
    this._applySelection();
    const item = this._selection.item === null ? null : items[this._selection.item];
    this._emit('khabar-item-select', item ? { ...item, index: this._selection.item } : null);
    if (item) this._revealEvidence(this._selection.item);
  }

  // ---- lifecycle --------------------------------------------------------

  // Created on first use, once the storage-key attribute can be read.
  get _store() {
    this._storeInstance ||= new ArticleStore(this.getAttribute('storage-key') || 'khabar-lens/articles');
    return this._storeInstance;
  }

  connectedCallback() {
    if (this._started) return;
    this._started = true;
    this._start();
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'src' && this._started && value && value !== old) this._loadSrc(value);
  }

  async _start() {
    this._showStatus('جارٍ تحميل محرك التحليل…');
    try {
      const version = await this._engine.ready();
      this._version.textContent = `v${version}`;
      this._showStatus('');
      if (this._engine.mode === 'main') this._notice(message('main-thread'));
      this._emit('khabar-ready', { version, mode: this._engine.mode });
    } catch (err) {
      this._showStatus('');
      this._error(message('engine-failed', { detail: err.message }));
      return;
    }
    const stored = this._store.load();
    if (stored && stored.length) await this._quietly(this._annotate(stored));
    else if (this.hasAttribute('src')) await this._loadSrc(this.getAttribute('src'));
    else if (this.hasAttribute('samples')) await this._quietly(this._annotate(SAMPLE_ARTICLES));
    else this._render();
  }

  // ---- building the shadow DOM -----------------------------------------

  _build() {
    const action = (label, name, extra = {}) => h('button', { type: 'button', dataset: { action: name }, onclick: () => this._onAction(name), ...extra }, label);
    this._version = h('span', { class: 'muted version', lang: 'en', dir: 'ltr' });
    this._fileInput = h('input', {
      type: 'file',
      multiple: true,
      accept: '.txt,.html,.htm,text/plain,text/html',
      hidden: true,
      onchange: () => {
        const files = [...this._fileInput.files];
        this._fileInput.value = '';
        this._addFiles(files);
      },
    });
    this._pasteText = h('textarea', { name: 'text', rows: '8', 'aria-label': 'نص المقال', placeholder: 'الصق نص المقال هنا…' });
    this._pasteName = h('input', { type: 'text', name: 'name', placeholder: 'مثلاً: مصدر-1.txt' });
    this._pasteDate = h('input', { type: 'date', name: 'published' });
    this._paste = h(
      'form',
      { class: 'paste', id: 'paste-box', hidden: true, 'aria-label': 'إضافة مقال', onsubmit: (e) => this._onPaste(e) },
      h('div', { class: 'row' }, h('label', {}, 'الاسم: ', this._pasteName), h('label', {}, 'تاريخ النشر (اختياري): ', this._pasteDate)),
      this._pasteText,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'حلّل وأضِف ', en('Add')), action('إغلاق', 'close-paste')),
    );
    this._exportButtons = [action(['تصدير ', en('JSON')], 'export-json'), action(['الخط الزمني ', en('CSV')], 'export-csv')];
    this._pasteToggle = action(['+ إضافة مقال ', en('paste')], 'paste', { 'aria-expanded': 'false', 'aria-controls': 'paste-box' });

    this._status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this._errors = h('div', { class: 'errors', role: 'alert' });
    this._progressText = h('span', {});
    this._cancelButton = action('إلغاء ', 'cancel');
    this._progressBar = h('progress', { 'aria-label': 'جارٍ التحليل' });
    this._progress = h('div', { class: 'progress', hidden: true }, this._progressBar, this._progressText, this._cancelButton);
    this._docsEl = h('section', { class: 'docs', 'aria-label': 'المقالات' });
    this._drop = h('div', { class: 'drop', hidden: true }, 'أفلِت ملفات ', h('bdi', {}, '.txt'), ' أو ', h('bdi', {}, '.html'), ' هنا');

    this._lens = h(
      'div',
      { class: 'lens', dir: 'rtl', lang: 'ar' },
      h(
        'header',
        { class: 'bar' },
        h('div', { class: 'brand' }, h('strong', {}, 'خبر'), en('Khabar lens'), this._version),
        h(
          'div',
          { class: 'actions', role: 'group', 'aria-label': 'أدوات' },
          action(['أمثلة ', en('samples')], 'samples'),
          this._pasteToggle,
          action(['فتح ملفات… ', en('open')], 'open'),
          this._fileInput,
          this._exportButtons,
          action(['مسح الكل ', en('clear')], 'clear'),
        ),
      ),
      this._paste,
      h('div', { class: 'messages' }, this._status, this._errors),
      this._progress,
      this._timeline.el,
      h('div', { class: 'main' }, this._entities.el, this._docsEl),
      h('p', { class: 'footer' }, 'يُحلَّل كل شيء داخل المتصفح؛ لا يُرسَل أي نص إلى خادم. ', en('Everything runs in your browser.')),
      this._card.el,
      this._drop,
    );
    this.shadowRoot.append(h('style', {}, STYLES), this._lens);
    this._wireMentionEvents();
    this._wireDragAndDrop();
  }

  _wireMentionEvents() {
    const mentionOf = (e) => (e.target instanceof Element ? e.target.closest('.m') : null);
    const showCard = (el) => {
      const entity = this._entityById(el.dataset.entity);
      this._card.show(el, entity, el.textContent, el.dataset.kind);
    };
    this._docsEl.addEventListener('pointerover', (e) => {
      const m = mentionOf(e);
      if (m) showCard(m);
    });
    this._docsEl.addEventListener('pointerout', (e) => {
      const m = mentionOf(e);
      if (m && !(e.relatedTarget instanceof Node && m.contains(e.relatedTarget))) this._card.hide();
    });
    this._docsEl.addEventListener('focusin', (e) => {
      const m = mentionOf(e);
      if (m) showCard(m);
    });
    this._docsEl.addEventListener('focusout', () => this._card.hide());
    this._docsEl.addEventListener('click', (e) => {
      const m = mentionOf(e);
      if (m) this.selectEntity(m.dataset.entity === this._selection.entity ? null : m.dataset.entity);
    });
    this._docsEl.addEventListener('keydown', (e) => {
      const m = mentionOf(e);
      if (e.key === 'Escape') this._card.hide();
      else if (m && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.selectEntity(m.dataset.entity === this._selection.entity ? null : m.dataset.entity);
      }
    });
    // Scrolling moves the mention: keep the card next to it.
    const follow = () => this._card.follow();
    this._docsEl.addEventListener('scroll', follow, { capture: true, passive: true });
    window.addEventListener('scroll', follow, { passive: true });
  }

  _wireDragAndDrop() {
    const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    let depth = 0;
    this.addEventListener('dragenter', (e) => {
      if (!hasFiles(e)) return;
      depth++;
      this._drop.hidden = false;
    });
    this.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (!depth) this._drop.hidden = true;
    });
    this.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    });
    this.addEventListener('drop', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      this._drop.hidden = true;
      this._addFiles([...e.dataTransfer.files]);
    });
  }

  // ---- input ----------------------------------------------------------

  _onAction(name) {
    switch (name) {
      case 'samples': {
        const loaded = new Set(this._docs.map((d) => d.name));
        const missing = SAMPLE_ARTICLES.filter((s) => !loaded.has(s.name));
        this._clearMessages();
        if (missing.length) this._quietly(this.addArticles(missing));
        break;
      }
      case 'paste':
      case 'close-paste': {
        const open = name === 'paste' ? this._paste.hidden : false;
        this._paste.hidden = !open;
        this._pasteToggle.setAttribute('aria-expanded', String(open));
        if (open) this._pasteText.focus();
        break;
      }
      case 'open':
        this._fileInput.click();
        break;
      case 'export-json':
        if (this._result) download(this._lens, 'khabar.json', resultJson(this._result), 'application/json');
        break;
      case 'export-csv':
        if (this._result) download(this._lens, 'khabar-timeline.csv', timelineCsv(this._result), 'text/csv;charset=utf-8');
        break;
      case 'clear':
        this.clear();
        this._notice({ code: 'cleared', ar: 'أُزيلت كل المقالات والنسخة المحفوظة.', en: 'All articles and the saved copy were removed.' });
        break;
      case 'cancel':
        this._engine.cancel();
        break;
    }
  }

  async _onPaste(e) {
    e.preventDefault();
    const article = { name: this._pasteName.value.trim() || `مقال ${this._docs.length + 1}.txt`, text: this._pasteText.value };
    if (this._pasteDate.value) article.published = this._pasteDate.value;
    this._clearMessages();
    const result = await this._quietly(this.addArticles([article]));
    if (result) {
      this._pasteText.value = '';
      this._pasteName.value = '';
      this._pasteDate.value = '';
      this._onAction('close-paste');
    }
  }

  async _addFiles(files) {
    if (!files.length) return;
    const { articles, errors } = await readFiles(files);
    this._clearMessages();
    for (const info of errors) this._error(info);
    if (articles.length) await this._quietly(this.addArticles(articles));
  }

  async _loadSrc(src) {
    this._clearMessages();
    try {
      const article = await readUrl(src);
      await this._quietly(this.addArticles([article]));
    } catch (err) {
      this._fail(err);
    }
  }

  // ---- annotation -------------------------------------------------------

  /** Validates, annotates and shows `list`. Rejects (after showing why) on failure. */
  async _annotate(list) {
    let docs;
    try {
      const names = [];
      docs = list.map((a) => {
        const doc = checkArticle(a);
        doc.name = uniqueName(doc.name, names);
        names.push(doc.name);
        return doc;
      });
      checkTotal(docs);
    } catch (err) {
      this._fail(err);
      throw err;
    }
    const run = ++this._runId;
    const onProgress = this._startProgress(docs);
    try {
      const result = await this._engine.annotate(docs, onProgress);
      if (run === this._runId) this._commit(docs, result);
      return result;
    } catch (err) {
      if (run === this._runId) {
        if (err instanceof CancelledError) this._notice(message('cancelled'));
        else this._fail(err);
      }
      throw err;
    } finally {
      if (run === this._runId) this._stopProgress();
    }
  }

  /** For UI-initiated runs: failures are already shown, resolve with null. */
  async _quietly(promise) {
    try {
      return await promise;
    } catch {
      return null;
    }
  }

  _commit(docs, result) {
    this._docs = docs;
    this._result = result;
    const entityIds = new Set(result.entities.map((e) => e.id));
    if (!entityIds.has(this._selection.entity)) this._selection.entity = null;
    this._selection.item = null;
    if (!this._store.save(docs)) this._notice(message('storage-failed'));
    this._render();
    this._emit('khabar-annotated', result);
  }

  /** Shows progress (after a short delay, so quick runs do not flicker); returns the step callback. */
  _startProgress(docs) {
    const chars = docs.reduce((n, d) => n + d.text.length, 0);
    const started = performance.now();
    let step = null;
    this.setAttribute('busy', '');
    this._cancelButton.hidden = !this._engine.canCancel;
    this._progressBar.removeAttribute('value');
    clearInterval(this._progressTimer);
    clearTimeout(this._progressDelay);
    const tick = () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      replaceChildren(
        this._progressText,
        `جارٍ تحليل ${docs.length} مقال (${formatChars(chars)})`,
        step ? [' — ', STAGES[step.stage] || step.stage, ' ', h('bdi', { dir: 'ltr' }, `${step.done}/${step.total}`)] : null,
        `… ${seconds} ث`,
      );
    };
    this._progressDelay = setTimeout(() => {
      tick();
      this._progress.hidden = false;
      this._progressTimer = setInterval(tick, 250);
    }, PROGRESS_DELAY_MS);
    return (p) => {
      step = p;
      this._progressBar.max = p.total;
      this._progressBar.value = p.done;
    };
  }

  _stopProgress() {
    clearTimeout(this._progressDelay);
    clearInterval(this._progressTimer);
    this._progress.hidden = true;
    this.removeAttribute('busy');
  }

  // ---- messages ----------------------------------------------------------

  _showStatus(text) {
    this._status.textContent = text;
  }

  _message(info, kind) {
    const line = h(
      'p',
      { class: `msg ${kind}`, dataset: { code: info.code } },
      h('span', {}, info.ar),
      h('button', { type: 'button', class: 'icon', 'aria-label': 'إغلاق الرسالة', onclick: () => line.remove() }, '×'),
      en(info.en),
    );
    (kind === 'error' ? this._errors : this._status).append(line);
  }

  _error(info) {
    this._message(info, 'error');
    this._emit('khabar-error', info);
  }

  _notice(info) {
    this._message(info, 'notice');
  }

  _fail(err) {
    const info = err instanceof InputError ? err.info : message('core-failed', { detail: err && err.message ? err.message : String(err) });
    this._error(info);
  }

  _clearMessages() {
    this._errors.replaceChildren();
    this._status.replaceChildren();
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering ---------------------------------------------------------

  _entityById(id) {
    return this._result ? this._result.entities.find((e) => e.id === id) || null : null;
  }

  _names() {
    const names = {};
    for (const e of this._result ? this._result.entities : []) names[e.id] = e.name;
    return names;
  }

  _render() {
    this._card.hide();
    const result = this._result;
    for (const b of this._exportButtons) b.disabled = !result;
    if (!result) {
      replaceChildren(this._docsEl, h('div', { class: 'empty-state' }, 'لا مقالات بعد: اختر «أمثلة»، أو الصق نصاً، أو اسحب ملفات ', h('bdi', {}, '.txt / .html'), ' إلى هنا. ', en('No articles yet: load the samples, paste a text or drop files here.')));
      this._applySelection();
      return;
    }
    const names = this._names();
    const fileIndex = new Map(result.documents.map((d, i) => [d.file, i]));
    const evidence = result.documents.map(() => []);
    result.timeline.forEach((item, i) =>
      (item.evidence || []).forEach((ev, j) => {
        const doc = fileIndex.get(ev.file);
        if (doc !== undefined) evidence[doc].push({ start: ev.start, end: ev.end, id: evidenceId(i, j) });
      }),
    );
    const hooks = {
      onDateChange: (index, value) => this._setPublished(index, value),
      onRemove: (index) => this._removeDoc(index),
    };
    replaceChildren(
      this._docsEl,
      result.documents.map((doc, index) => renderDocument({ doc, input: this._docs[index] || { name: doc.file, text: '' }, index, evidence: evidence[index], names, hooks })),
    );
    this._applySelection();
  }

  _kindCounts() {
    const counts = {};
    for (const doc of this._result ? this._result.documents : []) {
      for (const m of doc.mentions) counts[m.kind] = (counts[m.kind] || 0) + 1;
      counts.time = (counts.time || 0) + doc.times.length;
      counts.quantity = (counts.quantity || 0) + doc.quantities.length;
    }
    return counts;
  }

  /** Mentions of one entity with a little context, for the side panel. */
  _mentionsOf(id) {
    const out = [];
    (this._result ? this._result.documents : []).forEach((doc, docIndex) => {
      const text = (this._docs[docIndex] || {}).text || '';
      doc.mentions.forEach((m, mentionIndex) => {
        if (m.entity !== id) return;
        out.push({
          file: doc.file,
          docIndex,
          mentionIndex,
          text: text.slice(m.start, m.end),
          before: text.slice(Math.max(0, m.start - 30), m.start).replace(/\s+/g, ' '),
          after: text.slice(m.end, m.end + 30).replace(/\s+/g, ' '),
        });
      });
    });
    return out;
  }

  /** Entity and timeline selections filter each other; marks follow both. */
  _applySelection() {
    const { entity, item } = this._selection;
    const result = this._result;
    const items = result ? result.timeline : [];
    const selectedItem = item === null ? null : items[item];
    const names = this._names();

    for (const kind of KINDS) this._docsEl.classList.toggle(`hide-${kind}`, this._hiddenKinds.has(kind));
    this._docsEl.classList.toggle('has-selection', !!entity);
    for (const el of this._docsEl.querySelectorAll('.m.selected')) el.classList.remove('selected');
    if (entity) for (const el of this._docsEl.querySelectorAll(`.m[data-entity="${CSS.escape(entity)}"]`)) el.classList.add('selected');
    for (const el of this._docsEl.querySelectorAll('.ev-active')) el.classList.remove('ev-active');
    if (selectedItem) for (const el of this._docsEl.querySelectorAll(`.ev[data-ev^="${item}:"]`)) el.classList.add('ev-active');

    const itemEntities = selectedItem ? new Set([...(selectedItem.participants || []), selectedItem.place].filter(Boolean)) : null;
    this._entities.update({
      entities: result ? result.entities : [],
      hiddenKinds: this._hiddenKinds,
      selected: entity,
      restrictTo: itemEntities,
      restrictLabel: selectedItem ? `كيانات الحدث: ${selectedItem.what}` : null,
      onClearRestrict: () => this.selectItem(null),
      mentionsOf: (id) => this._mentionsOf(id),
      kindCounts: this._kindCounts(),
    });
    this._timeline.update({
      items,
      names,
      selected: item,
      visible: entity ? (it) => involves(it, entity) : () => true,
      filterLabel: entity ? `مصفّى حسب: ${names[entity] || entity}` : null,
      onClearFilter: () => this.selectEntity(null),
    });
  }

  _toggleKind(kind) {
    if (this._hiddenKinds.has(kind)) this._hiddenKinds.delete(kind);
    else this._hiddenKinds.add(kind);
    const selected = this._entityById(this._selection.entity);
    if (selected && this._hiddenKinds.has(selected.kind)) this._selection.entity = null;
    this._applySelection();
  }

  _setPublished(index, value) {
    const docs = this._docs.map((d, i) => {
      if (i !== index) return d;
      const copy = { name: d.name, text: d.text };
      if (value) copy.published = value;
      return copy;
    });
    this._clearMessages();
    this._quietly(this._annotate(docs));
  }

  _removeDoc(index) {
    const docs = this._docs.filter((_, i) => i !== index);
    this._clearMessages();
    if (docs.length) this._quietly(this._annotate(docs));
    else this.clear();
  }

  // ---- scrolling to things ---------------------------------------------

  _revealMention(docIndex, mentionIndex) {
    const el = this._docsEl.querySelector(`.doc[data-index="${docIndex}"] .m[data-mention="${mentionIndex}"]`);
    if (!el) return;
    reveal([el]);
    el.focus({ preventScroll: true });
  }

  /** Scrolls each source to the item's evidence and flashes it. */
  _revealEvidence(index) {
    const item = this._result.timeline[index];
    const firsts = [];
    (item.evidence || []).forEach((_, j) => {
      const pieces = [...this._docsEl.querySelectorAll(`.ev[data-ev="${evidenceId(index, j)}"]`)];
      if (pieces.length) firsts.push(pieces);
    });
    reveal(firsts.map((pieces) => pieces[0]), firsts.flat());
  }
}

/** Scrolls every element into view inside its text box, the page to the first; flashes `flash`. */
function reveal(elements, flash = elements) {
  for (const el of elements) {
    const box = el.closest('.text');
    if (!box) continue;
    const offset = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += offset - box.clientHeight / 3;
  }
  if (elements[0]) elements[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const el of flash) {
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), FLASH_MS);
  }
}
