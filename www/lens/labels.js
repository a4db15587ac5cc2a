// User-facing words, Arabic first with a short English gloss, in one place so
// the UI stays consistent and messages can be found by their code in tests.

export const KINDS = ['person', 'place', 'org', 'nationality'];
// Other highlights with a legend entry (and a show/hide toggle).
export const MARKS = ['time', 'quantity', 'quote'];

export const KIND_LABELS = {
  person: { ar: 'شخص', en: 'person' },
  place: { ar: 'مكان', en: 'place' },
  org: { ar: 'منظمة', en: 'organisation' },
  nationality: { ar: 'جنسية', en: 'nationality' },
  time: { ar: 'زمن', en: 'time' },
  quantity: { ar: 'كمية', en: 'quantity' },
  quote: { ar: 'اقتباس', en: 'quote' },
};

/** Error and notice texts by code: {ar, en}; `{x}` is filled from params. */
const MESSAGES = {
  empty: { ar: 'النص فارغ: لا شيء لتحليله في «{name}».', en: 'Empty text: nothing to annotate in "{name}".' },
  binary: { ar: 'الملف «{name}» ثنائي وليس نصاً، فلم يُحمَّل.', en: '"{name}" is a binary file, not text; it was not loaded.' },
  'invalid-utf8': { ar: 'الملف «{name}» ليس نصاً صالحاً بترميز UTF-8، فلم يُحمَّل.', en: '"{name}" is not valid UTF-8 text; it was not loaded.' },
  'too-large': { ar: 'الملف «{name}» أكبر من الحد المسموح ({limit}).', en: '"{name}" is larger than the {limit} limit.' },
  'total-too-large': { ar: 'مجموع النصوص أكبر من الحد المسموح ({limit}).', en: 'All texts together exceed the {limit} limit.' },
  'wrong-type': { ar: 'الملف «{name}» ليس .txt ولا .html.', en: '"{name}" is neither .txt nor .html.' },
  'read-failed': { ar: 'تعذّرت قراءة «{name}».', en: 'Could not read "{name}".' },
  'src-origin': { ar: 'لا يُحمَّل المصدر إلا من الموقع نفسه: {name}', en: 'src must be on the same origin: {name}' },
  'src-failed': { ar: 'تعذّر تحميل {name}.', en: 'Could not load {name}.' },
  'core-failed': { ar: 'تعذّر تحليل النصوص: {detail}', en: 'Annotation failed: {detail}' },
  'engine-failed': { ar: 'تعذّر تشغيل محرك التحليل: {detail}', en: 'The annotation engine failed to start: {detail}' },
  cancelled: { ar: 'أُلغي التحليل؛ بقيت المقالات السابقة كما هي.', en: 'Annotation cancelled; the previous articles are unchanged.' },
  'storage-failed': { ar: 'لم تُحفظ المقالات لإعادة التحميل (المساحة لا تكفي).', en: 'Articles not saved for reload (storage is full).' },
  'main-thread': { ar: 'يعمل التحليل على الخيط الرئيسي لأن العامل (Worker) غير متاح.', en: 'Annotating on the main thread: no Web Worker available.' },
};

export function message(code, params = {}) {
  const m = MESSAGES[code] || { ar: code, en: code };
  const fill = (s) => s.replace(/\{(\w+)\}/g, (_, k) => (k in params ? String(params[k]) : ''));
  return { code, ar: fill(m.ar), en: fill(m.en) };
}

/** Human size: 1.2 MB, 340 KB. */
export function formatSize(bytes) {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

/** Text length in Arabic words: "6.2 مليون حرف", "12 ألف حرف". */
export function formatChars(n) {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} مليون حرف`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} ألف حرف`;
  return `${n} حرف`;
}
