// <khabar-lens>: the custom element that ties the parts together — input
// (samples, paste, files, drag and drop, src), the annotation engine, the
// highlighter, the entity panel, the timeline, export and persistence.

import { h, replaceChildren, en } from './dom.js';
import { STYLES } from './styles.js';
import { Engine, CancelledError } from './engine.js';
import { KINDS, MARKS, message, formatChars } from './labels.js';
import { InputError, readFiles, readUrl, checkArticle, checkTotal, uniqueName } from './input.js';
import { ArticleStore } from './store.js';
import { renderDocument, MentionCard } from './highlighter.js';
import { SaysView, SpeakersView, speakerGroups } from './claims.js';
import { EntityPanel } from './entities.js';
import { Timeline } from './timeline.js';
import { timelineCsv, claimsCsv, resultJson, download } from './export.js';
import { SAMPLE_ARTICLES } from '../samples.js';

const FONT_FAMILY = 'Khabar Naskh';
const FONT_RANGE = 'U+0600-06FF, U+200C-200F, U+2010-2014, U+2018-201D, U+2026, U+00AB, U+00BB, U+00D7';
const PROGRESS_DELAY_MS = 150;
const FLASH_MS = 2300;
// Building the chunks of long texts after the first: at most this long per
// slice of main-thread time, so input stays responsive meanwhile.
const FILL_SLICE_MS = 8;
// A paste longer than this is kept aside instead of going into the text
// box: a browser's textarea holding megabytes makes every later frame slow.
const HELD_PASTE_CHARS = 200000;
// What the worker annotates once after it starts, to build the core's
// tables before the first real request (see engine.js).
const WARM_UP = [{ name: 'warm-up.txt', text: 'القاهرة (رويترز) - قال الرئيس المصري يوم الأحد 3 يونيو 2025 إن «الاتفاق قريب»، مضيفاً أن نحو 300 شاحنة عبرت إلى غزة.' }];
// The core's progress stages, as annotateWithProgress names them.
const STAGES = { 'articles and times': 'المقالات والأزمنة', entities: 'الكيانات', 'quantities and quotes': 'الكميات والاقتباسات', timeline: 'الخط الزمني', output: 'تجهيز النتيجة' };

let settings = null;

/**
 * Registers the element. settings: {source (see engine.js), fontUrl,
 * samplesResult() → {version, result} | null (the samples annotated at build time)}.
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
const sameArticles = (a, b) => a.length === b.length && a.every((x, i) => x.name === b[i].name && x.text === b[i].text && !x.published === !b[i].published && (x.published || '') === (b[i].published || ''));

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
    this._engine = new Engine(settings.source, { warmUp: WARM_UP });
    this._views = [];
    this._fillRun = 0;
    this._speakerGroups = [];
    this._card = new MentionCard();
    this._entities = new EntityPanel({
      onSelect: (id) => this.selectEntity(id),
      onKindToggle: (kind) => this._toggleKind(kind),
      onReveal: (doc, mention) => this._revealMention(doc, mention),
      onRevealClaim: (claim) => this._revealClaim(claim),
    });
    this._timeline = new Timeline({ onSelect: (index) => this.selectItem(index) });
    this._says = new SaysView({ onReveal: (claim) => this._revealClaim(claim) });
    this._speakers = new SpeakersView({ onReveal: (claim) => this._revealClaim(claim), onSelect: (id) => this.selectEntity(id) });
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
    let entity = id && this._result ? this._result.entities.find((e) => e.id === id) : null;
    // A nationality's mentions carry the id of the place it points at
    // (الروسي → russia): selecting it selects that place.
    if (entity && entity.kind === 'nationality' && entity.place) {
      entity = this._result.entities.find((e) => e.id === entity.place) || entity;
    }
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
    // The built-in samples come annotated with the build (the same core), so
    // they show at once instead of after the engine has loaded; the engine
    // then starts after that first paint rather than competing with it.
    const stored = this._store.load();
    const first = stored && stored.length ? stored : !this.hasAttribute('src') && this.hasAttribute('samples') ? SAMPLE_ARTICLES : null;
    let shown = false;
    if (first && sameArticles(first.map(checkArticle), SAMPLE_ARTICLES)) {
      const pre = await this._samplesResult();
      if (pre && !this._result) {
        this._commit(first.map(checkArticle), pre.result);
        shown = true;
        await new Promise((resolve) => {
          requestAnimationFrame(() => setTimeout(resolve, 0));
          setTimeout(resolve, 200); // no frames in a background tab
        });
      }
    }
    let version;
    try {
      version = await this._engine.ready();
      this._version.textContent = `v${version}`;
      this._showStatus('');
      if (this._engine.mode === 'main') this._notice(message('main-thread'));
      this._emit('khabar-ready', { version, mode: this._engine.mode });
    } catch (err) {
      this._showStatus('');
      this._error(message('engine-failed', { detail: err.message }));
      return;
    }
    if (shown) {
      // A stale precomputed result (another core version) is redone.
      const pre = await this._samplesResult();
      if (pre.version !== version && this._result && sameArticles(this._docs, SAMPLE_ARTICLES)) await this._quietly(this._annotate(SAMPLE_ARTICLES, { fresh: true }));
      return;
    }
    if (this._result) return; // something was loaded through the API meanwhile
    if (stored && stored.length) await this._quietly(this._annotate(stored));
    else if (this.hasAttribute('src')) await this._loadSrc(this.getAttribute('src'));
    else if (this.hasAttribute('samples')) await this._quietly(this._annotate(SAMPLE_ARTICLES));
    else this._render();
  }

  /** The build's annotation of the samples, {version, result}, or null. */
  _samplesResult() {
    this._samplesPromise ||= Promise.resolve()
      .then(() => (settings.samplesResult ? settings.samplesResult() : null))
      .then((pre) => (pre && pre.result && Array.isArray(pre.result.documents) ? pre : null))
      .catch(() => null);
    return this._samplesPromise;
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
    this._pasteText = h('textarea', {
      name: 'text',
      rows: '8',
      'aria-label': 'نص المقال',
      'aria-describedby': 'held-note',
      placeholder: 'الصق نص المقال هنا…',
      onpaste: (e) => this._onPasteEvent(e),
    });
    this._heldPaste = null;
    this._heldNote = h('p', { class: 'held', id: 'held-note', role: 'status', hidden: true });
    this._pasteName = h('input', { type: 'text', name: 'name', placeholder: 'مثلاً: مصدر-1.txt' });
    this._pasteDate = h('input', { type: 'date', name: 'published' });
    this._paste = h(
      'form',
      { class: 'paste', id: 'paste-box', hidden: true, 'aria-label': 'إضافة مقال', onsubmit: (e) => this._onPaste(e) },
      h('div', { class: 'row' }, h('label', {}, 'الاسم: ', this._pasteName), h('label', {}, 'تاريخ النشر (اختياري): ', this._pasteDate)),
      this._pasteText,
      this._heldNote,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'حلّل وأضِف ', en('Add')), action('إغلاق', 'close-paste')),
    );
    this._exportButtons = [
      action(['تصدير ', en('JSON')], 'export-json', { title: 'النتيجة كاملة (كما يطبعها سطر الأوامر)' }),
      action(['الخط الزمني ', en('CSV')], 'export-csv', { title: 'صف لكل حدث، مع أرقام كل مصدر وأقواله والخلافات' }),
      action(['الأرقام والأقوال ', en('CSV')], 'export-claims', { title: 'صف لكل رقم أو قول في كل مصدر' }),
    ];
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
      h('div', { class: 'main' }, this._buildSide(), this._docsEl),
      h('p', { class: 'footer' }, 'يُحلَّل كل شيء داخل المتصفح؛ لا يُرسَل أي نص إلى خادم. ', en('Everything runs in your browser.')),
      this._card.el,
      this._drop,
    );
    this._timeline.el.append(this._says.el);
    this.shadowRoot.append(h('style', {}, STYLES), this._lens);
    this._wireMentionEvents();
    this._wireDragAndDrop();
  }

  /** The side panel: tabs for the entities and for who said what. */
  _buildSide() {
    const tabs = [
      { id: 'entities', label: 'الكيانات', title: 'Entities', pane: this._entities.el },
      { id: 'speakers', label: 'من قال ماذا', title: 'Who said what', pane: this._speakers.el },
    ];
    this._tabs = tabs.map((t, i) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${t.id}`,
          class: 'tab',
          dataset: { tab: t.id },
          'aria-controls': `pane-${t.id}`,
          'aria-selected': String(i === 0),
          tabindex: i === 0 ? '0' : '-1',
          title: t.title,
          onclick: () => this._showTab(t.id),
        },
        t.label,
      ),
    );
    this._panes = tabs.map((t, i) => h('div', { role: 'tabpanel', id: `pane-${t.id}`, class: 'pane', 'aria-labelledby': `tab-${t.id}`, hidden: i !== 0, dataset: { pane: t.id } }, t.pane));
    const list = h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'اللوحة الجانبية' }, this._tabs);
    // Arrow keys move between tabs (left is "next" in a right-to-left page).
    list.addEventListener('keydown', (e) => {
      const at = this._tabs.indexOf(e.target);
      if (at < 0) return;
      const n = this._tabs.length;
      const to = { ArrowLeft: at + 1, ArrowRight: at - 1 + n, Home: 0, End: n - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const tab = this._tabs[to % n];
      this._showTab(tab.dataset.tab);
      tab.focus();
    });
    return h('aside', { class: 'panel entities side', 'aria-label': 'الكيانات والمتحدثون' }, list, this._panes);
  }

  _showTab(id) {
    for (const tab of this._tabs) {
      const on = tab.dataset.tab === id;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    for (const pane of this._panes) pane.hidden = pane.dataset.pane !== id;
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
    // A long text scrolled past what is built: build what came into view.
    let pendingFrame = 0;
    this._docsEl.addEventListener(
      'scroll',
      (e) => {
        const view = this._views.find((v) => v.el === e.target);
        if (!view || view.done || pendingFrame) return;
        pendingFrame = requestAnimationFrame(() => {
          pendingFrame = 0;
          view.fillVisible();
        });
      },
      { capture: true, passive: true },
    );
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
      case 'export-claims':
        if (this._result) download(this._lens, 'khabar-claims.csv', claimsCsv(this._result), 'text/csv;charset=utf-8');
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

  /** A very long paste is held aside (see HELD_PASTE_CHARS), with a note saying so. */
  _onPasteEvent(e) {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (text.length < HELD_PASTE_CHARS) return;
    e.preventDefault();
    this._pasteText.value = '';
    this._holdPaste(text);
  }

  _holdPaste(text) {
    if (text === this._heldPaste) return;
    this._heldPaste = text;
    this._heldNote.hidden = text === null;
    replaceChildren(
      this._heldNote,
      text === null
        ? null
        : [
            `لُصق نص طويل (${formatChars(text.length)}) ولم يُعرض هنا كي تبقى الصفحة سريعة؛ اضغط «حلّل وأضِف». `,
            h('button', { type: 'button', class: 'link', onclick: () => this._holdPaste(null) }, 'تجاهله'),
            ' ',
            en(`A long text (${text.length.toLocaleString('en-US')} characters) is ready to add.`),
          ],
    );
  }

  async _onPaste(e) {
    e.preventDefault();
    // A long text typed or set into the box is held aside too while it is annotated.
    if (this._pasteText.value.length >= HELD_PASTE_CHARS) {
      this._holdPaste(this._pasteText.value);
      this._pasteText.value = '';
    }
    // What is typed in the box comes first; a held paste waits for the next press.
    const typed = !!this._pasteText.value;
    const text = this._pasteText.value || this._heldPaste || '';
    const article = { name: this._pasteName.value.trim() || `مقال ${this._docs.length + 1}.txt`, text };
    if (this._pasteDate.value) article.published = this._pasteDate.value;
    this._clearMessages();
    const result = await this._quietly(this.addArticles([article]));
    if (result) {
      this._pasteText.value = '';
      if (!typed) this._holdPaste(null);
      this._pasteName.value = '';
      this._pasteDate.value = '';
      if (this._heldPaste === null) this._onAction('close-paste');
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
  async _annotate(list, { fresh = false } = {}) {
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
    if (!fresh && sameArticles(docs, SAMPLE_ARTICLES)) {
      const pre = await this._samplesResult();
      if (pre && (!this._engine.version || pre.version === this._engine.version)) {
        this._engine.cancel();
        if (run === this._runId) this._commit(docs, pre.result);
        return pre.result;
      }
    }
    const onProgress = this._startProgress(docs);
    try {
      const result = await this._engine.annotate(docs, onProgress);
      // Parsing a big result took a moment: let the page breathe before rendering it.
      await new Promise((resolve) => setTimeout(resolve, 0));
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
      this._fillRun++;
      this._views = [];
      this._speakerGroups = [];
      this._quotesBySpeaker = null;
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
      onFill: (chunk) => this._markChunk(chunk),
    };
    this._views = result.documents.map((doc, index) => renderDocument({ doc, input: this._docs[index] || { name: doc.file, text: '' }, index, evidence: evidence[index], names, hooks }));
    this._speakerGroups = speakerGroups(result);
    this._quotesBySpeaker = null;
    replaceChildren(this._docsEl, this._views.map((v) => v.articleEl));
    // The first chunk of every text now, the rest of long texts in slices.
    for (const v of this._views) v.fill(0);
    this._applySelection();
    this._fillLater();
  }

  /**
   * Builds the remaining chunks of long texts a few milliseconds at a time.
   * It starts after two frames: by then the browser knows which chunks are
   * off-screen and skips laying them out (content-visibility: auto); chunks
   * filled before that would all be laid out at once.
   */
  _fillLater() {
    const views = this._views;
    const run = ++this._fillRun;
    if (!views.some((v) => !v.done)) return;
    const channel = new MessageChannel();
    const next = () => channel.port2.postMessage(null);
    let cursor = 0;
    channel.port1.onmessage = () => {
      if (run !== this._fillRun) return channel.port1.close();
      const until = performance.now() + FILL_SLICE_MS;
      for (; cursor < views.length; cursor++) {
        const v = views[cursor];
        for (let i = 0; i < v.chunks.length && !v.done; i++) {
          if (v.filled[i]) continue;
          v.fill(i);
          if (performance.now() > until) return next();
        }
      }
      channel.port1.close();
    };
    requestAnimationFrame(() => requestAnimationFrame(next));
  }

  /** Marks the current selection in a chunk built after it was made. */
  _markChunk(chunk) {
    const { entity, item } = this._selection;
    if (entity) {
      for (const el of chunk.querySelectorAll(`.m[data-entity="${CSS.escape(entity)}"]`)) el.classList.add('selected');
      for (const el of chunk.querySelectorAll(`.quote[data-speaker="${CSS.escape(entity)}"], .cue[data-speaker="${CSS.escape(entity)}"]`)) el.classList.add('said');
    }
    if (item !== null) for (const el of chunk.querySelectorAll(`.ev[data-ev^="${item}:"]`)) el.classList.add('ev-active');
  }

  _kindCounts() {
    const counts = {};
    for (const doc of this._result ? this._result.documents : []) {
      for (const m of doc.mentions) counts[m.kind] = (counts[m.kind] || 0) + 1;
      counts.time = (counts.time || 0) + doc.times.length;
      counts.quantity = (counts.quantity || 0) + (doc.quantities || []).length;
      counts.quote = (counts.quote || 0) + (doc.quotes || []).length;
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

  /** Quotes attributed to `id` across sources: [{file, q}] (nested repeats dropped). */
  _quotesOf(id) {
    if (!this._quotesBySpeaker) this._quotesBySpeaker = new Map(this._speakerGroups.filter((g) => g.speaker).map((g) => [g.speaker, g.quotes]));
    return this._quotesBySpeaker.get(id) || [];
  }

  /** Entity and timeline selections filter each other; marks follow both. */
  _applySelection() {
    const { entity, item } = this._selection;
    const result = this._result;
    const items = result ? result.timeline : [];
    const selectedItem = item === null ? null : items[item];
    const names = this._names();

    for (const kind of [...KINDS, ...MARKS]) this._docsEl.classList.toggle(`hide-${kind}`, this._hiddenKinds.has(kind));
    this._docsEl.classList.toggle('has-selection', !!entity);
    for (const el of this._docsEl.querySelectorAll('.m.selected')) el.classList.remove('selected');
    for (const el of this._docsEl.querySelectorAll('.said')) el.classList.remove('said');
    if (entity) {
      const id = CSS.escape(entity);
      for (const el of this._docsEl.querySelectorAll(`.m[data-entity="${id}"]`)) el.classList.add('selected');
      for (const el of this._docsEl.querySelectorAll(`.quote[data-speaker="${id}"], .cue[data-speaker="${id}"]`)) el.classList.add('said');
    }
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
      quotesOf: (id) => this._quotesOf(id),
      names,
      kindCounts: this._kindCounts(),
    });
    this._says.update({ item: selectedItem, names });
    const kinds = {};
    for (const e of result ? result.entities : []) kinds[e.id] = e.kind;
    this._speakers.update({ groups: this._speakerGroups, names, kinds, selected: entity });
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
    const view = this._views[docIndex];
    const mention = view && view.doc.mentions[mentionIndex];
    if (!mention) return;
    view.ensure(mention.start);
    const el = view.el.querySelector(`.m[data-mention="${mentionIndex}"]`);
    if (!el) return;
    reveal([el]);
    el.focus({ preventScroll: true });
  }

  /** Scrolls each source to the item's evidence and flashes it. */
  _revealEvidence(index) {
    const item = this._result.timeline[index];
    const docOf = new Map(this._views.map((v) => [v.doc.file, v]));
    const firsts = [];
    (item.evidence || []).forEach((ev, j) => {
      const view = docOf.get(ev.file);
      if (!view) return;
      view.ensure(ev.start);
      const pieces = [...view.el.querySelectorAll(`.ev[data-ev="${evidenceId(index, j)}"]`)];
      if (pieces.length) firsts.push(pieces);
    });
    reveal(firsts.map((pieces) => pieces[0]), firsts.flat());
  }

  /**
   * Scrolls to a quantity or quote ({file, type, start, end}, or {file,
   * type, text, value} for a figure known only by its text) and flashes it.
   */
  _revealClaim(claim) {
    const view = this._views.find((v) => v.doc.file === claim.file);
    if (!view) return;
    let { start, end } = claim;
    if (start === undefined) {
      const q = (view.doc.quantities || []).find((x) => x.text === claim.text && (claim.value === undefined || x.value === claim.value));
      if (!q) return;
      ({ start, end } = q);
    }
    view.ensure(start);
    const selector = claim.type === 'quote' ? '.quote' : '.qty';
    const pieces = [...view.el.querySelectorAll(`${selector}[data-at="${start}:${end}"]`)];
    if (!pieces.length) return;
    reveal([pieces[0]], pieces);
    // Move keyboard focus there too, so reading continues from the claim.
    pieces[0].tabIndex = -1;
    pieces[0].focus({ preventScroll: true });
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
  // 'nearest' keeps as much as possible of what the user was looking at (the
  // timeline and what each source says) on screen.
  if (elements[0]) elements[0].scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  // Chunks of long texts laid out only when they come into view can shift
  // the target a little: correct once more after the first frame.
  requestAnimationFrame(() => {
    for (const el of elements) {
      const box = el.closest('.text');
      if (!box || !box.classList.contains('chunked')) continue;
      const r = el.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (r.top < b.top || r.bottom > b.bottom) box.scrollTop += r.top - b.top - box.clientHeight / 3;
    }
  });
  for (const el of flash) {
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), FLASH_MS);
  }
}
