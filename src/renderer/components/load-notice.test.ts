/**
 * While a log loads, the notice says which records the timeline and the state cover: those they
 * were asked at (the page's head, raised only when the records loaded have doubled), not every
 * record loaded since. It said 160,000 while the screen showed the first 100,000: a change in
 * record 150,000 was said to be covered, and was nowhere on screen.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LoadNotice } from './LoadNotice';

const said = (loaded: number, shown: number) => renderToStaticMarkup(createElement(LoadNotice, { progress: { loaded, total: 300_000 }, shown }));

describe('LoadNotice', () => {
  it('says the timeline and the state cover the records they were asked at, not all those loaded since', () => {
    const html = said(160_000, 100_000);
    expect(html).toContain('Loading the log: 160,000 of 300,000 records (53%)');
    expect(html).toContain('The timeline and the state cover the first 100,000 records, as recorded so far.');
    expect(html).not.toContain('cover the first 160,000');
  });

  it('says, once the log has opened, that the records shown while it opened are checked against its end', () => {
    const html = renderToStaticMarkup(createElement(LoadNotice, { progress: { loaded: 120_000, total: 300_000, checkedEarly: 100_000 }, shown: 100_000 }));
    expect(html).toContain('The log is open: the first 100,000, shown while it opened, are checked against its end.');
    expect(said(120_000, 100_000)).not.toContain('checked');
  });

  it('says nothing of what they cover before anything is shown', () => {
    expect(said(500, 0)).not.toContain('cover the first');
  });
});
