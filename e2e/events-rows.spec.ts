/**
 * Every event row shows its time, its kind and its certainty whole (a rumour must be told from a confirmed
 * fact at a glance): nothing of them lies under the row's Source and ⋯ buttons or is cut by the
 * row's edge. At 1440 px the events column is 400 px wide, and a time known to the hour with a
 * long kind and a "reported" badge ran under the buttons.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Each drawn row's time, kind label and badges that are covered by its buttons or cut, with by how much. */
const hiddenLabels = (page: Page) =>
  page.locator('.event:not(.loading-row)').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const actions = row.querySelector('.event-actions')!.getBoundingClientRect();
      const where = `on row ${row.getAttribute('data-row')}`;
      const head = row.querySelector('.event-head')!;
      // The time's line is cut with an ellipsis where it would run under the buttons.
      const found = head.scrollWidth > head.clientWidth ? [`time ${where}: cut ${head.scrollWidth - head.clientWidth} px`] : [];
      for (const label of row.querySelectorAll('.event-kind, .badge')) {
        const r = label.getBoundingClientRect();
        const covered = Math.min(r.right, actions.right) - Math.max(r.left, actions.left);
        if (covered > 0.5 && r.bottom > actions.top && r.top < actions.bottom) found.push(`${label.textContent} ${where}: covered ${Math.round(covered)} px`);
        // Cut by any box on its way up to the row that hides its overflow (at that box's padding edge).
        for (let box = label.parentElement; box && box !== row.parentElement; box = box.parentElement) {
          if (getComputedStyle(box).overflow === 'visible') continue;
          const c = box.getBoundingClientRect();
          const [left, right, top, bottom] = [c.left + box.clientLeft, c.left + box.clientLeft + box.clientWidth, c.top + box.clientTop, c.top + box.clientTop + box.clientHeight];
          if (r.left < left - 0.5 || r.right > right + 0.5 || r.top < top - 0.5 || r.bottom > bottom + 0.5) found.push(`${label.textContent} ${where}: cut by ${box.className}`);
        }
      }
      return found;
    }),
  );

for (const [width, height] of [[1440, 900], [1100, 800], [1024, 768], [800, 600]] as const) {
  test(`at ${width}x${height} every row's time, kind and certainty badge are whole, none under its buttons`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize({ width, height });
    await page.getByLabel(/^Moment \(/).fill('2023-11-21T23:30');
    const events = page.getByRole('region', { name: 'Events' });
    if (width < 1100) await page.getByRole('button', { name: /^Events/ }).click();
    await expect(events.locator('.event.current')).toBeInViewport();
    await expect(events.locator('.loading-row')).toHaveCount(0);
    // The row the reviewer found covered is among those drawn, with its badge.
    await expect(events.getByRole('listitem').filter({ hasText: 'Sam Altman left Microsoft' }).locator('.badge.reported')).toHaveCount(1);
    expect(await hiddenLabels(page)).toEqual([]);
  });
}
