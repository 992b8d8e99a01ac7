/** One readable line per event, for lists, the CLI and tooltips. */
import type { EventDraft, EventRecord } from './event';
import { isolated as own } from './isolated';
import { qualifierOf } from './seats';

/** A record's own text is `own(...)`: see `isolated.ts`. */
const person = (p: { name: string }) => own(p.name);
/** "interim " or "acting ", unless the title already says so ("Interim CEO"). */
const qualifier = (d: { interim?: boolean; acting?: boolean; role?: string }) => (d.role && qualifierOf(d.role) ? '' : d.interim ? 'interim ' : d.acting ? 'acting ' : '');

/**
 * `itemName`: for a resolution, the summary its item was opened with ("Talks on Sam Altman's return
 * as CEO"), which says more than the item's id; see `ItemNames`.
 */
export function describeEvent(event: Pick<EventDraft, 'type' | 'data'>, itemName?: string): string {
  const e = event as EventDraft;
  switch (e.type) {
    case 'log.created':
      return `Log created: ${own(e.data.title)}`;
    case 'company.registered':
      return `Company: ${own(e.data.name)}`;
    case 'role.assumed':
      return e.data.baseline ? `${person(e.data.person)} in office as ${qualifier(e.data)}${own(e.data.role)} (as of the log's start)` : `${person(e.data.person)} became ${qualifier(e.data)}${own(e.data.role)}`;
    case 'role.vacated':
      return `${person(e.data.person)} left ${own(e.data.role)} (${e.data.cause})`;
    case 'board.joined':
      return e.data.baseline ? `${person(e.data.person)} on the board (as of the log's start)` : `${person(e.data.person)} joined the board`;
    case 'board.left':
      return `${person(e.data.person)} left the board (${e.data.cause})`;
    case 'board.chair.assumed':
      return `${person(e.data.person)} ${e.data.baseline ? 'chair' : `became ${e.data.interim ? 'interim ' : ''}${e.data.executive ? 'executive ' : ''}chair`}${e.data.baseline ? " (as of the log's start)" : ''}`;
    case 'board.chair.vacated':
      return `${person(e.data.person)} stopped being chair (${e.data.cause})`;
    case 'affiliation.started':
      return `${person(e.data.person)} joined ${own(e.data.organization)}${e.data.role ? ` as ${own(e.data.role)}` : ''}`;
    case 'affiliation.ended':
      return `${person(e.data.person)} left ${own(e.data.organization)} (${e.data.cause})`;
    case 'workforce.reported':
      return `Workforce: ${e.data.headcount}`;
    case 'petition.reported':
      return `Petition "${own(e.data.title)}": ${e.data.signatories} signatories`;
    case 'offer.made':
      return `Offer from ${own(e.data.from)} to ${own(e.data.to)}: ${own(e.data.summary)}`;
    case 'negotiation.opened':
      return `Negotiation: ${own(e.data.summary)}`;
    case 'agreement.reached':
      return `${e.data.inPrinciple ? 'Agreement in principle' : e.data.signed ? 'Agreement signed (not yet closed)' : 'Agreement'}: ${own(e.data.summary)}`;
    case 'pending.resolved':
      return `Resolved ${itemName ? `“${own(itemName)}”` : e.data.item.replaceAll('-', ' ')} (${e.data.outcome})${e.data.summary ? `: ${own(e.data.summary)}` : ''}`;
    case 'statement.made':
      return `${person(e.data.person)}: "${own(e.data.text)}"`;
    case 'board.reconstituted':
      return `Board reconstituted: ${e.data.members.length ? e.data.members.map(person).join(', ') : 'no members'}${e.data.chair ? ` (chair: ${person(e.data.chair)})` : ''}`;
    case 'control.changed':
      return `Control passed to ${own(e.data.controller)} (${e.data.kind})${e.data.summary ? `: ${own(e.data.summary)}` : ''}`;
    case 'dispute.opened':
      return `Dispute: ${own(e.data.summary)}`;
    case 'event.corrected':
      return `Correction of ${e.data.target}: ${own(e.data.reason)}`;
    case 'event.retracted':
      return `Retraction of ${e.data.target}: ${own(e.data.reason)}`;
  }
}

/** The kind of an event for colour and filtering: its type's first segment ("role", "board", ...). */
export const kindOf = (type: string): string => type.split('.')[0]!;

/** The item an offer, negotiation, agreement or dispute opens, and the summary it is opened with. */
export function openedItem(event: { type: string; data: unknown }): { item: string; summary: string } | undefined {
  const e = event as EventDraft;
  switch (e.type) {
    case 'offer.made':
    case 'negotiation.opened':
    case 'agreement.reached':
    case 'dispute.opened':
      return { item: e.data.item, summary: e.data.summary };
    default:
      return undefined;
  }
}

/** An event or an effect in replay (whose payload may carry no citation). */
type Described = { type: string; data: unknown; subject?: string };

/**
 * Items' names, learnt from events read in order, for describing their resolutions: an item's id
 * is the author's slug, its summary is what a reader knows it by. The latest opening wins (an offer
 * followed by an agreement on the same item is known by the agreement).
 */
export class ItemNames {
  readonly #names = new Map<string, string>();

  /** Notes the item `event` opens, if any. */
  note(event: Described): void {
    const opened = openedItem(event);
    if (opened) this.#names.set(`${event.subject ?? ''}\u0000${opened.item}`, opened.summary);
  }

  /** The event in words, a resolution naming its item as noted so far. */
  describe(event: Described): string {
    const e = event as EventDraft;
    return describeEvent(e, e.type === 'pending.resolved' ? this.#names.get(`${event.subject ?? ''}\u0000${e.data.item}`) : undefined);
  }
}

/**
 * The name of the item `resolution` settles, from the latest event among the `within` records
 * before it that opened that item for its company; undefined if there is none that near.
 */
export function itemNameBefore(recordAt: (seq: number) => EventRecord | undefined, resolution: EventRecord, within = 4096): string | undefined {
  if (resolution.type !== 'pending.resolved') return undefined;
  for (let seq = resolution.seq - 1; seq >= Math.max(1, resolution.seq - within); seq--) {
    const record = recordAt(seq);
    if (!record || record.subject !== resolution.subject) continue;
    const opened = openedItem(record);
    if (opened?.item === resolution.data.item) return opened.summary;
  }
  return undefined;
}
