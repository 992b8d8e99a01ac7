/** Which URLs count as our page: navigation, IPC senders and web requests all ask this. */
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppUrl, isDevServerUrl, mayLoad } from './app-origin';

describe('isAppUrl', () => {
  it('accepts any path of app://incumbent, and nothing else', () => {
    expect(isAppUrl(APP_INDEX_URL, undefined)).toBe(true);
    expect(isAppUrl('app://incumbent/assets/index-1.js', undefined)).toBe(true);
    for (const url of ['file:///opt/incumbent/out/renderer/index.html', 'app://evil/index.html', 'app://incumbent.evil/', 'app://incumbent:1/', 'app://u:p@incumbent/', 'https://incumbent/', 'http://localhost:5173/', '', 'app:']) {
      expect(isAppUrl(url, undefined), url).toBe(false);
    }
  });

  it('accepts the dev server by origin only, and only when it is configured', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isDevServerUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isDevServerUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isDevServerUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isDevServerUrl('http://localhost:5173/', 'not a url')).toBe(false);
  });
});

describe('mayLoad', () => {
  it('lets our origin, blob:, data: and devtools load; file: and the network never', () => {
    for (const url of [APP_INDEX_URL, 'blob:app://incumbent/1234', 'data:,', 'devtools://devtools/bundled/inspector.html']) expect(mayLoad(url, undefined), url).toBe(true);
    for (const url of ['file:///etc/passwd', 'https://example.com/', 'http://127.0.0.1:8080/', 'ws://localhost/']) expect(mayLoad(url, undefined), url).toBe(false);
  });
});
