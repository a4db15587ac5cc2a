// A hand-made annotation of the built-in samples, in the core's output
// shape, found by plain string search. The UI tests render it with
// el.showAnnotation() so the highlighter, entity card and timeline are tested
// strictly whatever the core finds on a given day.

import { SAMPLE_ARTICLES } from '../../www/samples.js';

const ENTITIES = [
  { id: 'p-trump', kind: 'person', name: 'دونالد ترامب', name_en: 'Donald Trump', forms: ['دونالد ترامب', 'دونالد ترمب', 'ترامب', 'ترمب'] },
  { id: 'p-zelensky', kind: 'person', name: 'فولوديمير زيلينسكي', name_en: 'Volodymyr Zelensky', forms: ['فولوديمير زيلينسكي', 'فولوديمير زيلنسكي', 'زيلينسكي', 'زيلنسكي'] },
  { id: 'p-medinsky', kind: 'person', name: 'فلاديمير ميدينسكي', name_en: 'Vladimir Medinsky', forms: ['فلاديمير ميدينسكي', 'ميدينسكي'] },
  { id: 'p-umerov', kind: 'person', name: 'رستم عمروف', name_en: 'Rustem Umerov', forms: ['رستم عمروف', 'عمروف'] },
  { id: 'p-ansari', kind: 'person', name: 'ماجد الأنصاري', name_en: 'Majed Al-Ansari', forms: ['ماجد الأنصاري', 'الأنصاري'] },
  { id: 'p-althani', kind: 'person', name: 'محمد بن عبد الرحمن آل ثاني', name_en: 'Mohammed bin Abdulrahman Al Thani', forms: ['محمد بن عبد الرحمن آل ثاني'] },
  { id: 'pl-doha', kind: 'place', name: 'الدوحة', name_en: 'Doha', forms: ['الدوحة'] },
  { id: 'pl-istanbul', kind: 'place', name: 'إسطنبول', name_en: 'Istanbul', forms: ['إسطنبول'] },
  { id: 'pl-zaporizhzhia', kind: 'place', name: 'زابوريجيا', name_en: 'Zaporizhzhia', forms: ['زابوريجيا'] },
  { id: 'pl-belarus', kind: 'place', name: 'بيلاروسيا', name_en: 'Belarus', forms: ['بيلاروسيا'] },
  { id: 'o-icrc', kind: 'org', name: 'اللجنة الدولية للصليب الأحمر', name_en: 'ICRC', forms: ['اللجنة الدولية للصليب الأحمر', 'الصليب الأحمر'] },
  { id: 'o-kremlin', kind: 'org', name: 'الكرملين', name_en: 'Kremlin', forms: ['الكرملين'] },
  { id: 'n-russian', kind: 'nationality', name: 'روسي', name_en: 'Russian', forms: ['الروسي', 'الروسية', 'روسي'] },
  { id: 'n-ukrainian', kind: 'nationality', name: 'أوكراني', name_en: 'Ukrainian', forms: ['الأوكراني', 'الأوكرانية', 'أوكراني'] },
];

const TIMES = [
  ['16 مايو (أيار) 2025', '2025-05-16'],
  ['16 مايو/ أيار', '2025-05-16'],
  ['23 تموز/يوليو', '2025-07-23'],
  ['أمس الخميس', '2025-09-11'],
  ['اليوم الخميس', '2025-09-11'],
  ['11 سبتمبر/ أيلول', '2025-09-11'],
  ['3 أكتوبر/ تشرين الأول', '2025-10-03'],
  ['24 فبراير/ شباط 2022', '2022-02-24'],
];

// [phrase, value, approx, unit, exchange]
const QUANTITIES = [
  ['1,200 أسير', 1200, null, 'أسير'],
  ['1200 أسير', 1200, null, 'أسير'],
  ['ألف ومئتي أسير', 1200, null, 'أسير'],
  ['نحو ألف أسير', 1000, 'about', 'أسير'],
  ['نحو 300 أسير', 300, 'about', 'أسير'],
  ['نحو 300 شاحنة', 300, 'about', 'شاحنة'],
  ['412 طفلاً', 412, null, 'طفل'],
  ['500 أسير من كل جانب', 500, null, 'أسير', 'each'],
];

// [file, phrase, kind, speaker, cue (the last one before the quote) or null]
const QUOTES = [
  ['reuters-doha.txt', 'الوفدين الروسي والأوكراني اتفقا في ختام جولة محادثات استمرت يومين في الدوحة على تبادل 1,200 أسير من كل جانب على مراحل', 'reported', 'p-althani', 'قال'],
  ['reuters-doha.txt', 'ما تحقق اليوم خطوة إنسانية، وقطر ستواصل العمل مع الطرفين ما دام هناك استعداد للحوار', 'direct', 'p-althani', 'أضاف'],
  ['reuters-doha.txt', 'كييف سلمت الجانب الروسي قائمة بأسماء 412 طفلاً تقول إنهم نقلوا إلى روسيا', 'reported', 'p-umerov', 'قال'],
  ['reuters-doha.txt', 'بلاده "ستدرس كل حالة على حدة"', 'reported', 'p-medinsky', 'قال'],
  ['reuters-doha.txt', 'ستدرس كل حالة على حدة', 'direct', 'p-medinsky', 'قال'],
  ['reuters-doha.txt', 'يرحب "بأي خطوة تعيد الناس إلى بيوتهم"', 'reported', 'p-trump', 'قال'],
  ['reuters-doha.txt', 'بأي خطوة تعيد الناس إلى بيوتهم', 'direct', 'p-trump', 'قال'],
  ['kuna-doha.txt', 'المرحلة الأولى من التبادل ستنفذ عبر الحدود البيلاروسية الأوكرانية', 'reported', 'p-ansari', 'أفاد'],
  ['kuna-doha.txt', 'إن الحوار المباشر بين الجانبين هو الطريق الوحيد لبناء الثقة', 'direct', 'p-ansari', 'قال'],
  ['kuna-doha.txt', 'بشكل كامل وفي أسرع وقت', 'direct', null, null],
  ['aawsat-analysis.txt', 'نجح في فصل ملف الأسرى والأطفال عن الخلافات السياسية الكبرى', 'direct', null, 'يقول'],
  ['aawsat-analysis.txt', 'تشجع الطرفين على البناء على ما تحقق في إسطنبول', 'direct', 'p-trump', 'قال'],
  ['aawsat-analysis.txt', 'يعيد أسرانا وأطفالنا', 'direct', 'p-zelensky', 'قال'],
  ['anadolu-exchange.txt', '300 أسير أوكراني عادوا إلى البلاد', 'reported', 'p-zelensky', 'قال'],
  ['anadolu-exchange.txt', 'نواصل العمل لإعادة الجميع، ونشكر قطر على وساطتها', 'direct', 'p-zelensky', 'أضاف'],
  ['anadolu-exchange.txt', 'خطوة جيدة', 'direct', 'p-trump', 'وصف'],
];

// What each source says about the exchange agreement, with a made-up
// disagreement (KUNA's "about 1,000 prisoners" against Reuters' 1,200) so
// the flag is tested whatever the core finds.
const AGREEMENT = 'اتفاق على تبادل 1200 أسير';
const AGREEMENT_SAYS = {
  'reuters-doha.txt': { quantities: ['1,200 أسير@2'], quotes: ['الوفدين الروسي والأوكراني اتفقا'] },
  'kuna-doha.txt': { quantities: ['ألف ومئتي أسير', 'نحو ألف أسير'], quotes: ['المرحلة الأولى من التبادل ستنفذ'] },
  'aawsat-analysis.txt': { quantities: ['1200 أسير@2', 'نحو 300 أسير'], quotes: [] },
};
const AGREEMENT_DISAGREES = [{ unit: 'أسير', figures: [['reuters-doha.txt', '1,200 أسير@2'], ['kuna-doha.txt', 'نحو ألف أسير']] }];

// [date, what, place, participants, planned, [[file, phrase], …]]
const TIMELINE = [
  ['2022-02-24', 'بدء الحرب', null, [], false, [['anadolu-exchange.txt', '24 فبراير/ شباط 2022']]],
  ['2025-05-16', 'أول محادثات مباشرة في إسطنبول', 'pl-istanbul', [], false, [['reuters-doha.txt', '16 مايو (أيار) 2025'], ['anadolu-exchange.txt', '16 مايو/ أيار']]],
  ['2025-07-23', 'الجولة الثالثة في إسطنبول', 'pl-istanbul', [], false, [['kuna-doha.txt', '23 تموز/يوليو']]],
  ['2025-09-10/2025-09-11', 'محادثات الدوحة', 'pl-doha', ['p-medinsky', 'p-umerov'], false, [['anadolu-exchange.txt', 'يومي 10 و11 سبتمبر']]],
  ['2025-09-11', 'اتفاق على تبادل 1200 أسير', 'pl-doha', ['p-medinsky', 'p-umerov'], false, [['reuters-doha.txt', 'اتفقا في ختام جولة محادثات'], ['kuna-doha.txt', 'أسفرت عن اتفاق لتبادل'], ['aawsat-analysis.txt', 'يتبادل الطرفان 1200 أسير']]],
  // This evidence crosses the start of Trump's quote: the page must split it.
  ['2025-09-11', 'ترامب يرحب بالخطوة', null, ['p-trump'], false, [['reuters-doha.txt', 'في البيت الأبيض إنه يرحب']]],
  ['2025-09-12', 'الكويت ترحب بالاتفاق', null, [], false, [['kuna-doha.txt', 'رحبت دولة الكويت']]],
  ['2025-09-12', 'غوتيريش يرحب', null, [], false, [['kuna-doha.txt', 'ترحيب المنظمة الدولية بالاتفاق']]],
  ['2025-09-12', 'فيدان يرحب', null, [], false, [['aawsat-analysis.txt', 'ترحب بكل جهد يقرّب بين الطرفين']]],
  ['2025-09-19', 'تنفيذ المرحلة الأولى من التبادل', 'pl-belarus', ['p-zelensky'], false, [['anadolu-exchange.txt', 'المرحلة الأولى من عملية تبادل الأسرى'], ['aawsat-analysis.txt', 'المتوقع يوم الجمعة المقبل']]],
  ['2025-10-03', 'المرحلة الثانية من التبادل', null, ['p-umerov'], true, [['anadolu-exchange.txt', 'المرحلة الثانية من التبادل']]],
];

function findAll(text, phrase) {
  const out = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) out.push(i);
  return out;
}

/** {articles, result}: the samples and a plausible core result for them. */
export function sampleAnnotation() {
  // Fresh objects every call: tests may change them.
  const articles = SAMPLE_ARTICLES;
  const documents = articles.map((a) => {
    const taken = [];
    const free = (s, e) => taken.every(([ts, te]) => e <= ts || s >= te);
    const mentions = [];
    // Longest forms first so "دونالد ترامب" wins over "ترامب".
    const forms = ENTITIES.flatMap((e) => e.forms.map((f) => [f, e])).sort((x, y) => y[0].length - x[0].length);
    for (const [form, entity] of forms) {
      for (const start of findAll(a.text, form)) {
        const end = start + form.length;
        // whole words only
        if (/[\u0621-\u064A]/.test(a.text[end] || '') || /[\u0621-\u064A]/.test(a.text[start - 1] || '')) continue;
        if (!free(start, end)) continue;
        taken.push([start, end]);
        mentions.push({ start, end, text: form, kind: entity.kind, entity: entity.id });
      }
    }
    mentions.sort((x, y) => x.start - y.start);
    const times = TIMES.flatMap(([phrase, value]) => findAll(a.text, phrase).map((start) => ({ start, end: start + phrase.length, text: phrase, value })));
    const quantities = QUANTITIES.flatMap(([phrase, value, approx, unit, exchange = null]) =>
      findAll(a.text, phrase).map((start) => ({ start, end: start + phrase.length, text: phrase, value, high: null, approx, unit, entity: null, exchange })),
    ).sort((x, y) => x.start - y.start);
    const quotes = QUOTES.filter(([file]) => file === a.name).map(([, phrase, kind, speaker, cue]) => {
      const start = a.text.indexOf(phrase);
      if (start < 0) throw new Error(`fixture: quote "${phrase}" not in ${a.name}`);
      const cueAt = cue ? a.text.lastIndexOf(cue, start) : -1;
      return {
        start,
        end: start + phrase.length,
        text: phrase,
        speaker,
        cue: cueAt >= 0 ? { start: cueAt, end: cueAt + cue.length } : null,
        kind,
        attribution: speaker ? 'cue' : null,
      };
    }).sort((x, y) => x.start - y.start || y.end - x.end);
    const title = a.text.split('\n')[0];
    return {
      file: a.name,
      length: a.text.length,
      articles: [{ start: 0, end: a.text.length, title, published: a.published || null, published_from: a.published ? 'given' : null, dateline: null, captions: [], boilerplate: [] }],
      mentions,
      times,
      quantities,
      quotes,
    };
  });
  const entities = ENTITIES.map((e) => ({
    ...e,
    place: null,
    counts: documents.map((d) => ({ file: d.file, count: d.mentions.filter((m) => m.entity === e.id).length })).filter((c) => c.count),
  }));
  const byName = new Map(articles.map((a) => [a.name, a.text]));
  const docOf = new Map(documents.map((d) => [d.file, d]));
  // "1,200 أسير@2": the second quantity with that text in the file.
  const quantity = (file, key) => {
    const [text, nth = '1'] = key.split('@');
    const found = docOf.get(file).quantities.filter((q) => q.text === text)[Number(nth) - 1];
    if (!found) throw new Error(`fixture: quantity ${key} not in ${file}`);
    return found;
  };
  const quote = (file, prefix) => docOf.get(file).quotes.find((q) => q.text.startsWith(prefix));
  // Elsewhere a source "says" the quantities and quotes of the paragraph
  // holding its evidence.
  const paragraphSays = (file, start) => {
    const text = byName.get(file);
    const from = text.lastIndexOf('\n\n', start) + 1;
    const to = text.indexOf('\n\n', start) < 0 ? text.length : text.indexOf('\n\n', start);
    const inside = (c) => c.start >= from && c.end <= to;
    return { file, quantities: docOf.get(file).quantities.filter(inside), quotes: docOf.get(file).quotes.filter(inside) };
  };
  const timeline = TIMELINE.map(([date, what, place, participants, planned, evidence]) => {
    const item = {
      date,
      what,
      place,
      participants,
      planned,
      evidence: evidence.map(([file, phrase]) => {
        const start = byName.get(file).indexOf(phrase);
        if (start < 0) throw new Error(`fixture: "${phrase}" not in ${file}`);
        return { file, start, end: start + phrase.length, text: phrase };
      }),
      says: [],
      disagreements: [],
    };
    if (what === AGREEMENT) {
      item.says = Object.entries(AGREEMENT_SAYS).map(([file, s]) => ({ file, quantities: s.quantities.map((k) => quantity(file, k)), quotes: s.quotes.map((p) => quote(file, p)) }));
      item.disagreements = AGREEMENT_DISAGREES.map((d) => ({
        unit: d.unit,
        figures: d.figures.map(([file, key]) => {
          const q = quantity(file, key);
          return { file, value: q.value, high: q.high ?? null, approx: q.approx, text: q.text };
        }),
        conflict: true,
      }));
    } else {
      const bySource = new Map();
      for (const ev of item.evidence) {
        const s = paragraphSays(ev.file, ev.start);
        if (s.quantities.length || s.quotes.length) bySource.set(ev.file, s);
      }
      item.says = [...bySource.values()];
    }
    return item;
  });
  return { articles, result: { documents, entities, timeline } };
}
