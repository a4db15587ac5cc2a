// Downloads: the full annotation as JSON (what the CLI prints), the timeline
// as CSV for spreadsheets, and every figure and quote as a second CSV.

const cell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** RFC 4180 CSV with a BOM so spreadsheet programs read the Arabic as UTF-8. */
function toCsv(rows) {
  return '\ufeff' + rows.map((r) => r.map((v) => cell(String(v ?? ''))).join(',')).join('\r\n') + '\r\n';
}

const APPROX_SIGN = { about: '~', more: '>', less: '<' };

/** A quantity for a spreadsheet cell: "~1000 أسير", ">2000 جندي", "10-12 %", "1200 أسير each". */
export function quantityCell(q) {
  const value = q.high !== null && q.high !== undefined ? `${q.value}-${q.high}` : String(q.value);
  return [`${APPROX_SIGN[q.approx] || ''}${value}`, q.unit, q.exchange].filter(Boolean).join(' ');
}

function namer(result) {
  const names = new Map((result.entities || []).map((e) => [e.id, e.name]));
  return (id) => (id ? names.get(id) || id : '');
}

/**
 * One row per timeline item. What each source says is flattened into three
 * columns, entries separated by " | ":
 *   figures        "file: text = ~1000 أسير" (the figure as written, then read)
 *   quotes         "file: speaker (direct|reported): text"
 *   disagreements  "أسير: file=1200; file=~1000"
 * Every quote and figure on its own row is in claimsCsv().
 */
export function timelineCsv(result) {
  const name = namer(result);
  const rows = [['date', 'what', 'place', 'place_id', 'participants', 'participant_ids', 'planned', 'sources', 'evidence', 'figures', 'quotes', 'disagreements']];
  for (const item of result.timeline || []) {
    const evidence = item.evidence || [];
    const says = item.says || [];
    rows.push([
      item.date || '',
      item.what || '',
      name(item.place),
      item.place || '',
      (item.participants || []).map(name).join('; '),
      (item.participants || []).join('; '),
      item.planned ? 'true' : 'false',
      [...new Set(evidence.map((e) => e.file))].join('; '),
      evidence.map((e) => `${e.file}@${e.start}-${e.end}: ${e.text}`).join(' | '),
      says.flatMap((s) => (s.quantities || []).map((q) => `${s.file}: ${q.text} = ${quantityCell(q)}`)).join(' | '),
      says.flatMap((s) => (s.quotes || []).map((q) => `${s.file}: ${name(q.speaker) || '?'} (${q.kind}): ${q.text}`)).join(' | '),
      (item.disagreements || []).map((d) => `${d.unit || ''}: ${d.figures.map((f) => `${f.file}=${APPROX_SIGN[f.approx] || ''}${f.value}`).join('; ')}`).join(' | '),
    ]);
  }
  return toCsv(rows);
}

/**
 * One row per quantity and per quote in every source (document order), with
 * the timeline items whose "what each source says" includes it ("#index
 * date", 0-based as in the JSON) and, for a figure, the unit of a
 * disagreement it takes part in.
 */
export function claimsCsv(result) {
  const name = namer(result);
  const items = new Map();
  const disputed = new Set();
  (result.timeline || []).forEach((item, index) => {
    for (const s of item.says || []) {
      for (const [type, list] of [['quantity', s.quantities], ['quote', s.quotes]]) {
        for (const c of list || []) {
          const key = `${type}|${s.file}|${c.start}|${c.end}`;
          if (!items.has(key)) items.set(key, []);
          items.get(key).push(`#${index} ${item.date || ''}`.trim());
        }
      }
    }
    for (const d of item.disagreements || []) for (const f of d.figures) disputed.add(`${f.file}|${d.unit}|${f.value}`);
  });
  const rows = [['file', 'type', 'start', 'end', 'text', 'value', 'high', 'approx', 'unit', 'exchange', 'entity_id', 'entity', 'speaker_id', 'speaker', 'quote_kind', 'attribution', 'cue', 'items', 'disputed']];
  for (const doc of result.documents || []) {
    const claims = [...(doc.quantities || []).map((c) => ['quantity', c]), ...(doc.quotes || []).map((c) => ['quote', c])].sort((a, b) => a[1].start - b[1].start || b[1].end - a[1].end);
    for (const [type, c] of claims) {
      const key = `${type}|${doc.file}|${c.start}|${c.end}`;
      const q = type === 'quantity';
      rows.push([
        doc.file,
        type,
        c.start,
        c.end,
        c.text,
        q ? c.value : '',
        q ? c.high ?? '' : '',
        q ? c.approx || '' : '',
        q ? c.unit || '' : '',
        q ? c.exchange || '' : '',
        q ? c.entity || '' : '',
        q ? name(c.entity) : '',
        q ? '' : c.speaker || '',
        q ? '' : name(c.speaker),
        q ? '' : c.kind,
        q ? '' : c.attribution || '',
        !q && c.cue ? `${c.cue.start}-${c.cue.end}` : '',
        (items.get(key) || []).join('; '),
        q && disputed.has(`${doc.file}|${c.unit}|${c.value}`) ? c.unit || 'true' : '',
      ]);
    }
  }
  return toCsv(rows);
}

export function resultJson(result) {
  return JSON.stringify(result, null, 2) + '\n';
}

/** Saves `text` as a file through a temporary Blob URL. */
export function download(container, filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  // The download has started by the next tasks; free the blob a bit later.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
