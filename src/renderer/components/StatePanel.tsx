/**
 * The company's state at the chosen moment, in words: roles first (who is CEO must be visible at
 * any window size), then the board, ties, open items and figures, then the diagram. Facts known
 * only to the day say so when the moment falls inside that day; every fact names its source.
 * Long lists (a board of hundreds, thousands of ties) show their first items, the total, and a
 * button for more. Each section is memoised on its part of the view, which keeps its identity
 * while unchanged (`state-view.ts`), so a step re-renders only what changed.
 */
import { memo, useMemo } from 'react';
import type { Change } from '../../core/diff';
import { seatOf } from '../../core/seats';
import { formatFactTime, isCoarse } from '../format';
import { answers, isCovered, type FigurePoint, type MomentState, type Question, type Uncertain } from '../replay-protocol';
import type { Limits, Listed, StateView } from '../state-view';
import { seatNote, uncertainReason, uncertainSummary } from '../uncertain-words';
import { FiguresChart } from './FiguresChart';
import { LastChange } from './LastChange';
import { OrgDiagram } from './OrgDiagram';
import { Certainty, endingOf, Source } from './SourceButton';

interface Props {
  moment: MomentState;
  figures: FigurePoint[];
  /** The span the figures chart draws: the log's busy span. */
  span: [number, number];
  /** The chosen company, moment and known-at: the state shown answers them, unless its answer is on its way. */
  asked: Question;
  timeZone: string;
  onShowSource(eventId: string): void;
  /** Shows more of one long list. */
  onMore(list: keyof Limits): void;
}

/** How many more items one click on "show more" adds to a long list. */
export const MORE = 200;

/** "changed some time on Sun 19 Nov 2023" ("in May 2022"): a seat whose change the log knows only to the day (or month, or year). */
function DayNote({ items }: { items: Uncertain[] }) {
  if (items.length === 0) return null;
  const u = items[0]!;
  return (
    <div className="day-note">
      {seatNote(u)} <span className="badge precision">known to the {u.precision}</span>
    </div>
  );
}

/** Keeps the previous value while the new one has the same content: small arrays rebuilt by every answer. */
function useStable<T>(value: T): T {
  const text = JSON.stringify(value);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => value, [text]);
}

function More({ list, shown, what, onMore }: { list: Listed<unknown>; shown: number; what: keyof Limits; onMore(list: keyof Limits): void }) {
  if (list.total <= shown) return null;
  const rest = list.total - shown;
  return (
    <li className="muted more">
      and {rest.toLocaleString()} more{' '}
      <button type="button" className="link" onClick={() => onMore(what)}>
        show {Math.min(rest, MORE).toLocaleString()} more
      </button>
    </li>
  );
}

type Uncertainty = (seat: string) => Uncertain[];

const Roles = memo(function Roles({ roles, former, changed, uncertain, covered, onShowSource }: { roles: StateView['roles']; former: StateView['former']; changed: string; uncertain: Uncertain[]; covered: boolean; onShowSource(id: string): void }) {
  const changedRoles = new Set(changed.split('\u0001'));
  const uncertainFor: Uncertainty = (seat) => uncertain.filter((u) => u.seat === seat);
  const held = new Set(roles.map((h) => h.seat));
  const unplacedRoles = [...new Set(uncertain.flatMap((u) => (u.seat && !u.seat.startsWith('board:') && u.seat !== 'chair' && !held.has(u.seat) ? [u.seat] : [])))];
  return (
    <section aria-label="Roles">
      <h2>Roles</h2>
      <table className="roles">
        <tbody>
          {roles.map((h) => (
            <tr key={h.role} className={changedRoles.has(h.role) ? 'changed' : ''}>
              <th scope="row"><span className="seat-title">{h.role}</span></th>
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
              <th scope="row"><span className="seat-title">{seatOf(role).title}</span></th>
              <td>
                <span className="muted">vacant</span>
                <DayNote items={uncertainFor(role)} />
              </td>
            </tr>
          ))}
          {roles.length === 0 && unplacedRoles.length === 0 && (
            <tr>
              <td colSpan={2} className="muted">
                {covered ? 'No roles recorded at this moment.' : NOT_COVERED}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {former.items.length > 0 && (
        <>
          <h3>Former{former.total > former.items.length ? <span className="muted"> (latest {former.items.length} of {former.total.toLocaleString()})</span> : null}</h3>
          <ul className="former">
            {former.items.map((f) => (
              <li key={`${f.role}/${f.person.id}`}>
                {f.person.name}, {f.role}: {f.endCause}
                {f.replacedBy ? `, succeeded by ${f.successor ?? f.replacedBy}` : ''} <span className="muted">({formatFactTime(f.until)})</span>{' '}
                <Certainty basis={endingOf(f)} /> <Source basis={endingOf(f)} what={`how ${f.person.name} left ${f.role}`} onShow={onShowSource} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});

/** Before the log's coverage, "vacant" and "nothing" would be claims the log cannot make. */
const NOT_COVERED = 'Not covered yet.';

type BoardProps = Pick<StateView, 'board' | 'chair' | 'formerBoard' | 'formerChair' | 'affiliations'> & { changed: string; uncertain: Uncertain[]; covered: boolean; onShowSource(id: string): void; onMore(list: keyof Limits): void };
const Board = memo(function Board({ board, chair, formerBoard, formerChair, affiliations, changed, uncertain, covered, onShowSource, onMore }: BoardProps) {
  const changedSeats = new Set(changed.split('\u0001'));
  return (
    <section aria-label="Board">
      <h2>
        {/* Before the coverage a count would say how many sat on the board; the log does not know. */}
        Board {covered && <span className="count">{board.total.toLocaleString()}</span>}
      </h2>
      <ul className="board">
        {board.items.map((m) => (
          <li key={m.person.id} className={changedSeats.has(m.person.id) ? 'changed' : ''}>
            {m.person.name}
            {chair?.person.id === m.person.id && <span className="badge chair">{chair.executive ? 'executive ' : ''}chair{chair.interim ? ' (interim)' : ''}</span>}
            {m.independent && <span className="muted"> · independent</span>} <Certainty basis={m} /> <Source basis={m} what={`${m.person.name}'s board seat`} onShow={onShowSource} />
            <DayNote items={uncertain.filter((u) => u.seat === `board:${m.person.id}`)} />
          </li>
        ))}
        <More list={board} shown={board.items.length} what="board" onMore={onMore} />
      </ul>
      {chair && !board.items.some((m) => m.person.id === chair.person.id) && (
        <p>
          Chair: {chair.person.name}
          {chair.interim ? ' (interim)' : ''}
        </p>
      )}
      {!chair && !covered && <p className="muted">{NOT_COVERED}</p>}
      {!chair && covered && (
        <p className="muted">
          {formerChair ? `The chair is vacant: ${formerChair.person.name} left it (${formerChair.endCause}, ${formatFactTime(formerChair.until)}). ` : 'The chair is vacant.'}
          {formerChair && <Certainty basis={endingOf(formerChair)} />} {formerChair && <Source basis={endingOf(formerChair)} what={`how ${formerChair.person.name} left the chair`} onShow={onShowSource} />}
        </p>
      )}
      {formerBoard.items.length > 0 && (
        <>
          <h3>Left the board{formerBoard.total > formerBoard.items.length ? <span className="muted"> (latest {formerBoard.items.length} of {formerBoard.total.toLocaleString()})</span> : null}</h3>
          <ul className="former">
            {formerBoard.items.map((f) => (
              <li key={f.person.id}>
                {f.person.name}: {f.endCause} <span className="muted">({formatFactTime(f.until)})</span> <Certainty basis={endingOf(f)} /> <Source basis={endingOf(f)} what={`how ${f.person.name} left the board`} onShow={onShowSource} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>
        Ties to other organisations {affiliations.total > affiliations.items.length && <span className="count">{affiliations.total.toLocaleString()}</span>}
      </h2>
      <ul>
        {affiliations.items.map((a) => (
          <li key={`${a.person.id}/${a.organization}`}>
            {a.person.name}: {a.organization}
            {a.role ? `, ${a.role}` : ''} <Certainty basis={a} /> <Source basis={a} what={`${a.person.name} at ${a.organization}`} onShow={onShowSource} />
          </li>
        ))}
        <More list={affiliations} shown={affiliations.items.length} what="affiliations" onMore={onMore} />
        {affiliations.total === 0 && <li className="muted">{covered ? 'None recorded.' : NOT_COVERED}</li>}
      </ul>
    </section>
  );
});

const Pending = memo(function Pending({ pending, covered, onShowSource, onMore }: { pending: StateView['pending']; covered: boolean; onShowSource(id: string): void; onMore(list: keyof Limits): void }) {
  return (
    <>
      <h2>Open items</h2>
      <ul className="pending">
        {pending.items.map((p) => (
          <li key={p.id}>
            <span className="badge">{p.kind.replaceAll('-', ' ')}</span> {p.summary} <Certainty basis={p} /> <Source basis={p} what={p.summary} onShow={onShowSource} />
            <div className="muted">
              {p.parties.join(' · ')} · since {formatFactTime(p.opened)}
            </div>
          </li>
        ))}
        <More list={pending} shown={pending.items.length} what="pending" onMore={onMore} />
        {pending.total === 0 && <li className="muted">{covered ? 'Nothing pending.' : NOT_COVERED}</li>}
      </ul>
    </>
  );
});

/** Each figure says how sure its source is, when it was given, and where it comes from, as every other fact does. */
const Figures = memo(function Figures({ workforce, petitions, onShowSource }: { workforce: StateView['workforce']; petitions: StateView['petitions']; onShowSource(id: string): void }) {
  return (
    <ul className="figures">
      {workforce ? (
        <li>
          Workforce: <strong>{workforce.headcount.toLocaleString()}</strong> <Certainty basis={workforce} />
          <div className="muted">
            as of {formatFactTime(workforce.asOf)} · <Source basis={workforce} what={`workforce: ${workforce.headcount.toLocaleString()}, as of ${formatFactTime(workforce.asOf)}`} onShow={onShowSource} />
          </div>
        </li>
      ) : (
        <li className="muted">Workforce not reported.</li>
      )}
      {petitions.map((p) => (
        <li key={p.id}>
          {p.title}: <strong>{p.signatories.toLocaleString()}</strong> signatories
          {workforce ? ` (${Math.round((p.signatories / workforce.headcount) * 100)}% of the workforce)` : ''} <Certainty basis={p} />
          <div className="muted">
            as of {formatFactTime(p.updated)}
            {formatFactTime(p.since) !== formatFactTime(p.updated) ? `, first reported ${formatFactTime(p.since)}` : ''} · <Source basis={p} what={`${p.title}: ${p.signatories.toLocaleString()} signatories, as of ${formatFactTime(p.updated)}`} onShow={onShowSource} />
          </div>
        </li>
      ))}
    </ul>
  );
});

const Uncertainties = memo(function Uncertainties({ uncertain, onShowSource }: { uncertain: Uncertain[]; onShowSource(id: string): void }) {
  if (uncertain.length === 0) return null;
  return (
    <details className="uncertain">
      <summary>
        <strong>{uncertainSummary(uncertain)}</strong>: {uncertainReason(uncertain)}.
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
  );
});

export function StatePanel({ moment, figures, span, asked, timeZone, onShowSource, onMore }: Props) {
  const { view } = moment;
  const changes: Change[] = useStable(moment.changes);
  const uncertain = useStable(moment.uncertain);
  const changedRoles = changes.flatMap((c) => (c.kind === 'role-taken' ? [c.role] : [])).join('\u0001');
  const changedSeats = changes.flatMap((c) => (c.kind === 'board-joined' ? [c.person.id] : [])).join('\u0001');
  const covered = isCovered(moment);
  // The state of the chosen moment may still be on its way (a typed time, a big log's next page,
  // another company or known-at): the one shown then is another's, and says so rather than pass for the new one.
  const arriving = !answers(moment, asked);

  return (
    <div className="state" data-moment={moment.at} data-known={moment.knownAt ?? ''} aria-busy={arriving}>
      <LastChange moment={moment} timeZone={timeZone} />
      <Uncertainties uncertain={uncertain} onShowSource={onShowSource} />
      <div className="columns">
        <Roles roles={view.roles} former={view.former} changed={changedRoles} uncertain={uncertain} covered={covered} onShowSource={onShowSource} />
        <Board board={view.board} chair={view.chair} formerBoard={view.formerBoard} formerChair={view.formerChair} affiliations={view.affiliations} changed={changedSeats} uncertain={uncertain} covered={covered} onShowSource={onShowSource} onMore={onMore} />
        <section aria-label="Open items and figures">
          <Pending pending={view.pending} covered={covered} onShowSource={onShowSource} onMore={onMore} />
          <h2>Workforce and petitions</h2>
          <Figures workforce={view.workforce} petitions={view.petitions} onShowSource={onShowSource} />
          <FiguresChart points={figures} span={span} at={asked.at} timeZone={timeZone} />
        </section>
      </div>
      <section aria-label="Leadership diagram" className="diagram">
        <h2>Diagram</h2>
        <OrgDiagram view={view} changes={changes} covered={covered} />
      </section>
    </div>
  );
}
