/**
 * The events list's scroll arithmetic: where its virtualised rows sit, which of them are drawn and
 * where to scroll to follow one. Pure, so it is tested without a browser (events-scroll.test.ts).
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
  return {
    real,
    scale,
    rowsTop,
    scrollTopFor: (rows: number) => rows / scale,
    /**
     * Where to scroll so that `row` is in view, a third of the way down; undefined if it is in
     * view already. Never past the box's reach: a position beyond it comes back from the browser
     * as a scroll of its own, which rendered the list again and asked for its rows again.
     */
    following(row: number, scrollTop: number): number | undefined {
      const [top, shown] = [row * ROW, rowsTop(scrollTop)];
      if (row < 0 || (top >= shown && top + ROW <= shown + viewport)) return undefined;
      return Math.min(Math.max(0, top - viewport / 3) / scale, Math.max(0, real - viewport));
    },
  };
}
