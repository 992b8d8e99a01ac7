/**
 * Add an event, or a correction or retraction of one. It validates as you type with the same
 * schemas the main process uses (which validates again); nothing is ever edited in place.
 */
import { isoInZone } from '../../core/zone';
import { useMemo, useState } from 'react';
import type { EventRecord } from '../../core/event';
import { IncumbentError } from '../../core/errors';
import { parseDraft } from '../../core/validate';
import type { DomainType } from '../../core/vocabulary';
import { epochToZoned, zonedToEpoch } from '../format';
import { causes, controlKinds, fieldOfError, fieldsOf, formTypes, outcomes, payloadOf, valuesOf, type Field, type Values } from './event-fields';

export interface FormTarget {
  record: EventRecord;
  type: DomainType;
  mode: 'correct' | 'retract';
}

interface Props {
  company: string;
  at: number;
  timeZone: string;
  target?: FormTarget;
  submit(event: Record<string, unknown>): Promise<void>;
  onClose(): void;
}

const PRECISIONS = ['minute', 'hour', 'day', 'month', 'year', 'second'] as const;

export function EventForm({ company, at, timeZone, target, submit, onClose }: Props) {
  const [type, setType] = useState<DomainType>(target?.type ?? 'role.assumed');
  const [values, setValues] = useState<Values>(() => ({ time: epochToZoned(at, timeZone), precision: 'minute', certainty: 'confirmed', ...(target ? valuesOf(target.record) : {}) }));
  const [serverError, setServerError] = useState<{ field: string; message: string }>();
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setServerError(undefined);
  };

  const draft = useMemo(() => {
    const time = zonedToEpoch(String(values.time ?? ''), timeZone);
    const citation = { document: String(values.document ?? ''), quote: String(values.quote ?? ''), ...(values.title ? { title: String(values.title) } : {}), ...(values.url ? { url: String(values.url) } : {}) };
    const envelope = { subject: company, time: Number.isNaN(time) ? String(values.time ?? '') : isoInZone(time, timeZone), timeprecision: values.precision, timezone: timeZone };
    if (target?.mode === 'retract') return { ...envelope, type: 'event.retracted', data: { target: target.record.id, reason: String(values.reason ?? ''), citation } };
    const data = { certainty: values.certainty, citation, ...payloadOf(type, values) };
    if (target?.mode === 'correct') return { ...envelope, type: 'event.corrected', data: { target: target.record.id, reason: String(values.reason ?? ''), citation, time: envelope.time, timeprecision: values.precision, data } };
    return { ...envelope, type, data };
  }, [values, type, company, timeZone, target]);

  // Validate as you type, with the engine's own schemas.
  const problem = useMemo(() => {
    try {
      const parsed = parseDraft(draft);
      if (parsed.type === 'event.corrected') parseDraft({ ...draft, type, data: parsed.data.data });
      return undefined;
    } catch (error) {
      const e = error as IncumbentError;
      return { field: fieldOfError(e.field), message: e.toData?.().message ?? e.message };
    }
  }, [draft, type]);
  const shown = serverError ?? problem;

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (problem) return;
    setBusy(true);
    try {
      await submit(draft);
      onClose();
    } catch (error) {
      const app = (error as { appError?: { field?: string; message: string } }).appError;
      setServerError({ field: fieldOfError(app?.field), message: app?.message ?? (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (name: string) =>
    shown && (shown.field === name || shown.field.startsWith(`${name}.`)) ? (
      <span className="field-error" role="alert">
        {shown.message}
      </span>
    ) : null;

  const input = (field: Field) => {
    const id = `f-${field.name}`;
    if (field.kind === 'person') {
      return (
        <div key="person" className="field">
          <label htmlFor="f-person-name">Person</label>
          <input id="f-person-name" value={String(values['person.name'] ?? '')} onChange={(e) => set('person.name', e.target.value)} placeholder="Full name" />
          <input aria-label="Person id" value={String(values['person.id'] ?? '')} onChange={(e) => set('person.id', e.target.value)} placeholder="id (from the name if empty)" />
          {errorFor('person')}
        </div>
      );
    }
    const common = { id, value: String(values[field.name] ?? ''), onChange: (e: { target: { value: string } }) => set(field.name, e.target.value) };
    const control =
      field.kind === 'bool' ? (
        <input id={id} type="checkbox" checked={values[field.name] === true} onChange={(e) => set(field.name, e.target.checked)} />
      ) : field.kind === 'cause' || field.kind === 'outcome' || field.kind === 'control' ? (
        <select {...common}>
          <option value="">Choose…</option>
          {(field.kind === 'cause' ? causes : field.kind === 'control' ? controlKinds : outcomes).map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      ) : field.kind === 'long' || field.kind === 'list' || field.kind === 'people' ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type={field.kind === 'int' ? 'number' : 'text'} {...common} />
      );
    return (
      <div key={field.name} className={`field${field.kind === 'bool' ? ' inline' : ''}`}>
        <label htmlFor={id}>
          {field.label}
          {field.optional ? ' (optional)' : ''}
        </label>
        {control}
        {errorFor(field.name)}
      </div>
    );
  };

  const title = target ? `${target.mode === 'correct' ? 'Correct' : 'Retract'} event ${target.record.id}` : 'Add an event';
  return (
    <form className="dialog event-form" role="dialog" aria-modal="true" aria-labelledby="form-title" onSubmit={onSubmit} noValidate>
      <h2 id="form-title">{title}</h2>
      <p className="muted">The log is append-only: {target ? 'the original stays on record, and this new event supersedes it from now on.' : 'this becomes a new event; it can be corrected later, never edited.'}</p>
      {!target && (
        <div className="field">
          <label htmlFor="f-type">Kind of event</label>
          <select id="f-type" value={type} onChange={(e) => setType(e.target.value as DomainType)}>
            {formTypes.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
      )}
      <div className="grid">
        <div className="field">
          <label htmlFor="f-time">When it happened ({timeZone})</label>
          <input id="f-time" type="datetime-local" value={String(values.time ?? '')} onChange={(e) => set('time', e.target.value)} />
          {errorFor('time')}
        </div>
        <div className="field">
          <label htmlFor="f-precision">Known to the</label>
          <select id="f-precision" value={String(values.precision)} onChange={(e) => set('precision', e.target.value)}>
            {PRECISIONS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        {target?.mode !== 'retract' && (
          <div className="field">
            <label htmlFor="f-certainty">Certainty</label>
            <select id="f-certainty" value={String(values.certainty)} onChange={(e) => set('certainty', e.target.value)}>
              <option>confirmed</option>
              <option>reported</option>
              <option>rumoured</option>
            </select>
          </div>
        )}
      </div>
      {target?.mode !== 'retract' && <div className="grid">{fieldsOf[type].map(input)}</div>}
      {target && (
        <div className="field">
          <label htmlFor="f-reason">Reason</label>
          <input id="f-reason" value={String(values.reason ?? '')} onChange={(e) => set('reason', e.target.value)} />
          {errorFor('reason')}
        </div>
      )}
      <fieldset>
        <legend>Source</legend>
        <div className="grid">
          {(['document', 'title', 'url'] as const).map((name) => (
            <div key={name} className="field">
              <label htmlFor={`f-${name}`}>{name === 'document' ? 'Document' : name === 'title' ? 'Title (optional)' : 'URL (optional)'}</label>
              <input id={`f-${name}`} value={String(values[name] ?? '')} onChange={(e) => set(name, e.target.value)} />
              {errorFor(name)}
            </div>
          ))}
        </div>
        <div className="field">
          <label htmlFor="f-quote">Quoted sentence</label>
          <textarea id="f-quote" rows={2} value={String(values.quote ?? '')} onChange={(e) => set('quote', e.target.value)} />
          {errorFor('quote')}
        </div>
      </fieldset>
      {shown && !['time', 'reason', 'document', 'title', 'url', 'quote', ...fieldsOf[type].map((f) => f.name)].some((n) => shown.field === n || shown.field.startsWith(`${n}.`)) && (
        <p className="error" role="alert">
          {shown.field ? `${shown.field}: ` : ''}
          {shown.message}
        </p>
      )}
      <div className="row end">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="submit" className="primary" disabled={busy || !!problem}>
          {target?.mode === 'retract' ? 'Record retraction' : target ? 'Record correction' : 'Add event'}
        </button>
      </div>
    </form>
  );
}
