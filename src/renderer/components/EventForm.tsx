/**
 * Add an event, or a correction or retraction of one. It checks with the same schemas the main
 * process uses (which checks again): a field's problems show once the user has left it, and all of
 * them, with a summary, when the user submits. Nothing is ever edited in place.
 */
import { useMemo, useRef, useState } from 'react';
import { isoInZone } from '../../core/zone';
import type { DomainType } from '../../core/vocabulary';
import { formatAt } from '../format';
import type { EventRow } from '../replay-protocol';
import { textOf } from './CitationDialog';
import { causes, controlKinds, fieldOfError, fieldsOf, formTypes, outcomes, payloadOf, FORM_PRECISIONS, precisionLabels, COARSE_TIME_NOTES, problemsOf, typeLabel, valuesOf, type Field, type Problem, type Values } from './event-fields';
import { Label } from './FieldLabel';
import { Modal } from './Modal';
import { MomentInput, NOT_A_MOMENT } from './MomentInput';

export interface FormTarget {
  row: EventRow;
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
  /** A new event's form closed unrecorded keeps what was typed (`onKeep`), and opens with it again (`kept`). */
  kept?: KeptDraft;
  onKeep?(kept: KeptDraft | undefined): void;
}

export interface KeptDraft {
  /** The company it was typed for: it is recorded of the company the form is open for, so only that one's form brings it back. */
  company: string;
  type: DomainType;
  time: number;
  values: Values;
}

export function EventForm({ company, at, timeZone: companyZone, target, submit, onClose, kept, onKeep }: Props) {
  // A correction is typed and recorded in its fact's own zone: its day there is the one the fact keeps.
  const timeZone = target?.row.timezone ?? companyZone;
  const fresh = (): Values => ({ precision: target?.row.precision ?? 'day', certainty: 'confirmed', ...(target ? valuesOf(target.row.record) : {}) });
  const [restored, setRestored] = useState(kept !== undefined && !target && kept.company === company);
  const [type, setType] = useState<DomainType>(restored ? kept!.type : (target?.type ?? 'role.assumed'));
  const [time, setTime] = useState<number>(restored ? kept!.time : target ? target.row.time : at);
  /** Whether the time field's text reads as a moment: while it does not, `time` is the last one that did, and is not recorded. */
  const [timeReadable, setTimeReadable] = useState(true);
  const [values, setValues] = useState<Values>(() => (restored ? kept!.values : fresh()));
  /** Escape or Cancel never loses what was typed: it is there when the company's form opens again, until recorded or started over (closed with nothing typed, another company's stays kept). */
  const close = () => {
    const typed = Object.entries(values).some(([name, value]) => name !== 'precision' && name !== 'certainty' && value !== '' && value !== false);
    onKeep?.(typed ? { company, type, time, values } : kept && kept.company !== company ? kept : undefined);
    onClose();
  };
  const startOver = () => {
    setType(target?.type ?? 'role.assumed');
    setTime(at);
    setValues(fresh());
    setRestored(false);
  };
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const set = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setServerError(undefined);
  };
  const touch = (name: string) => setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));

  const draft = useMemo(() => {
    const citation = { document: String(values.document ?? '').trim(), quote: String(values.quote ?? '').trim(), ...(values.title ? { title: String(values.title) } : {}), ...(values.url ? { url: String(values.url) } : {}) };
    const envelope = { subject: company, time: Number.isNaN(time) ? '' : isoInZone(time, timeZone), timeprecision: values.precision, timezone: timeZone };
    if (target?.mode === 'retract') return { ...envelope, type: 'event.retracted', data: { target: target.row.record.id, reason: String(values.reason ?? ''), citation } };
    const data = { certainty: values.certainty, citation, ...payloadOf(type, values) };
    if (target?.mode === 'correct') return { ...envelope, type: 'event.corrected', data: { target: target.row.record.id, reason: String(values.reason ?? ''), citation, time: envelope.time, timeprecision: values.precision, data } };
    return { ...envelope, type, data };
  }, [values, type, company, timeZone, target, time]);

  // An empty person id is made from the name: its problems are the name's, reported there. Time text that reads as no moment is the time's problem, whatever moment was read last.
  const problems = useMemo(
    () => [...(timeReadable ? [] : [{ field: 'time', message: NOT_A_MOMENT }]), ...problemsOf(draft, type).filter((p) => !(p.field === 'person.id' && !String(values['person.id'] ?? '').trim()) && (timeReadable || p.field !== 'time'))],
    [draft, type, values, timeReadable],
  );
  const all = serverError ? [serverError, ...problems.filter((p) => p.field !== serverError.field)] : problems;
  const problemFor = (name: string) => all.find((p) => p.field === name || p.field.startsWith(`${name}.`));
  const shownFor = (name: string) => (submitted || touched.has(name) || serverError?.field === name ? problemFor(name) : undefined);

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (problems.length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await submit(draft);
      onKeep?.(undefined);
      onClose();
    } catch (error) {
      const app = (error as { appError?: { field?: string; message: string } }).appError;
      setServerError({ field: fieldOfError(app?.field), message: app?.message ?? (error as Error).message });
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  /** What the time's finer fields mean when the source gives only its day, month or year: they order the fact, and are never shown. */
  const orderOnly = COARSE_TIME_NOTES[String(values.precision)];
  const timeNotes = [shownFor('time') && 'err-time', orderOnly && 'hint-time'].filter(Boolean).join(' ');
  const labels: Record<string, string> = { time: 'When it happened', reason: 'Reason', document: 'Document', title: 'Title', url: 'URL', quote: 'Quoted sentence', 'person.name': 'Person', 'person.id': 'Person id', certainty: 'Certainty', precision: 'Known to the' };
  for (const f of fieldsOf[type]) labels[f.name] ??= f.label;
  const labelOf = (field: string) => labels[field] ?? labels[field.split('.')[0]!] ?? (field || 'Event');

  const errorNode = (name: string) => {
    const p = shownFor(name);
    return p ? (
      <span className="field-error" id={`err-${name}`}>
        {p.message}
      </span>
    ) : null;
  };
  const invalidProps = (name: string) => (shownFor(name) ? { 'aria-invalid': true as const, 'aria-describedby': `err-${name}` } : {});
  const input = (field: Field) => {
    const id = `f-${field.name}`;
    if (field.kind === 'person') {
      return (
        <div key="person" className="field person-field">
          <Label htmlFor="f-person-name" text="Person" required />
          <input id="f-person-name" required aria-required="true" value={String(values['person.name'] ?? '')} onChange={(e) => set('person.name', e.target.value)} onBlur={() => touch('person.name')} placeholder="Full name" {...invalidProps('person.name')} />
          {errorNode('person.name')}
          <Label htmlFor="f-person-id" text="Person id" />
          <input id="f-person-id" value={String(values['person.id'] ?? '')} onChange={(e) => set('person.id', e.target.value)} onBlur={() => touch('person.id')} placeholder="made from the name if left empty" {...invalidProps('person.id')} />
          {errorNode('person.id')}
        </div>
      );
    }
    const required = !field.optional && field.kind !== 'bool';
    const common = { id, value: String(values[field.name] ?? ''), onChange: (e: { target: { value: string } }) => set(field.name, e.target.value), onBlur: () => touch(field.name), ...(required ? { required: true, 'aria-required': true as const } : {}), ...invalidProps(field.name) };
    const control =
      field.kind === 'bool' ? (
        <input id={id} type="checkbox" checked={values[field.name] === true} onChange={(e) => set(field.name, e.target.checked)} />
      ) : field.kind === 'cause' || field.kind === 'outcome' || field.kind === 'control' ? (
        <select {...common}>
          <option value="">Choose…</option>
          {(field.kind === 'cause' ? causes : field.kind === 'control' ? controlKinds : outcomes).map((o) => (
            <option key={o} value={o}>
              {o.replaceAll('-', ' ')}
            </option>
          ))}
        </select>
      ) : field.kind === 'long' || field.kind === 'list' || field.kind === 'people' ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type={field.kind === 'int' ? 'number' : 'text'} {...common} />
      );
    if (field.kind === 'bool')
      return (
        <div key={field.name} className="field inline">
          <label htmlFor={id}>{field.label}</label>
          {control}
        </div>
      );
    return (
      <div key={field.name} className="field">
        <Label htmlFor={id} text={field.label} required={required} />
        {control}
        {errorNode(field.name)}
      </div>
    );
  };

  const original = target ? textOf(target.row) : '';
  const title = target ? `${target.mode === 'correct' ? 'Correct' : 'Retract'}: ${original}` : 'Add an event';
  const known = new Set(['time', 'reason', 'document', 'title', 'url', 'quote', 'person.name', 'person.id', 'certainty', 'precision', ...fieldsOf[type].map((f) => f.name)]);
  const showSummary = (submitted || serverError) && all.length > 0;

  return (
    <Modal title={title} onClose={close} className="form-dialog">
      <form className="event-form" onSubmit={onSubmit} noValidate>
        <p className="muted">
          {target ? `${formatAt(target.row.time, target.row.precision, target.row.timezone)}. ` : ''}
          The log is append-only: {target ? 'the original stays on record, and this new event supersedes it.' : 'this becomes a new event; it can be corrected later, never edited.'} Fields marked <span className="required">*</span> are required.
        </p>
        {restored && (
          <p className="notice" role="status">
            What you typed before is back. <button type="button" onClick={startOver}>Start over</button>
          </p>
        )}
        {showSummary && (
          // Not a live region: it takes the focus on submit, which says it; as an alert it spoke the whole list again at each fix.
          <div className="error-summary" role="group" aria-labelledby="form-problems" tabIndex={-1} ref={summary}>
            <p>
              <strong id="form-problems">
                {all.length} problem{all.length === 1 ? '' : 's'} to fix before this can be recorded:
              </strong>
            </p>
            <ul>
              {all.map((p) => (
                <li key={p.field || p.message}>
                  <a
                    href={`#f-${p.field.replace('.', '-')}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(`f-${p.field.replace('.', '-')}`)?.focus();
                    }}
                  >
                    {labelOf(p.field)}
                  </a>
                  : {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {!target && (
          <div className="field">
            <Label htmlFor="f-type" text="Kind of event" required />
            <select id="f-type" value={type} onChange={(e) => setType(e.target.value as DomainType)}>
              {formTypes.map((t) => (
                <option key={t} value={t}>
                  {typeLabel(t)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="grid">
          <div className="field">
            <Label htmlFor="f-time" text={`When it happened (${timeZone})`} required />
            <MomentInput id="f-time" label={`When it happened (${timeZone})`} value={Number.isNaN(time) ? undefined : time} timeZone={timeZone} onChange={setTime} onReadable={setTimeReadable} onBlur={() => touch('time')} invalid={!!shownFor('time')} {...(timeNotes ? { describedBy: timeNotes } : {})} />
            {errorNode('time')}
            {orderOnly && <span className="hint" id="hint-time">{orderOnly}</span>}
          </div>
          <div className="field">
            <Label htmlFor="f-precision" text="Known to the" required />
            <select id="f-precision" value={String(values.precision)} onChange={(e) => set('precision', e.target.value)}>
              {FORM_PRECISIONS.map((p) => (
                <option key={p} value={p}>
                  {precisionLabels[p]}
                </option>
              ))}
            </select>
          </div>
          {target?.mode !== 'retract' && (
            <div className="field">
              <Label htmlFor="f-certainty" text="Certainty" required />
              <select id="f-certainty" value={String(values.certainty)} onChange={(e) => set('certainty', e.target.value)}>
                <option value="confirmed">Confirmed</option>
                <option value="reported">Reported</option>
                <option value="rumoured">Rumoured</option>
              </select>
            </div>
          )}
        </div>
        {target?.mode !== 'retract' && <div className="grid">{fieldsOf[type].map(input)}</div>}
        {target && (
          <div className="field">
            <Label htmlFor="f-reason" text="Reason" required />
            <input id="f-reason" required aria-required="true" value={String(values.reason ?? '')} onChange={(e) => set('reason', e.target.value)} onBlur={() => touch('reason')} {...invalidProps('reason')} />
            {errorNode('reason')}
          </div>
        )}
        <fieldset>
          <legend>Source{target ? ' (of the correction; prefilled with the original’s)' : ''}</legend>
          <div className="grid">
            {(['document', 'title', 'url'] as const).map((name) => (
              <div key={name} className="field">
                <Label htmlFor={`f-${name}`} text={labels[name]!} required={name === 'document'} />
                <input id={`f-${name}`} {...(name === 'document' ? { required: true, 'aria-required': true as const } : {})} type={name === 'url' ? 'url' : 'text'} value={String(values[name] ?? '')} onChange={(e) => set(name, e.target.value)} onBlur={() => touch(name)} {...invalidProps(name)} />
                {errorNode(name)}
              </div>
            ))}
          </div>
          <div className="field">
            <Label htmlFor="f-quote" text="Quoted sentence" required />
            <textarea id="f-quote" rows={2} required aria-required="true" value={String(values.quote ?? '')} onChange={(e) => set('quote', e.target.value)} onBlur={() => touch('quote')} {...invalidProps('quote')} />
            {errorNode('quote')}
          </div>
        </fieldset>
        {all.some((p) => !known.has(p.field) && !known.has(p.field.split('.')[0]!)) && submitted && (
          <p className="error">{all.filter((p) => !known.has(p.field) && !known.has(p.field.split('.')[0]!)).map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`).join(' · ')}</p>
        )}
        <div className="row end">
          <button type="button" onClick={close}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>
            {target?.mode === 'retract' ? 'Record retraction' : target ? 'Record correction' : 'Add event'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
