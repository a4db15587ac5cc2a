// Turns the core's overlapping ranges (articles, quotes, mentions, times,
// evidence…) into a properly nested tree, so each range can become one
// element around its text. A range that crosses the end of an enclosing one
// is split there; both pieces keep the same data.

/**
 * @param {number} length   text length (UTF-16 code units)
 * @param {Array<{start:number,end:number,rank:number}>} ranges  `rank`: lower
 *        wraps higher when two ranges cover the same text
 * @returns root node {range:null, start, end, children}; children are nodes
 *          or text pieces {text:[start,end]}
 */
export function nestRanges(length, ranges) {
  const queue = [];
  for (const r of ranges) {
    const start = Math.max(0, Math.min(length, r.start | 0));
    const end = Math.max(0, Math.min(length, r.end | 0));
    if (start < end) queue.push({ ...r, start, end });
  }
  queue.sort(compareRanges);

  const root = { range: null, start: 0, end: length, children: [] };
  const stack = [root];
  const top = () => stack[stack.length - 1];
  let cursor = 0;
  const emitText = (upto) => {
    if (upto > cursor) {
      top().children.push({ text: [cursor, upto] });
      cursor = upto;
    }
  };

  for (let i = 0; i < queue.length; i++) {
    const r = queue[i];
    while (stack.length > 1 && top().end <= r.start) {
      emitText(top().end);
      stack.pop();
    }
    emitText(r.start);
    let end = r.end;
    if (end > top().end) {
      insertSorted(queue, i + 1, { ...r, start: top().end });
      end = top().end;
    }
    const node = { range: r, start: r.start, end, children: [] };
    top().children.push(node);
    stack.push(node);
  }
  while (stack.length > 1) {
    emitText(top().end);
    stack.pop();
  }
  emitText(length);
  return root;
}

function compareRanges(a, b) {
  return a.start - b.start || b.end - a.end || (a.rank || 0) - (b.rank || 0);
}

function insertSorted(queue, from, item) {
  let lo = from;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareRanges(queue[mid], item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, item);
}
