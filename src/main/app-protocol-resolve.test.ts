/** The `app:` path resolver against traversal, on a real folder with a symlink pointing out of it. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppPath } from './app-protocol-resolve';

let base: string;
let root: string;

beforeAll(() => {
  // base/renderer is what we serve; base/secret.txt and base/outside/ are what must stay unreachable.
  base = realpathSync(mkdtempSync(join(tmpdir(), 'incumbent-app-protocol-')));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}');
  writeFileSync(join(root, 'assets', 'replay.worker-def.js'), 'export {}');
  writeFileSync(join(root, 'assets', 'index-abc.css'), '');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  writeFileSync(join(base, 'outside', 'secret.js'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'linked-secret.txt'));
  symlinkSync(join(base, 'outside'), join(root, 'linked-folder'), 'dir');
  symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'inner-link.js'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const resolve = (url: string) => resolveAppPath(url, root);
/** Whatever the answer, it never names a file outside the folder. */
const neverEscapes = (url: string) => {
  const result = resolve(url);
  if (result.ok) expect(relative(root, result.file).startsWith(`..${sep}`), `${url} -> ${result.file}`).toBe(false);
  return result;
};

describe('resolveAppPath', () => {
  it('serves the page, its scripts, its styles and its module worker with their content types', () => {
    expect(resolve('app://incumbent/index.html')).toEqual({ ok: true, file: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolve('app://incumbent/')).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(resolve('app://incumbent')).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(resolve('app://incumbent/assets/index-abc.js')).toMatchObject({ ok: true, contentType: 'text/javascript; charset=utf-8' });
    expect(resolve('app://incumbent/assets/replay.worker-def.js')).toMatchObject({ ok: true, contentType: 'text/javascript; charset=utf-8' });
    expect(resolve('app://incumbent/assets/index-abc.css')).toMatchObject({ ok: true, contentType: 'text/css; charset=utf-8' });
  });

  it('ignores query and hash, which can never steer the lookup', () => {
    expect(resolve('app://incumbent/index.html?x=1#top')).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(neverEscapes('app://incumbent/index.html?/../../secret.txt')).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(neverEscapes('app://incumbent/index.html#/../../secret.txt')).toMatchObject({ ok: true, file: join(root, 'index.html') });
  });

  it('says 404 for a file that is not there', () => {
    expect(resolve('app://incumbent/nope.js')).toMatchObject({ ok: false, status: 404 });
  });

  it.each([
    'app://incumbent/../secret.txt',
    'app://incumbent/assets/../../secret.txt',
    'app://incumbent/%2e%2e/secret.txt',
    'app://incumbent/%2E%2E/%2e%2e/secret.txt',
    'app://incumbent/.%2e/secret.txt',
    'app://incumbent/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://incumbent/%2e%2e%2fsecret.txt',
    'app://incumbent/..%2fsecret.txt',
    'app://incumbent/..%5csecret.txt',
    'app://incumbent/%5c..%5csecret.txt',
    'app://incumbent/..\\secret.txt',
    'app://incumbent/assets\\..\\..\\secret.txt',
    'app://incumbent/%252e%252e/secret.txt',
    'app://incumbent/%252e%252e%252fsecret.txt',
    'app://incumbent/index.html%00.js',
    'app://incumbent/index.html\0.js',
    'app://incumbent/%00',
    'app://incumbent//etc/passwd',
    'app://incumbent/%2fetc%2fpasswd',
    `app://incumbent/${encodeURIComponent(join(tmpdir(), 'secret.txt'))}`,
    'app://incumbent/C:/Windows/win.ini',
    'app://incumbent/C%3a%5cWindows%5cwin.ini',
    'app://incumbent/index.html::$DATA',
    'app://incumbent/%E0%A4%A',
    'app://incumbent/./index.html/..',
  ])('refuses or contains %s', (url) => {
    const result = neverEscapes(url);
    expect(result.ok && result.file !== join(root, 'index.html') ? result.file : 'refused or index').not.toContain('secret');
  });

  it('refuses the same tricks outright rather than guessing what they mean', () => {
    for (const url of ['app://incumbent/..%2fsecret.txt', 'app://incumbent/..%5csecret.txt', 'app://incumbent/%252e%252e/secret.txt', 'app://incumbent/index.html%00.js', 'app://incumbent//etc/passwd', 'app://incumbent/C%3a%5cWindows', 'app://incumbent/..\\secret.txt']) {
      expect(resolve(url), url).toMatchObject({ ok: false, status: 403 });
    }
    expect(resolve('app://incumbent/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses other hosts, other schemes, credentials and ports', () => {
    for (const url of ['app://evil/index.html', 'app:///index.html', 'app://incumbent.evil/index.html', 'app://user@incumbent/index.html', 'app://incumbent:8080/index.html', 'file:///etc/passwd', `file://${join(root, 'index.html')}`, 'https://incumbent/index.html', 'not a url']) {
      expect(resolve(url), url).toMatchObject({ ok: false });
    }
  });

  it('follows symlinks only while they stay inside the folder', () => {
    expect(resolve('app://incumbent/inner-link.js')).toMatchObject({ ok: true, file: join(root, 'assets', 'index-abc.js') });
    expect(resolve('app://incumbent/linked-secret.txt')).toMatchObject({ ok: false, status: 403 });
    expect(resolve('app://incumbent/linked-folder/secret.js')).toMatchObject({ ok: false, status: 403 });
  });

  it('compares real paths, so a served folder reached through a symlink still works', () => {
    const alias = join(base, 'alias');
    symlinkSync(root, alias, 'dir');
    expect(resolveAppPath('app://incumbent/index.html', alias)).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppPath('app://incumbent/linked-secret.txt', alias)).toMatchObject({ ok: false, status: 403 });
  });
});
