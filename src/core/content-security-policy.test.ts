/** One policy for the page wherever it is served: the page's own copy in its meta tag cannot drift from the one the hosts send. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP } from './content-security-policy';

describe('the Content-Security-Policy', () => {
  it("in the page's meta tag is the hosts' policy but frame-ancestors, which a meta tag cannot carry", () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    const directives = (policy: string) => policy.split(';').map((d) => d.trim()).filter(Boolean);
    expect(directives(meta ?? '')).toEqual(directives(CSP).filter((d) => !d.startsWith('frame-ancestors')));
    expect(CSP).toContain("frame-ancestors 'none'");
  });
});
