/**
 * The company's state at the chosen moment, in words: roles first (who is CEO must be visible at
 * any window size), then the board, ties, open items and figures, then the diagram. Facts known
 * only to the day say so when the moment falls inside that day; every fact names its source.
 */
import type { Change } from '../../core/diff';
import { describeChange } from '../../core/diff';
import { dictHas, dictSize, dictValues } from '../../core/dict';
import { allOf, type Basis, type CompanyState } from '../../core/state';
import { seatOf } from '../../core/seats';
import { formatAt, formatDay, formatElapsed, formatFactTime, isCoarse, periodOf } from '../format';
import type { FigurePoint, MomentState, Uncertain } from '../replay-protocol';
import { FiguresChart } from './FiguresChart';
import { OrgDiagram } from './OrgDiagram';

interface Props {
  moment: MomentState;
  figures: FigurePoint[];
  /** The span the figures chart draws: the log's busy span. */
  span: [number, number];
  at: number;
  timeZone: string;
  onShowSource(eventId: string): void;
}

const Certainty = ({ basis }: { basis: Basis }) => (basis.certainty === 'confirmed' ? null : <span className={`badge ${basis.certainty}`}>{basis.certainty}</span>);
const Source = ({ basis, what, onShow }: { basis: Basis; what: string; onShow(id: string): void }) => (
  <button className="link" onClick={() => onShow(basis.eventId)} aria-label={`Source for ${what}`} title="Show the source: quote, document, link and certainty">
    source
  </button>
);

/** "changed some time on Sun 19 Nov 2023": a seat whose change the log knows only to the day. */
function DayNote({ items }: { items: Uncertain[] }) {
  if (items.length === 0) return null;
  const u = items[0]!;
  return (
    <div className="day-note">
      {u.applied ? 'changed' : 'may change'} some time on {formatAt(u.from, u.precision, u.timezone)} <span className="badge precision">known to the {u.precision}</span>
    </div>
  );
}

function LastChange({ moment, at, timeZone }: { moment: MomentState; at: number; timeZone: string }) {
  const last = moment.last;
  if (!last) return <p className="last-change">No change recorded before this moment.</p>;
  const coarse = isCoarse(last.precision);
  const [, periodEnd] = coarse ? periodOf(last.time, last.precision, last.timezone) : [0, last.time];
  const when = coarse ? formatAt(last.time, last.precision, last.timezone) : formatAt(last.time, last.precision, timeZone);
  const ago = coarse ? (at < periodEnd ? `some time that ${last.precision}` : `at least ${formatElapsed(at - periodEnd + 1)}`) : formatElapsed(at - last.time);
  const more = moment.changes.length > 1 ? ` (${moment.changes.length} changes)` : '';
  return (
    <p className="last-change" title={moment.changes.map(describeChange).join('\n')}>
      <strong>Last change:</strong> {when}, {ago}: {last.text}
      {more}
    </p>
  );
}

export function StatePanel({ moment, figures, span, at, timeZone, onShowSource }: Props) {
  const { state, changes, uncertain } = moment as { state: CompanyState; changes: Change[]; uncertain: Uncertain[] };
  const roles = dictValues(state.roles).sort((a, b) => a.role.localeCompare(b.role));
  const former = allOf(state.former).sort((a, b) => b.until.time.localeCompare(a.until.time)).slice(0, 8);
  const members = dictValues(state.board).sort((a, b) => a.person.name.localeCompare(b.person.name));
  const changedRoles = new Set(changes.flatMap((c) => (c.kind === 'role-taken' ? [c.role] : [])));
  const changedSeats = new Set(changes.flatMap((c) => (c.kind === 'board-joined' ? [c.person.id] : [])));
  // Successors are stored by id (as Wikidata does); show the name when the state knows the person.
  const names = new Map([...roles, ...allOf(state.former), ...members].map((x) => [x.person.id, x.person.name]));
  const uncertainFor = (seat: string) => uncertain.filter((u) => u.seat === seat);
  const unplacedRoles = [...new Set(uncertain.flatMap((u) => (u.seat && !u.seat.startsWith('board:') && u.seat !== 'chair' && !dictHas(state.roles, u.seat) ? [u.seat] : [])))];

  return (
    <div className="state" data-moment={moment.at}>
      <LastChange moment={moment} at={at} timeZone={timeZone} />
      {uncertain.length > 0 && (
        <details className="uncertain">
          <summary>
            <strong>
              {uncertain.length} change{uncertain.length === 1 ? '' : 's'} on {formatDay(uncertain[0]!.from, uncertain[0]!.timezone)} known only to the day
            </strong>
            : the log cannot say at what hour, so at this moment {uncertain.length === 1 ? 'it' : 'each'} may or may not have happened.
          </summary>
          <ul>
            {uncertain.map((u) => (
              <li key={u.eventId}>
                {u.text} <span className="muted">({u.applied ? 'counted below' : 'not counted below yet'})</span>{' '}
                <button className="link" onClick={() => onShowSource(u.eventId)} aria-label={`Source for: ${u.text}`}>
                  source
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="columns">
        <section aria-label="Roles">
          <h2>Roles</h2>
          <table className="roles">
            <tbody>
              {roles.map((h) => (
                <tr key={h.role} className={changedRoles.has(h.role) ? 'changed' : ''}>
                  <th scope="row">{h.role}</th>
                  <td>
                    <strong className="holder">{h.person.name}</strong> {h.interim && <span className="badge interim">interim</span>}
                    {h.acting && <span className="badge interim">acting</span>} <Certainty basis={h} />
                    <DayNote items={uncertainFor(h.seat)} />
                    <div className="muted">
                      {h.asOf ? `in office as of ${formatFactTime(h.since)}, when this log starts (start not recorded)` : `since ${formatFactTime(h.since)}`}
                      {!h.asOf && isCoarse(h.since.precision) ? ` (known to the ${h.since.precision})` : ''}
                      {h.title ? ` · the source says “${h.title}”` : ''} · <Source basis={h} what={`${h.role}: ${h.person.name}`} onShow={onShowSource} />
                    </div>
                  </td>
                </tr>
              ))}
              {unplacedRoles.map((role) => (
                <tr key={`vacant-${role}`}>
                  <th scope="row">{seatOf(role).title}</th>
                  <td>
                    <span className="muted">vacant</span>
                    <DayNote items={uncertainFor(role)} />
                  </td>
                </tr>
              ))}
              {roles.length === 0 && (
                <tr>
                  <td className="muted">No roles recorded at this moment.</td>
                </tr>
              )}
            </tbody>
          </table>
          {former.length > 0 && (
            <>
              <h3>Former</h3>
              <ul className="former">
                {former.map((f) => (
                  <li key={`${f.role}/${f.person.id}`}>
                    {f.person.name}, {f.role}: {f.endCause}
                    {f.replacedBy ? `, succeeded by ${names.get(f.replacedBy) ?? f.replacedBy}` : ''} <span className="muted">({formatFactTime(f.until)})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section aria-label="Board">
          <h2>
            Board <span className="count">{members.length}</span>
          </h2>
          <ul className="board">
            {members.map((m) => (
              <li key={m.person.id} className={changedSeats.has(m.person.id) ? 'changed' : ''}>
                {m.person.name}
                {state.chair?.person.id === m.person.id && <span className="badge chair">{state.chair.executive ? 'executive ' : ''}chair{state.chair.interim ? ' (interim)' : ''}</span>}
                {m.independent && <span className="muted"> · independent</span>} <Certainty basis={m} /> <Source basis={m} what={`${m.person.name}'s board seat`} onShow={onShowSource} />
                <DayNote items={uncertainFor(`board:${m.person.id}`)} />
              </li>
            ))}
          </ul>
          {!state.chair && <p className="muted">The chair is vacant.</p>}
          <h2>Ties to other organisations</h2>
          <ul>
            {allOf(state.affiliations).map((a) => (
              <li key={`${a.person.id}/${a.organization}`}>
                {a.person.name}: {a.organization}
                {a.role ? `, ${a.role}` : ''} <Certainty basis={a} /> <Source basis={a} what={`${a.person.name} at ${a.organization}`} onShow={onShowSource} />
              </li>
            ))}
            {dictSize(state.affiliations) === 0 && <li className="muted">None recorded.</li>}
          </ul>
        </section>
        <section aria-label="Open items and figures">
          <h2>Open items</h2>
          <ul className="pending">
            {dictValues(state.pending).map((p) => (
              <li key={p.id}>
                <span className="badge">{p.kind.replaceAll('-', ' ')}</span> {p.summary} <Certainty basis={p} /> <Source basis={p} what={p.summary} onShow={onShowSource} />
                <div className="muted">
                  {p.parties.join(' · ')} · since {formatFactTime(p.opened)}
                </div>
              </li>
            ))}
            {dictSize(state.pending) === 0 && <li className="muted">Nothing pending.</li>}
          </ul>
          <h2>Workforce and petitions</h2>
          <p>
            {state.workforce ? `Workforce: ${state.workforce.headcount.toLocaleString()}` : 'Workforce not reported'}
            {dictValues(state.petitions).map((p) => (
              <span key={p.id}>
                {' · '}
                {p.title}: <strong>{p.signatories.toLocaleString()}</strong> signatories
                {state.workforce ? ` (${Math.round((p.signatories / state.workforce.headcount) * 100)}%)` : ''}
              </span>
            ))}
          </p>
          <FiguresChart points={figures} span={span} at={at} timeZone={timeZone} />
        </section>
      </div>
      <section aria-label="Leadership diagram" className="diagram">
        <h2>Diagram</h2>
        <OrgDiagram state={state} changes={changes} />
      </section>
    </div>
  );
}
