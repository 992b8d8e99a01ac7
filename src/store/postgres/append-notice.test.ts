import { describe, expect, it } from 'vitest';
import { noticeText, parseNotice } from './append-notice';

describe('append notices', () => {
  it('read back what writers send', () => {
    expect(parseNotice(noticeText('newsroom', 42))).toEqual({ log: 'newsroom', head: 42 });
  });
  it.each([undefined, '', 'not json', '{"log":1,"head":2}', '{"log":"a","head":"2"}', 'null', '[]'])('ignore %j', (payload) => {
    expect(parseNotice(payload)).toBeUndefined();
  });
});
