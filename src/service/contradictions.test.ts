/** A system of record refuses contradictions: given a log, when an event is appended, then... */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDraft } from '../core/validate';
import { openService, type LogService } from './service';

const open: LogService[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const citation = { document: 'Acme filings', quote: 'As filed.' };
const at = (day: number, hour = 9) => `2022-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00-07:00`;
const person = (id: string) => ({ id, name: id.replace('-', ' ') });
let n = 0;
const ev = (type: string, time: string, data: Record<string, unknown>, id = `e${n++}`) => ({ id, type, subject: 'acme', time, timezone: 'America/Los_Angeles', data: { certainty: 'confirmed', citation, ...data } });
const assume = (who: string, day: number, role = 'CEO') => ev('role.assumed', at(day), { person: person(who), role });
const vacate = (who: string, day: number, role = 'CEO') => ev('role.vacated', at(day), { person: person(who), role, cause: 'fired' });
const join_ = (who: string, day: number) => ev('board.joined', at(day), { person: person(who) });

/** A log where john-roe became CEO on 1 Oct 2022 and sits on the board. */
async function given(...events: object[]) {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-decide-')), 'log.jsonl');
  const service = await openService(path, { appVersion: 'test', create: { title: 'Acme' } });
  open.push(service);
  await service['log:append']({ events: [assume('john-roe', 1), join_('john-roe', 1), ...events] });
  return { service, path, bytes: () => readFileSync(path) };
}

const refusal = async (service: LogService, events: object[]) => {
  try {
    await service['log:append']({ events });
  } catch (error) {
    return error as { code: string; field?: string; message: string };
  }
  throw new Error('the append was accepted');
};

describe('contradictions are refused with the field and what the state holds', () => {
  it('vacating a role the person does not hold names the holder', async () => {
    const { service, bytes } = await given();
    const before = bytes();
    const error = await refusal(service, [vacate('jane-doe', 27)]);
    expect(error).toMatchObject({ code: 'invalid', field: 'events.0.data.person.id' });
    expect(error.message).toMatch(/jane-doe does not hold CEO at Oct 27, 2022, 9:00 AM PDT; the holder is john-roe/);
    expect(bytes()).toEqual(before);
  });

  it('a refusal gives the moment at the precision the event was written with, never an hour it does not know', async () => {
    const { service, bytes } = await given();
    const before = bytes();
    const onDay = { ...vacate('jane-doe', 27), timeprecision: 'day' };
    expect((await refusal(service, [onDay])).message).toMatch(/jane-doe does not hold CEO at Oct 27, 2022; the holder is john-roe$/);
    const inMonth = { ...ev('board.left', at(27), { person: person('jane-doe'), cause: 'fired' }), timeprecision: 'month' };
    expect((await refusal(service, [inMonth])).message).toMatch(/jane-doe is not on the board at October 2022;/);
    const toHour = { ...vacate('jane-doe', 27), timeprecision: 'hour' };
    expect((await refusal(service, [toHour])).message).toMatch(/at Oct 27, 2022, 9 AM PDT;/);
    expect(bytes()).toEqual(before);
  });

  it('one id is one person: another name for it is refused, in the event itself as well', async () => {
    const { service, bytes } = await given(vacate('john-roe', 10));
    const before = bytes();
    const renamed = { id: 'john-roe', name: 'Jon Rowe' };
    // Former holders keep their name as well: john-roe left the CEO seat on 10 Oct and is still a director.
    expect(await refusal(service, [ev('role.assumed', at(27), { person: renamed, role: 'CTO' })])).toMatchObject({ field: 'events.0.data.person.name', message: 'events.0.data.person.name: john-roe is "john roe" in this log at Oct 27, 2022, 9:00 AM PDT, not "Jon Rowe": give that name, or another id for another person' });
    expect(await refusal(service, [ev('board.left', at(27), { person: renamed, cause: 'resigned' })])).toMatchObject({ field: 'events.0.data.person.name' });
    expect(await refusal(service, [ev('board.reconstituted', at(27), { members: [person('jane-doe'), person('john-roe')], chair: { id: 'jane-doe', name: 'Jane D.' } })])).toMatchObject({ field: 'events.0.data.chair.name', message: expect.stringMatching(/: jane-doe is "jane doe" earlier in this event, not "Jane D\.": give that name/) });
    // Back-dated before the name was first given: the later event is the one it contradicts.
    expect(await refusal(service, [ev('affiliation.started', at(1, 8), { person: renamed, organization: 'Globex' })])).toMatchObject({ message: expect.stringMatching(/john-roe/) });
    expect(bytes()).toEqual(before);
    await service['log:append']({ events: [ev('role.assumed', at(27), { person: person('john-roe'), role: 'CTO' }), ev('board.joined', at(27), { person: { id: 'jon-rowe', name: 'Jon Rowe' } })] });
  });

  it('a misspelt name is mended by correcting every event that gave it, in one batch', async () => {
    const [became, joined] = [ev('role.assumed', at(1), { person: person('ann-lee'), role: 'CTO' }), ev('board.joined', at(2), { person: person('ann-lee') })];
    const { service } = await given(became, joined);
    const mended = { id: 'ann-lee', name: 'Ann Leigh' };
    const correct = (target: string, data: object) => ({ type: 'event.corrected', subject: 'acme', time: at(20), timezone: 'America/Los_Angeles', data: { target, reason: 'name misspelt', citation, data: { certainty: 'confirmed', citation, person: mended, ...data } } });
    expect(await refusal(service, [correct(became.id, { role: 'CTO' })])).toMatchObject({ message: expect.stringMatching(/board\.joined.*ann-lee is "Ann Leigh" in this log at .*, not "ann lee"/) });
    await service['log:append']({ events: [correct(became.id, { role: 'CTO' }), correct(joined.id, {})] });
    expect(await refusal(service, [ev('board.left', at(21), { person: person('ann-lee'), cause: 'resigned' })])).toMatchObject({ field: 'events.0.data.person.name' });
  });

  it('a chair who is not on the board, a director who never joined, a second join', async () => {
    const { service } = await given();
    expect(await refusal(service, [ev('board.chair.assumed', at(5), { person: person('jane-doe') })])).toMatchObject({ field: 'events.0.data.person.id', message: expect.stringMatching(/jane-doe is not on the board .*the directors are john-roe/) });
    expect(await refusal(service, [ev('board.left', at(5), { person: person('jane-doe'), cause: 'resigned' })])).toMatchObject({ message: expect.stringMatching(/not on the board/) });
    expect(await refusal(service, [join_('john-roe', 5)])).toMatchObject({ message: expect.stringMatching(/john-roe is already on the board .* \(since Oct 1, 2022/) });
  });

  it('resolving an item that was never opened, or twice', async () => {
    const { service } = await given(ev('offer.made', at(3), { item: 'takeover', from: 'Buyer', to: 'Acme board', summary: 'A takeover offer' }));
    expect(await refusal(service, [ev('pending.resolved', at(4), { item: 'merger', outcome: 'accepted' })])).toMatchObject({ field: 'events.0.data.item', message: expect.stringMatching(/merger is not open .*no such item was opened before then; open items then: takeover/) });
    await service['log:append']({ events: [ev('pending.resolved', at(4), { item: 'takeover', outcome: 'refused' })] });
    expect(await refusal(service, [ev('pending.resolved', at(6), { item: 'takeover', outcome: 'accepted' })])).toMatchObject({ message: expect.stringMatching(/already resolved \(refused\)/) });
  });

  it('a time whose offset contradicts its zone, and an abbreviation for a zone', async () => {
    const { service } = await given();
    expect(await refusal(service, [{ ...assume('jane-doe', 27), time: '2022-10-27T18:00:00-05:00' }])).toMatchObject({ field: 'events.0.time', message: expect.stringMatching(/has offset -05:00, but America\/Los_Angeles was at UTC-07:00 then/) });
    expect(await refusal(service, [{ ...assume('jane-doe', 27), timezone: 'PST' }])).toMatchObject({ field: 'events.0.timezone', message: expect.stringMatching(/"PST" is an abbreviation.*write America\/Los_Angeles/) });
  });

  it('a back-dated event that would make a later one contradict the log names that event', async () => {
    const { service } = await given(vacate('john-roe', 20));
    const error = await refusal(service, [vacate('john-roe', 10)]);
    expect(error).toMatchObject({ field: 'events.0' });
    expect(error.message).toMatch(/it would make record #\d+ \(role.vacated of Oct 20, 2022, 9:00 AM PDT, id e\d+\) contradict the log: john-roe does not hold CEO/);
  });

  it('a retraction that would leave a later event contradicting the log', async () => {
    const { service } = await given(vacate('john-roe', 20));
    const appointment = service.log.ledger.record(2)!.id;
    const error = await refusal(service, [{ type: 'event.retracted', subject: 'acme', time: at(25), timezone: 'America/Los_Angeles', data: { target: appointment, reason: 'never happened', citation } }]);
    expect(error.message).toMatch(/contradict the log: john-roe does not hold CEO/);
  });

  it('a correction whose new version contradicts is refused at data.data', async () => {
    const { service } = await given(vacate('john-roe', 20));
    const leaving = service.log.ledger.record(service.log.ledger.head)!.id;
    const error = await refusal(service, [{ type: 'event.corrected', subject: 'acme', time: at(25), timezone: 'America/Los_Angeles', data: { target: leaving, reason: 'wrong person', citation, data: { certainty: 'confirmed', citation, person: person('jane-doe'), role: 'CEO', cause: 'fired' } } }]);
    expect(error).toMatchObject({ field: 'events.0.data.data.person.id', message: expect.stringMatching(/jane-doe does not hold CEO/) });
  });
});

describe('what fits is accepted', () => {
  it('a batch is decided in order: an appointment and a departure in one batch', async () => {
    const { service } = await given();
    await service['log:append']({ events: [assume('jane-doe', 5, 'CFO'), vacate('jane-doe', 6, 'CFO')] });
    expect(service.log.ledger.head).toBe(5);
  });

  it('a correction that moves a departure earlier, when nothing later depends on it', async () => {
    const { service } = await given(vacate('john-roe', 20));
    const leaving = service.log.ledger.record(service.log.ledger.head)!.id;
    await service['log:append']({ events: [{ type: 'event.corrected', subject: 'acme', time: at(25), timezone: 'America/Los_Angeles', data: { target: leaving, reason: 'earlier', citation, time: at(15), data: { certainty: 'confirmed', citation, person: person('john-roe'), role: 'CEO', cause: 'resigned' } } }] });
  });

  it('a contradiction already in the log (written before the rules) does not block an unrelated append', async () => {
    const { service } = await given();
    // Written straight to the store, as an old version of the app could have.
    await service.log.append([parseDraft(vacate('nobody', 20))]);
    await service['log:append']({ events: [assume('jane-doe', 10, 'CFO')] });
    expect(service.log.ledger.head).toBe(5);
  });

  it('refuses an event about an unknown company whose id is a slip for a known one, unless the batch registers it, and leaves the log as it was', async () => {
    const { service, bytes } = await given();
    const before = bytes();
    const slip = { ...join_('ann-lee', 2), subject: 'acme-' };
    expect(await refusal(service, [join_('ann-lee', 2), slip])).toMatchObject({ code: 'invalid', field: 'events.1.subject', message: expect.stringContaining('"acme-" is no company in this log, and "acme" is') });
    expect(bytes()).toEqual(before);
    const registered = { ...ev('company.registered', at(2), { name: 'Acme Two' }), subject: 'acme-2' };
    const { appended } = await service['log:append']({ events: [registered, { ...join_('ann-lee', 2), subject: 'acme-2' }] });
    expect(appended.map((r) => r.subject)).toEqual(['acme-2', 'acme-2']);
  });

  it('refuses a rumour that would unseat a holder on firmer evidence, and records one about a seat held on a rumour, or empty', async () => {
    const { service, bytes } = await given();
    const before = bytes();
    const rumoured = (event: ReturnType<typeof ev>) => ({ ...event, data: { ...event.data, certainty: 'rumoured' } });
    expect(await refusal(service, [rumoured(assume('jane-doe', 5))])).toMatchObject({
      field: 'events.0.data.certainty',
      message: expect.stringContaining('is rumoured, but john roe (john-roe) holds CEO at Oct 5, 2022, 9:00 AM PDT on a confirmed source, and a rumour does not unseat them'),
    });
    expect((await refusal(service, [rumoured(vacate('john-roe', 5))])).field).toBe('events.0.data.certainty');
    expect((await refusal(service, [rumoured(ev('board.left', at(5), { person: person('john-roe'), cause: 'resigned' }))])).field).toBe('events.0.data.certainty');
    expect(bytes()).toEqual(before);
    // An empty seat, then a seat held on a rumour, may take a rumour; so may a rumour about its own holder's title.
    const { appended } = await service['log:append']({ events: [rumoured(assume('jane-doe', 5, 'CFO')), rumoured(assume('ann-lee', 6, 'CFO')), rumoured(ev('board.joined', at(6), { person: person('ann-lee') }))] });
    expect(appended).toHaveLength(3);
  });
});

