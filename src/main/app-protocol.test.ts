/** The protocol glue with Electron's `protocol` replaced by a recorder. */
import { describe, expect, it, vi } from 'vitest';

const recorded = vi.hoisted(() => ({ schemes: [] as unknown[], handlers: new Map<string, (request: Request) => Promise<Response>>() }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => recorded.handlers.set(scheme, handler),
  },
}));

describe('app protocol glue', () => {
  it('registers app: as standard and secure, with fetch, and without CORS, CSP bypass or service workers', async () => {
    const { registerAppScheme } = await import('./app-protocol');
    registerAppScheme();
    expect(recorded.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false }) }]);
  });

  it('hands every app: request to the responder for the given folder', async () => {
    const { serveAppScheme } = await import('./app-protocol');
    serveAppScheme('/nonexistent/renderer');
    const response = await recorded.handlers.get('app')!(new Request('app://incumbent/index.html'));
    expect(response.status).toBe(404);
  });
});
