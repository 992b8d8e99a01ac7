/** What the add-event form asks for, per event type, and how its answers become a payload. */
import type { z } from 'zod';
import { EventDraftSchema, type EventRecord } from '../../core/event';
import { ControlKind, domainTypes, EndCause, Outcome, type DomainType } from '../../core/vocabulary';

export type FieldKind = 'person' | 'text' | 'long' | 'slug' | 'bool' | 'int' | 'list' | 'people' | 'cause' | 'outcome' | 'control';
export interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  optional?: boolean;
}

const person: Field = { name: 'person', label: 'Person', kind: 'person' };
const role: Field = { name: 'role', label: 'Role', kind: 'text' };
const cause: Field = { name: 'cause', label: 'End cause', kind: 'cause' };
const item: Field = { name: 'item', label: 'Item id', kind: 'slug' };
const summary: Field = { name: 'summary', label: 'Summary', kind: 'text' };

export const fieldsOf: Record<DomainType, Field[]> = {
  'company.registered': [{ name: 'name', label: 'Company name', kind: 'text' }],
  'role.assumed': [person, role, { name: 'interim', label: 'Interim', kind: 'bool' }, { name: 'acting', label: 'Acting', kind: 'bool' }, { name: 'replaces', label: 'Replaces (person id)', kind: 'slug', optional: true }],
  'role.vacated': [person, role, cause, { name: 'replacedBy', label: 'Replaced by (person id)', kind: 'slug', optional: true }],
  'board.joined': [person, { name: 'independent', label: 'Independent director', kind: 'bool' }],
  'board.left': [person, cause],
  'board.chair.assumed': [person, { name: 'interim', label: 'Interim', kind: 'bool' }, { name: 'executive', label: 'Executive chair', kind: 'bool' }],
  'board.chair.vacated': [person, cause],
  'affiliation.started': [person, { name: 'organization', label: 'Organisation', kind: 'text' }, { name: 'role', label: 'Role there', kind: 'text', optional: true }],
  'affiliation.ended': [person, { name: 'organization', label: 'Organisation', kind: 'text' }, cause],
  'workforce.reported': [{ name: 'headcount', label: 'Headcount', kind: 'int' }],
  'petition.reported': [{ name: 'petition', label: 'Petition id', kind: 'slug' }, { name: 'title', label: 'Title', kind: 'text' }, { name: 'demands', label: 'Demands (one per line)', kind: 'list', optional: true }, { name: 'signatories', label: 'Signatories', kind: 'int' }],
  'offer.made': [item, { name: 'from', label: 'From', kind: 'text' }, { name: 'to', label: 'To', kind: 'text' }, summary],
  'negotiation.opened': [item, { name: 'parties', label: 'Parties (one per line)', kind: 'list' }, summary],
  'agreement.reached': [item, { name: 'inPrinciple', label: 'In principle only', kind: 'bool' }, { name: 'parties', label: 'Parties (one per line)', kind: 'list' }, summary, { name: 'resolves', label: 'Resolves item ids (one per line)', kind: 'list', optional: true }, { name: 'signed', label: 'Signed, not yet closed', kind: 'bool' }],
  'pending.resolved': [item, { name: 'outcome', label: 'Outcome', kind: 'outcome' }, { name: 'summary', label: 'Summary', kind: 'text', optional: true }],
  'statement.made': [person, { name: 'text', label: 'What was said', kind: 'long' }, { name: 'medium', label: 'Medium', kind: 'text', optional: true }],
  'board.reconstituted': [{ name: 'members', label: 'The board from now on (one name per line; empty to dissolve it)', kind: 'people', optional: true }, cause],
  'control.changed': [{ name: 'controller', label: 'New controller', kind: 'text' }, { name: 'kind', label: 'How control changed', kind: 'control' }, { name: 'summary', label: 'Summary', kind: 'text', optional: true }],
  'dispute.opened': [item, { name: 'parties', label: 'Parties (one per line)', kind: 'list' }, summary],
};

export const formTypes = domainTypes;

/** Plain words for each kind of event: one for every type (a type added to the vocabulary without one does not compile). */
const typeLabels: Record<DomainType, string> = {
  'company.registered': 'Company registered',
  'role.assumed': 'Someone took a role (CEO, CTO…)',
  'role.vacated': 'Someone left a role',
  'board.joined': 'Someone joined the board',
  'board.left': 'Someone left the board',
  'board.chair.assumed': 'Someone became chair',
  'board.chair.vacated': 'Someone stopped being chair',
  'affiliation.started': 'Someone joined another organisation',
  'affiliation.ended': 'Someone left another organisation',
  'workforce.reported': 'Workforce figure reported',
  'petition.reported': 'Petition and its signatories',
  'offer.made': 'An offer was made',
  'negotiation.opened': 'Talks opened',
  'agreement.reached': 'An agreement was reached',
  'pending.resolved': 'An offer or talks ended (accepted, refused…)',
  'statement.made': 'A statement was made',
  'board.reconstituted': 'The whole board was replaced',
  'control.changed': 'Control of the company changed (acquired, merged…)',
  'dispute.opened': 'A dispute opened (a suit, a deal contested…)',
};
export const typeLabel = (type: DomainType) => typeLabels[type];

/** Said under the time of a fact known only to the day, month or year (see `timeprecision` in docs/authoring.md). */
export const COARSE_TIME_NOTES: Record<string, string> = {
  day: 'Known only to the day: its hour orders it among that day’s events, and is never shown.',
  month: 'Known only to the month: its day and hour order it among that month’s events, and are never shown.',
  year: 'Known only to the year: its date and hour order it among that year’s events, and are never shown.',
};
/** The precisions the form offers, in its order: the day (its default) first. */
export const FORM_PRECISIONS = ['day', 'hour', 'minute', 'second', 'month', 'year'] as const;
export const precisionLabels: Record<string, string> = { day: 'Day (the hour is not known)', hour: 'Hour', minute: 'Minute', second: 'Second', month: 'Month (the day is not known)', year: 'Year' };
export const causes = EndCause.options;
export const outcomes = Outcome.options;
export const controlKinds = ControlKind.options;

export type Values = Record<string, string | boolean>;

export const slugify = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64);

/** The form's answers as the payload fields of `type` (empty optional fields are left out). */
export function payloadOf(type: DomainType, values: Values): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fieldsOf[type]) {
    const raw = values[field.name];
    if (field.kind === 'bool') {
      data[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (field.kind === 'person') {
      const name = (values['person.name'] as string | undefined)?.trim() ?? '';
      const id = (values['person.id'] as string | undefined)?.trim() || slugify(name);
      data.person = { id, name };
    } else if (text === '' && field.kind === 'people') data[field.name] = [];
    else if (text === '' && field.optional) continue;
    else if (field.kind === 'int') data[field.name] = text === '' ? undefined : Number(text);
    else if (field.kind === 'list') data[field.name] = text.split('\n').map((s) => s.trim()).filter(Boolean);
    else if (field.kind === 'people') data[field.name] = text.split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ id: slugify(name), name }));
    else data[field.name] = text;
  }
  return data;
}

/** The form's answers for an existing event (to correct it). */
export function valuesOf(record: EventRecord): Values {
  const data = (record.type === 'event.corrected' ? record.data.data : record.data) as Record<string, unknown>;
  const values: Values = {};
  const citation = data.citation as { document?: string; title?: string; url?: string; quote?: string } | undefined;
  for (const key of ['document', 'title', 'url', 'quote'] as const) if (citation?.[key]) values[key] = citation[key];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'citation') continue;
    if (key === 'person' && value && typeof value === 'object') {
      values['person.id'] = (value as { id: string }).id;
      values['person.name'] = (value as { name: string }).name;
    } else if (typeof value === 'boolean') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.map((v) => (v && typeof v === 'object' ? (v as { name: string }).name : String(v))).join('\n');
    else if (typeof value === 'string' || typeof value === 'number') values[key] = String(value);
  }
  return values;
}

/** Which form field an error's dotted path belongs to ("data.person.name" -> "person.name"). */
export function fieldOfError(path: string | undefined): string {
  if (!path) return '';
  const rest = path.replace(/^events\.\d+\./, '').replace(/^data\.data\./, 'data.');
  if (rest.startsWith('data.citation.')) return rest.slice('data.citation.'.length);
  if (rest.startsWith('data.person.')) return rest.slice('data.'.length);
  if (rest.startsWith('data.')) return rest.slice('data.'.length).split('.')[0]!;
  return rest;
}

export type Problem = { field: string; message: string };

/** A choice left unmade, in words: zod's 'expected one of "a"|"b"' has no space to wrap at and ran out of the dialog. */
const plain = (issue: z.core.$ZodIssue) =>
  issue.code === 'invalid_value' ? `${issue.input === undefined || issue.input === '' ? 'choose one' : `"${String(issue.input)}" is not one of these`}: ${issue.values.map(String).join(', ')}` : issue.message;

/** Every problem with a draft, not only the first (the engine's own schema, read in full). */
export function problemsOf(draft: Record<string, unknown>, type: DomainType): Problem[] {
  const found: Problem[] = [];
  const add = (raw: unknown, prefix = '') => {
    const parsed = EventDraftSchema.safeParse(raw);
    if (!parsed.success) for (const issue of parsed.error.issues) found.push({ field: fieldOfError(prefix + issue.path.map(String).join('.')), message: plain(issue) });
  };
  add(draft);
  if (draft.type === 'event.corrected') add({ ...draft, type, data: (draft.data as { data: unknown }).data });
  const seen = new Set<string>();
  return found.filter((p) => !seen.has(p.field) && seen.add(p.field));
}
