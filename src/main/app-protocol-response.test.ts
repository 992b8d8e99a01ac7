/** What `app:` answers: bytes with content type and security headers, or a refusal. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondToAppRequest } from './app-protocol-response';
import { CSP } from '../core/content-security-policy';

let root: string;
beforeAll(() => {
  root = join(mkdtempSync(join(tmpdir(), 'incumbent-app-response-')), 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Incumbent</title>');
  writeFileSync(join(root, 'assets', 'replay.worker-1.js'), 'self.onmessage = () => {};');
});
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const get = (url: string, initiatorOrigin?: string, method = 'GET') => respondToAppRequest({ url, method, ...(initiatorOrigin === undefined ? {} : { initiatorOrigin }) }, root);

describe('respondToAppRequest', () => {
  it('serves the page with its content type, the CSP and nosniff', async () => {
    const response = await get('app://incumbent/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Incumbent</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the module worker as JavaScript to our own page', async () => {
    const response = await get('app://incumbent/assets/replay.worker-1.js', 'app://incumbent');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses requests started by another origin or an opaque one', async () => {
    for (const origin of ['https://example.com', 'null', 'app://evil', 'file://']) {
      expect((await get('app://incumbent/index.html', origin)).status, origin).toBe(403);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://incumbent/index.html', undefined, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://incumbent/index.html', undefined, 'POST')).status).toBe(405);
  });

  it('refuses traversal and missing files with plain text, still under the CSP', async () => {
    const escape = await get('app://incumbent/..%2f..%2fetc%2fpasswd');
    expect(escape.status).toBe(403);
    expect(escape.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(escape.headers.get('content-security-policy')).toBe(CSP);
    expect((await get('app://incumbent/missing.js')).status).toBe(404);
    expect((await get('app://incumbent/assets')).status).toBe(404);
  });
});
