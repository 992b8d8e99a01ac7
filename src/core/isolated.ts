/**
 * Text from a record (a name, a title, a quote) set into one of our English sentences. Where it
 * holds right-to-left letters it is wrapped in a first-strong isolate (U+2068 ... U+2069), so the
 * Unicode bidi algorithm lays it out on its own: without it an Arabic speaker's name and quote
 * swapped places around the colon ("Last change" and the events list). Text without such letters
 * is returned as it is, since an isolate changes nothing for it (and sentences stay searchable as
 * typed). The isolates are ours: what a record may not put on screen (`shown-text.ts`: its own
 * embeddings, overrides and isolates, which would close ours early, leave it open or reorder the
 * rest of the sentence, and control characters, which a terminal would obey) is shown as U+FFFD,
 * in the CLI's sentences as in the page's.
 */
import { shownText } from './shown-text';

const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\u200f\u061c]/u;

export const isolated = (text: string): string => {
  const own = shownText(text);
  return RIGHT_TO_LEFT.test(own) ? `\u2068${own}\u2069` : own;
};
