/**
 * Seats: one identity per office, whatever a source calls it. "CTO" and "Chief Technology Officer"
 * are one seat, so a departure filed under either title ends the same holding. A title not in the
 * table is its own seat, keyed by its normalised spelling ("Head of Research" = "head of research").
 */
interface Seat {
  /** The seat's identity: the key of the state's role map. */
  key: string;
  /** How the seat is shown. */
  title: string;
}

/** Canonical title, then the spellings sources use for it (normalised). */
const KNOWN: readonly (readonly [string, ...string[]])[] = [
  ['CEO', 'chief executive officer', 'chief executive', 'ceo'],
  ['President', 'president'],
  ['CTO', 'chief technology officer', 'cto'],
  ['CFO', 'chief financial officer', 'finance director', 'cfo'],
  ['COO', 'chief operating officer', 'coo'],
  // Some companies have both (Twitter in 2022: a chief legal officer and a general counsel): two seats.
  ['General Counsel', 'general counsel'],
  ['Chief Legal Officer', 'chief legal officer', 'clo'],
  ['Chief Scientist', 'chief scientist'],
  ['CMO', 'chief marketing officer', 'cmo'],
];

/** Lower case, no punctuation, single spaces; dots and apostrophes join ("C.E.O." is "ceo"). */
const spellingOf = (title: string) =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.'\u2019]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const QUALIFIER = /^(interim|acting) /;

/** The spelling without an interim/acting qualifier (those are flags). */
const normalise = (title: string) => spellingOf(title).replace(QUALIFIER, '');

/** "interim" for "Interim CEO", "acting" for "Acting Chief Executive": the qualifier a title opens with. */
export const qualifierOf = (title: string): 'interim' | 'acting' | undefined => QUALIFIER.exec(spellingOf(title))?.[1] as 'interim' | 'acting' | undefined;

const bySpelling = new Map<string, Seat>(KNOWN.flatMap(([title, ...spellings]) => spellings.map((s) => [s, { key: normalise(title), title }] as const)));

/** Titles already looked up: replay asks for the same few titles once per role event. */
const byTitle = new Map<string, Seat>();
const TITLES_KEPT = 4096;

export function seatOf(title: string): Seat {
  let seat = byTitle.get(title);
  if (seat) return seat;
  const spelling = normalise(title);
  seat = Object.freeze(bySpelling.get(spelling) ?? { key: spelling || title, title });
  if (byTitle.size < TITLES_KEPT) byTitle.set(title, seat);
  return seat;
}

/** The known seats and their spellings, for the authoring guide and the form's suggestions. */
export const knownSeats = (): { title: string; spellings: string[] }[] => KNOWN.map(([title, ...spellings]) => ({ title, spellings }));
