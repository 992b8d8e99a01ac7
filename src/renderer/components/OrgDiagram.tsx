/**
 * A picture of the leadership at the moment: the board (chair marked) above the executive roles,
 * with what the last event changed highlighted and who just left shown as a ghost.
 */
import { memo } from 'react';
import { isConfirmed } from '../../core/certainty';
import type { Change } from '../../core/diff';
import type { Person } from '../../core/state';
import type { StateView } from '../state-view';

const initials = (p: Person) => p.name.split(/\s+/).map((w) => w[0]).join('').slice(0, 3).toUpperCase();

/** A label shortened to fit its seat (12 characters) or box (20): a long name ran over the next seat. The <title> keeps it whole. */
const clip = (text: string, max: number) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);
const surname = (p: Person) => clip(p.name.split(' ').at(-1) ?? p.name, 12);

/** How sure the source is, where it is less than confirmed: a rumoured CEO drawn like a confirmed one misled. */
const unsure = (basis: { certainty: string }) => (isConfirmed(basis.certainty) ? '' : basis.certainty);
const unsureClass = (basis: { certainty: string }) => (unsure(basis) ? ` unsure ${basis.certainty}` : '');
const unsureWords = (basis: { certainty: string }) => (unsure(basis) ? `, ${basis.certainty}` : '');

/** Beyond this many seats the diagram shows the chair and the first others, and a count; the list beside it has more. */
const MAX_SEATS = 14;

/** `covered`: the moment is within the log's coverage; before it an empty chair or board is not known to be empty. */
export const OrgDiagram = memo(function OrgDiagram({ view, changes, covered }: { view: StateView; changes: Change[]; covered: boolean }) {
  const state = view;
  // The chair first (it may lie past the members the view lists), then the others by name.
  const chairSeat = state.chair ? (view.board.items.find((m) => m.person.id === state.chair!.person.id) ?? { person: state.chair.person, independent: undefined, affiliated: state.chair.affiliated, certainty: state.chair.certainty }) : undefined;
  const members = [...(chairSeat ? [chairSeat] : []), ...view.board.items.filter((m) => m.person.id !== state.chair?.person.id)].slice(0, MAX_SEATS);
  const boardTotal = view.board.total;
  const roles = state.roles;
  const joined = new Set(changes.flatMap((c) => (c.kind === 'board-joined' ? [c.person.id] : [])));
  const taken = new Set(changes.flatMap((c) => (c.kind === 'role-taken' ? [c.role] : [])));
  const leftBoard = changes.flatMap((c) => (c.kind === 'board-left' ? [c.person] : [])).slice(0, 3);
  const leftRoles = changes.flatMap((c) => (c.kind === 'role-left' ? [c] : []));
  const seat = 86;
  const box = 150;
  const width = Math.max(members.length + leftBoard.length, 1) * seat + 40;
  const rolesWidth = Math.max(roles.length + leftRoles.length, 1) * (box + 12) + 40;
  const w = Math.max(width, rolesWidth, 320);
  const board = covered ? `Board of ${boardTotal}${state.chair ? `, chaired by ${state.chair.person.name}` : ', no chair'}` : 'Board not covered yet';

  return (
    <svg className="org" viewBox={`0 0 ${w} 250`} preserveAspectRatio="xMinYMin meet" role="img" aria-label={`${board}; ${roles.map((r) => `${r.role}: ${r.person.name}${r.interim ? ' (interim)' : ''}${unsureWords(r)}`).join('; ')}`}>
      <text x={12} y={18} className="org-heading">
        Board{!covered ? ' · not covered yet' : state.chair ? '' : ' · chair vacant'}
        {boardTotal > members.length ? ` · first ${members.length} of ${boardTotal.toLocaleString()}` : ''}
      </text>
      {members.map((m, i) => {
        const cx = 40 + i * seat + seat / 2 - 20;
        const chair = m.person.id === state.chair?.person.id;
        return (
          <g key={m.person.id} className={`seat${chair ? ' chair' : ''}${joined.has(m.person.id) ? ' changed' : ''}${unsureClass(m)}`}>
            <title>{`${m.person.name}${chair ? ' (chair)' : ''}${m.independent ? ', independent' : ''}${unsureWords(m)}`}</title>
            <circle cx={cx} cy={56} r={24} />
            <text x={cx} y={61} textAnchor="middle" className="initials">{initials(m.person)}</text>
            <text x={cx} y={98} textAnchor="middle" className="name">{surname(m.person)}</text>
            {chair && <text x={cx} y={112} textAnchor="middle" className="small">Chair</text>}
            {unsure(m) && <text x={cx} y={124} textAnchor="middle" className="small certainty">{unsure(m)}</text>}
            {m.affiliated && <circle cx={cx + 18} cy={38} r={5} className="affiliated" />}
          </g>
        );
      })}
      {leftBoard.map((p, i) => {
        const cx = 40 + (members.length + i) * seat + seat / 2 - 20;
        return (
          <g key={`left-${p.id}`} className="seat ghost">
            <title>{`${p.name} left the board`}</title>
            <circle cx={cx} cy={56} r={24} />
            <text x={cx} y={61} textAnchor="middle" className="initials">{initials(p)}</text>
            <text x={cx} y={98} textAnchor="middle" className="name">{surname(p)}</text>
            <text x={cx} y={112} textAnchor="middle" className="small">left</text>
          </g>
        );
      })}
      <text x={12} y={148} className="org-heading">Executives</text>
      {roles.map((r, i) => (
        <g key={r.role} className={`role-box${r.interim || r.acting ? ' interim' : ''}${taken.has(r.role) ? ' changed' : ''}${unsureClass(r)}`} transform={`translate(${20 + i * (box + 12)}, 160)`}>
          <title>{`${r.role}: ${r.person.name}${r.interim ? ' (interim)' : r.acting ? ' (acting)' : ''}${unsureWords(r)}`}</title>
          <rect width={box} height={64} rx={8} />
          <text x={10} y={22} className="small">{clip(`${r.role}${r.interim ? ' · interim' : r.acting ? ' · acting' : ''}`, 20)}</text>
          <text x={10} y={46} className="name">{clip(r.person.name, 20)}</text>
          {unsure(r) && <text x={10} y={59} className="small certainty">{unsure(r)}</text>}
        </g>
      ))}
      {leftRoles.map((c, i) => (
        <g key={`left-${c.role}`} className="role-box ghost" transform={`translate(${20 + (roles.length + i) * (box + 12)}, 160)`}>
          <title>{`${c.person.name} left ${c.role}${c.cause ? ` (${c.cause})` : ''}`}</title>
          <rect width={box} height={64} rx={8} />
          <text x={10} y={22} className="small">{clip(`${c.role} · ${c.cause ?? 'left'}`, 20)}</text>
          <text x={10} y={46} className="name">{clip(c.person.name, 20)}</text>
        </g>
      ))}
    </svg>
  );
});
