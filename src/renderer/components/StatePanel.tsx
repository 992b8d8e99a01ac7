/** The company's state at the chosen moment, in words: roles, board, ties, figures, open items. */
import type { Change } from '../../core/diff';
import { describeChange } from '../../core/diff';
import { dictSize, dictValues } from '../../core/dict';
import { allOf, type Basis, type CompanyState } from '../../core/state';
import { formatFactTime } from '../format';
import type { FigurePoint } from '../replay-protocol';
import { FiguresChart } from './FiguresChart';
import { OrgDiagram } from './OrgDiagram';

interface Props {
  state: CompanyState;
  changes: Change[];
  figures: FigurePoint[];
  at: number;
  timeZone: string;
  onShowEvent(eventId: string): void;
}

const Certainty = ({ basis }: { basis: Basis }) => (basis.certainty === 'confirmed' ? null : <span className={`badge ${basis.certainty}`}>{basis.certainty}</span>);
const Source = ({ basis, onShow }: { basis: Basis; onShow(id: string): void }) => (
  <button className="link" onClick={() => onShow(basis.eventId)} title="Show the event and its citation">
    source
  </button>
);

export function StatePanel({ state, changes, figures, at, timeZone, onShowEvent }: Props) {
  const roles = dictValues(state.roles).sort((a, b) => a.role.localeCompare(b.role));
  const former = allOf(state.former).sort((a, b) => b.until.time.localeCompare(a.until.time)).slice(0, 8);
  const members = dictValues(state.board).sort((a, b) => a.person.name.localeCompare(b.person.name));
  const changedRoles = new Set(changes.flatMap((c) => (c.kind === 'role-taken' ? [c.role] : [])));
  const changedSeats = new Set(changes.flatMap((c) => (c.kind === 'board-joined' ? [c.person.id] : [])));
  // Successors are stored by id (as Wikidata does); show the name when the state knows the person.
  const names = new Map([...roles, ...allOf(state.former), ...members].map((x) => [x.person.id, x.person.name]));

  return (
    <div className="state">
      {changes.length > 0 && (
        <section className="changes" aria-label="What the last event changed">
          <h2>Just changed</h2>
          <ul>
            {changes.map((c, i) => (
              <li key={i} className={`change change-${c.kind}`}>{describeChange(c)}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Leadership diagram">
        <OrgDiagram state={state} changes={changes} />
      </section>
      <div className="columns">
        <section aria-label="Roles">
          <h2>Roles</h2>
          <table className="roles">
            <tbody>
              {roles.map((h) => (
                <tr key={h.role} className={changedRoles.has(h.role) ? 'changed' : ''}>
                  <th scope="row">{h.role}</th>
                  <td>
                    <strong>{h.person.name}</strong> {h.interim && <span className="badge interim">interim</span>}
                    {h.acting && <span className="badge interim">acting</span>} <Certainty basis={h} />
                    <div className="muted">since {formatFactTime(h.since)} · <Source basis={h} onShow={onShowEvent} /></div>
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
          <h2>Board <span className="count">{members.length}</span></h2>
          <ul className="board">
            {members.map((m) => (
              <li key={m.person.id} className={changedSeats.has(m.person.id) ? 'changed' : ''}>
                {m.person.name}
                {state.chair?.person.id === m.person.id && <span className="badge chair">chair{state.chair.interim ? ' (interim)' : ''}</span>}
                {m.independent && <span className="muted"> · independent</span>} <Certainty basis={m} />
              </li>
            ))}
          </ul>
          {!state.chair && <p className="muted">The chair is vacant.</p>}
          <h2>Ties to other organisations</h2>
          <ul>
            {allOf(state.affiliations).map((a) => (
              <li key={`${a.person.id}/${a.organization}`}>
                {a.person.name}: {a.organization}
                {a.role ? `, ${a.role}` : ''} <Certainty basis={a} /> <Source basis={a} onShow={onShowEvent} />
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
                <span className={`badge kind-${p.kind}`}>{p.kind.replaceAll('-', ' ')}</span> {p.summary} <Certainty basis={p} />
                <div className="muted">{p.parties.join(' · ')} · since {formatFactTime(p.opened)}</div>
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
          <FiguresChart points={figures} at={at} timeZone={timeZone} />
        </section>
      </div>
    </div>
  );
}
