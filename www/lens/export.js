// Downloads: the full annotation as JSON (what the CLI prints) and the
// timeline as CSV for spreadsheets.

/** RFC 4180 CSV with a BOM so spreadsheet programs read the Arabic as UTF-8. */
export function timelineCsv(result) {
  const names = new Map((result.entities || []).map((e) => [e.id, e.name]));
  const name = (id) => (id ? names.get(id) || id : '');
  const rows = [['date', 'what', 'place', 'place_id', 'participants', 'participant_ids', 'planned', 'sources', 'evidence']];
  for (const item of result.timeline || []) {
    const evidence = item.evidence || [];
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
    ]);
  }
  const cell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return '\ufeff' + rows.map((r) => r.map((v) => cell(String(v))).join(',')).join('\r\n') + '\r\n';
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
