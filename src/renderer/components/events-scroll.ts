/**
 * The events list's scroll arithmetic: where its virtualised rows sit, which row holds its one tab
 * stop and where to scroll to follow one. Pure, so it is tested without a browser (events-scroll.test.ts).
 */

/** A row's height, gap included: every row is the same height, so a row's place is its index times this. */
export const ROW = 96;
/** Rows drawn beyond each edge of the view, so a short scroll shows rows already laid out. */
export const OVERSCAN = 6;
/**
 * The tallest scroll space the list makes. Browsers cap an element's height (Chromium near 33.5
 * million px, Firefox near 17.9 million); half a million rows of 96 px would pass it, and the rows
 * past the cap would sit at wrong offsets. Beyond this the scroll space is scaled: one scrolled
 * pixel moves `scale` pixels of rows, and the rows are placed relative to the scroll position.
 */
export const MAX_SCROLL_PX = 8_000_000;

/** Maps the list's real scroll offset to the offset of its rows, and back. */
export function scrollSpace(count: number, viewport: number) {
  const full = count * ROW;
  const real = Math.min(full, MAX_SCROLL_PX);
  const scale = full > real ? Math.max(1, (full - viewport) / Math.max(1, real - viewport)) : 1;
  const rowsTop = (scrollTop: number) => scrollTop * scale;
  const space = {
    real,
    scale,
    rowsTop,
    scrollTopFor: (rows: number) => rows / scale,
    /**
     * Where to scroll so that `row` is in view, a third of the way down, keeping `held` (the row
     * with the focus, if any) in view too; undefined if it is in view already. Never past the
     * box's reach: a position beyond it comes back from the browser as a scroll of its own, which
     * rendered the list again and asked for its rows again.
     */
    following(row: number, scrollTop: number, held = -1): number | undefined {
      const reach = (rows: number) => Math.min(Math.max(0, rows) / scale, Math.max(0, real - viewport));
      const shows = (at: number, shown: number) => at * ROW >= shown && at * ROW + ROW <= shown + viewport;
      if (row < 0 || shows(row, rowsTop(scrollTop))) return undefined;
      const to = reach(row * ROW - viewport / 3);
      if (held < 0 || held === row || shows(held, rowsTop(to))) return to;
      // The row holding the focus stays in view: the row followed comes in at the edge nearer to it
      // if both fit, else the list stays where it is (a focused row scrolled away left the focus
      // off screen, and the next Tab went to that row's unseen Source button).
      const edge = reach(row < held ? row * ROW : row * ROW + ROW - viewport);
      if (shows(held, rowsTop(edge))) return edge;
      return shows(held, rowsTop(scrollTop)) ? undefined : space.following(held, scrollTop);
    },
  };
  return space;
}

/**
 * The row that holds the list's one tab stop (roving tabindex), among the rows in view, `first` to
 * `last`: the row last focused or moved to (`active`, -1 if none) if it is in view, else the
 * current event's if that is, else the row in view nearest to them. Only rows near the scroll
 * position are drawn: a tab stop left on a row scrolled away (the moment moved, or the mouse
 * scrolled) was on no element, and Tab landed on the scroll box, with no row, Source or ⋯ in reach.
 */
export function tabStopRow(active: number, current: number, first: number, last: number, count: number): number {
  if (count <= 0) return -1;
  const [top, bottom] = [Math.max(0, Math.min(first, count - 1)), Math.max(0, Math.min(Math.max(first, last), count - 1))];
  const inView = (row: number) => row >= top && row <= bottom;
  if (active >= 0 && inView(active)) return active;
  if (inView(current)) return current;
  return Math.max(top, Math.min(bottom, active >= 0 ? active : current));
}
