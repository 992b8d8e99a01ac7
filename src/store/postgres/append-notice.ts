/**
 * What a commit tells the other processes on the NOTIFY channel: which log, and its new head.
 * Written in one place and read in one place, so writers and listeners cannot drift apart.
 */
export interface AppendNotice {
  log: string;
  head: number;
}

export const noticeText = (log: string, head: number): string => JSON.stringify({ log, head } satisfies AppendNotice);

/** The notice in a NOTIFY payload, or undefined for anything else (another app's payload, a damaged one). */
export function parseNotice(payload: string | undefined): AppendNotice | undefined {
  if (!payload) return undefined;
  try {
    const note = JSON.parse(payload) as { log?: unknown; head?: unknown };
    return typeof note.log === 'string' && typeof note.head === 'number' ? { log: note.log, head: note.head } : undefined;
  } catch {
    return undefined;
  }
}
