/**
 * The files docs/authoring.md's commands append whose content the guide does not show: each makes
 * the mistake the guide's text around it describes, built where it can be from an event the guide
 * or the built-in Twitter log holds. A value of `inputs`: the file's lines, one event each.
 */
type Event = Record<string, unknown>;

const LA = { timeprecision: 'day', timezone: 'America/Los_Angeles' };
const citation = { document: 'Example', url: 'https://example.com/a', quote: 'An example sentence.' };
const twitter = (id: string, type: string, time: string, data: Event): Event => ({ id, source: 'urn:example', type, subject: 'twitter', time, ...LA, data });
const person = (id: string, name: string) => ({ id, name });

/** `builtIn`: the built-in Twitter log's records by id; `guide`: the events the guide's json blocks show, by id. */
export function inputs(builtIn: Map<string, Event>, guide: Map<string, Event>): Record<string, Event[]> {
  const payload = (id: string) => {
    const record = builtIn.get(id);
    if (!record) throw new Error(`the built-in Twitter log has no ${id}`);
    return record.data as Event;
  };
  const shown = (id: string) => {
    const event = guide.get(id);
    if (!event) throw new Error(`docs/authoring.md no longer shows the event ${id}`);
    return event;
  };
  const correction = (id: string, target: string, extra: Event) =>
    twitter(id, 'event.corrected', '2022-11-05T10:00:00-07:00', { target, reason: 'An example', citation, ...extra });

  const { baseline: _baseline, ...taylorOnTheBoard } = payload('twitter-006');
  return {
    // Section 1: an events file for a log that was never started.
    'events.jsonl': [twitter('acme-001', 'company.registered', '2024-01-02T00:00:00-08:00', { certainty: 'confirmed', citation, name: 'Acme Corp' })],
    // Section 5: a correction that sends only the changed field; one that moves Taylor's board seat
    // (twitter-006) after the moment he took the chair; a retraction of the dispute twitter-023 resolves.
    'only-the-role.jsonl': [correction('twitter-fix-2', 'twitter-038', { data: { role: 'CEO' } })],
    'move-taylor.jsonl': [correction('twitter-fix-3', 'twitter-006', { time: '2021-12-01T09:00:00-08:00', data: taylorOnTheBoard })],
    'retract-dispute.jsonl': [twitter('twitter-fix-4', 'event.retracted', '2022-11-05T10:00:00-07:00', { target: 'twitter-021', reason: 'An example', citation })],
    // Section 6, in the guide's order.
    'wrong-seat.jsonl': [twitter('twitter-x1', 'role.vacated', '2022-06-01T12:00:00-07:00', { certainty: 'reported', citation, person: person('ned-segal', 'Ned Segal'), role: 'CEO', cause: 'resigned' })],
    'chair-not-director.jsonl': [twitter('twitter-x2', 'board.chair.assumed', '2023-06-05T12:00:00-07:00', { certainty: 'reported', citation, person: person('linda-yaccarino', 'Linda Yaccarino') })],
    'never-opened.jsonl': [twitter('twitter-x3', 'pending.resolved', '2022-04-28T12:00:00-07:00', { certainty: 'reported', citation, item: 'musk-tender-offer', outcome: 'withdrawn' })],
    'wrong-offset.jsonl': [twitter('twitter-x4', 'workforce.reported', '2022-06-01T12:00:00-08:00', { certainty: 'reported', citation, headcount: 7500 })],
    'abbreviation.jsonl': [{ ...twitter('twitter-x5', 'workforce.reported', '2022-06-01T12:00:00-08:00', { certainty: 'reported', citation, headcount: 7500 }), timezone: 'PST' }],
    'id-reused.jsonl': [{ ...shown('twitter-042'), data: { ...(shown('twitter-042').data as Event), interim: true } }],
    'unknown-type.jsonl': [twitter('twitter-x6', 'role.started', '2022-06-01T12:00:00-07:00', { certainty: 'reported', citation, person: person('jane-roe', 'Jane Roe'), role: 'CFO' })],
    'later-contradicts.jsonl': [
      twitter('twitter-x7', 'role.assumed', '2022-06-01T12:00:00-07:00', { certainty: 'reported', citation, person: person('jane-roe', 'Jane Roe'), role: 'CFO', replaces: 'ned-segal' }),
    ],
    'no-subject.jsonl': [
      { ...twitter('acme-001', 'company.registered', '2024-01-02T00:00:00-08:00', { certainty: 'confirmed', citation, name: 'Acme Corp' }), subject: 'acme' },
      { id: 'acme-002', source: 'urn:example', type: 'workforce.reported', time: '2024-01-02T00:00:00-08:00', ...LA, data: { certainty: 'confirmed', citation, headcount: 120 } },
    ],
  };
}
