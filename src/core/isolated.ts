/**
 * Text from a record (a name, a title, a quote) set into one of our English sentences. Where it
 * holds right-to-left letters it is wrapped in a first-strong isolate (U+2068 ... U+2069), so the
 * Unicode bidi algorithm lays it out on its own: without it an Arabic speaker's name and quote
 * swapped places around the colon ("Last change" and the events list). Text without such letters
 * is returned as it is, since an isolate changes nothing for it (and sentences stay searchable as
 * typed). The isolates are ours: a bidi embedding, override or isolate a record holds (written by
 * hand; the page has shown it as U+FFFD already, the CLI has not) is shown as U+FFFD here, since
 * one would close our isolate early, or leave it open, or reorder the rest of the sentence.
 */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\u200f\u061c]/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

export const isolated = (text: string): string => {
  const own = text.replace(BIDI_CONTROL, '\ufffd');
  return RIGHT_TO_LEFT.test(own) ? `\u2068${own}\u2069` : own;
};
