// Dates as the core writes them ("2025-06-02", "2025-06", "2025",
// "2025-06-01/2025-06-02", "2025-06-02T17:16") turned into day numbers,
// buckets for the timeline's zoom levels, and Arabic labels.

const DAY_MS = 86400000;

export const UNITS = ['day', 'month', 'year'];

const UNIT_WORDS = {
  // Arabic counted nouns: 1, 2, 3–10, 11+
  day: ['يوم', 'يومان', 'أيام', 'يوماً'],
  month: ['شهر', 'شهران', 'أشهر', 'شهراً'],
  year: ['سنة', 'سنتان', 'سنوات', 'سنة'],
};

export const UNIT_LABELS = { day: 'أيام', month: 'أشهر', year: 'سنوات' };

const dayNumber = (y, m, d) => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);

function parsePoint(text) {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(text);
  if (m) {
    const day = dayNumber(+m[1], +m[2], +m[3]);
    return { start: day, end: day, precision: 'day', time: m[4] || null };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return { start: dayNumber(+m[1], +m[2], 1), end: dayNumber(+m[1], +m[2] + 1, 1) - 1, precision: 'month', time: null };
  m = /^(\d{4})$/.exec(text);
  if (m) return { start: dayNumber(+m[1], 1, 1), end: dayNumber(+m[1] + 1, 1, 1) - 1, precision: 'year', time: null };
  return null;
}

/** {start, end (day numbers), precision, time} or null when unreadable. */
export function parseWhen(value) {
  if (typeof value !== 'string' || !value) return null;
  const [a, b] = value.split('/');
  const first = parsePoint(a);
  if (!first) return null;
  if (b === undefined) return first;
  const last = parsePoint(b) || first;
  return { start: first.start, end: Math.max(first.end, last.end), precision: 'range', time: null };
}

/** The bucket index of a day at a zoom unit (consecutive buckets differ by 1). */
export function bucketOf(day, unit) {
  if (unit === 'day') return day;
  const d = new Date(day * DAY_MS);
  return unit === 'month' ? d.getUTCFullYear() * 12 + d.getUTCMonth() : d.getUTCFullYear();
}

function bucketStartDate(index, unit) {
  if (unit === 'day') return new Date(index * DAY_MS);
  if (unit === 'month') return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
  return new Date(Date.UTC(index, 0, 1));
}

const formatters = {};
function fmt(kind) {
  const options = {
    day: { day: 'numeric', month: 'long', year: 'numeric' },
    month: { month: 'long', year: 'numeric' },
    year: { year: 'numeric' },
  }[kind];
  formatters[kind] ||= new Intl.DateTimeFormat('ar-u-nu-latn', { ...options, timeZone: 'UTC' });
  return formatters[kind];
}

export function bucketLabel(index, unit) {
  return fmt(unit).format(bucketStartDate(index, unit));
}

/** "3 أيام", "شهران": the length of a gap between buckets. */
export function countLabel(n, unit) {
  const words = UNIT_WORDS[unit];
  if (n === 1) return words[0];
  if (n === 2) return words[1];
  return `${n} ${n <= 10 ? words[2] : words[3]}`;
}

/** A readable Arabic label for one of the core's date values. */
export function formatWhen(value) {
  const when = parseWhen(value);
  if (!when) return value ? String(value) : 'بلا تاريخ';
  const [a, b] = String(value).split('/');
  if (b !== undefined) {
    // "10-11 سبتمبر 2025" when both ends are days of one month (a hyphen
    // keeps the two numbers one left-to-right run inside Arabic text).
    const same = /^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b) && a.slice(0, 7) === b.slice(0, 7);
    return same ? `${Number(a.slice(8))}-${formatWhen(b)}` : `${formatWhen(a)} – ${formatWhen(b)}`;
  }
  const date = new Date(when.start * DAY_MS);
  const text = fmt(when.precision).format(date);
  return when.time ? `${text}، ${when.time}` : text;
}
