/** How the page loads a log into its replay worker (`useLog`): the size and pace of its pages, and why. */

/** Records in a page at most. */
export const PAGE = 20_000;
/**
 * The first page is small, so the first state shows within a moment of opening even a huge log;
 * each next one is twice the last, up to PAGE: the worker parses a page in one go, and the first
 * questions (asked once the first page is in) wait for the pages on their way meanwhile. 500
 * against 2,000 brought the first state at 100k a median of 140 ms sooner (1,174 against 1,317 ms,
 * 12 loads each, alternated): the worker's code is still cold, and every record then costs more.
 */
export const FIRST_PAGE = 500;
/**
 * While the host opens a log, the page loads at most this many of the records it has read so far
 * (`OpeningProgress.checked`), one page at a time: enough for a first state and the log's start on
 * the scrubber. More takes the machine's cores from the opening itself: at a million events (2
 * cores), loading all it had read (333k records, its own third) took the host 9.1-9.9 s to open
 * the log instead of 5.1 s, and the whole log was in a second later; with this cap, 7.2 s, and the
 * whole log in as soon as before (19.4 s from launch, 19.1 s before any was loaded early).
 */
export const WHILE_OPENING = 100_000;
/** Pages in flight at once while loading: the next is on the wire while the worker adds the last. */
export const IN_FLIGHT = 2;
/**
 * The pages after the first wait until its answer is on screen (`stateShown`: the state, the seat
 * history, or a company with nothing to show). Asked for at once, they were parsed and added in the
 * worker while it answered the first state's questions: a median of about 120 ms later on screen at
 * 100k events, on 2 cores. This long at most, for an answer that never comes: 1 s could run out
 * on a busy 2-core machine while the first state was still on its way.
 */
export const FIRST_STATE_WAIT_MS = 5_000;
/**
 * Whether the page asks its questions (the timeline, the state) again, `loaded` records in, having
 * last asked at `asked` (0: never): at the first page, then only when the records loaded have
 * doubled. The timeline's answer walks the whole company so far, and the state after new records
 * rebuilds the engine's checkpoints (seconds at a million), so asked every few seconds they cost
 * more than the load itself. Doubling bounds them to twice the last.
 */
export const asksAgain = (loaded: number, asked: number): boolean => asked === 0 || loaded >= 2 * asked;
