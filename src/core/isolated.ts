/**
 * Text from a record (a name, a title, a quote) set into one of our English sentences. Where it
 * holds right-to-left letters it is wrapped in a first-strong isolate (U+2068 ... U+2069), so the
 * Unicode bidi algorithm lays it out on its own: without it an Arabic speaker's name and quote
 * swapped places around the colon ("Last change" and the events list). Text without such letters
 * is returned as it is, since an isolate changes nothing for it (and sentences stay searchable as
 * typed). The isolates are ours, added after `shown-text.ts` has shown any a record holds as U+FFFD.
 */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;

export const isolated = (text: string): string => (RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text);
