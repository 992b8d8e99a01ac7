/**
 * The connection cap (`HostLimits.maxConnections`) closes a connection past it unanswered; the page
 * then says the server did not answer and that its console may say why. Here it does: the first
 * connection refused in a while is said, with how many were refused since the last time it spoke
 * (a process opening sockets by the hundred makes one line, not hundreds).
 */
import type { Server } from 'node:http';

/** At most one line this often, however many connections are refused. */
const QUIET_MS = 10_000;

export function capConnections(server: Server, cap: number, now = Date.now): void {
  server.maxConnections = cap;
  let saidAt = -Infinity;
  let unsaid = 0;
  server.on('drop', () => {
    unsaid += 1;
    if (now() - saidAt < QUIET_MS) return;
    const before = unsaid > 1 ? ` (${unsaid - 1} more refused since this was last said)` : '';
    console.error(`incumbent web: refused a connection: ${cap} are open already, the most it holds${before}; a page needs a handful, so another program on this machine may be holding them open`);
    saidAt = now();
    unsaid = 0;
  });
}
