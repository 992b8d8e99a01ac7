/**
 * The contract's operations by name (their arguments' schemas are in `contract.ts`, which must
 * list exactly these). A module of its own so that a page can name them without building zod's
 * schemas as it starts.
 */
export const operations = ['log:summary', 'log:opening', 'log:read', 'log:changes', 'log:append', 'log:import', 'snapshot:build', 'diff:between', 'bookmarks:list', 'bookmarks:add', 'bookmarks:remove'] as const;

export type Operation = (typeof operations)[number];
