/**
 * The start of an export's file name, made from the log's title: lower-case ASCII letters and
 * digits, runs of anything else as one hyphen, and "log" for a title with none of them ("日本の会社"):
 * an empty start named the exported log ".jsonl", which a browser saves as "jsonl". One rule for
 * the page and the host, so both name the same export alike.
 */
export const fileSlug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'log';
