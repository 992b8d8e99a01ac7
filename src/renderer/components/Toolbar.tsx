/**
 * The toolbar, one row at 1280 px: which company, which moment (with Back/Forward through the
 * moments visited), as known when, and what to do with it. Less frequent actions sit in "More".
 */
import { useEffect, useState } from 'react';
import type { KnownBy } from '../../core/ledger';
import type { Api } from '../api';
import { zoneName } from '../format';
import { Button } from './Button';
import { MenuButton } from './MenuButton';
import { MomentInput } from './MomentInput';

export type ToolbarAction = 'exportSnapshot' | 'copySnapshot' | 'importEvents' | 'exportEvents' | 'addEvent' | 'compare' | 'copyLink';

interface Props {
  api: Api;
  title: string;
  companies: { id: string; name: string }[];
  company?: string;
  onCompany(company: string): void;
  at?: number;
  onAt(at: number): void;
  knownAt?: string;
  onKnownAt(knownAt: string | undefined): void;
  knownBy: KnownBy;
  onKnownBy(knownBy: KnownBy): void;
  /** The company's zone; undefined until it is known, and no moment can be typed till then. */
  timeZone?: string;
  actions: Record<ToolbarAction, () => void>;
  history: { canBack: boolean; canForward: boolean; back(): void; forward(): void };
  /** Narrow windows show the events in a drawer, opened from here. */
  /** The events drawer's toggle, in a narrow window: how many events it lists, of how many (`of`, while a filter is set). */
  events?: { open: boolean; toggle(): void; count: number; of?: number };
}

const THEMES = ['system', 'light', 'dark'] as const;

export function Toolbar({ api, title, companies, company, onCompany, at, onAt, knownAt, onKnownAt, knownBy, onKnownBy, timeZone, actions, history, events }: Props) {
  const [theme, setTheme] = useState(() => localStorage.getItem('incumbent-theme') ?? 'system');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('incumbent-theme', theme);
  }, [theme]);

  const zone = timeZone && (at === undefined ? timeZone : zoneName(at, timeZone));
  // Its own instant's short name: the known-at may fall on the other side of a daylight-saving change from the moment.
  const knownZone = timeZone && knownAt !== undefined ? zoneName(Date.parse(knownAt), timeZone) : undefined;
  const zoneLabel = timeZone ?? 'the company’s time zone, not known yet';
  const companyName = companies.find((c) => c.id === company)?.name ?? companies[0]?.name ?? '';

  return (
    <header className="toolbar">
      <h1 title={title}>{title}</h1>
      {companies.length > 1 ? (
        <select className="company-picker" aria-label="Company" title={companyName} value={company} onChange={(e) => onCompany(e.target.value)}>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      ) : (
        <span className="company">{companyName}</span>
      )}
      <span className="nav" role="group" aria-label="Moments visited">
        <Button className="icon" onClick={history.back} available={history.canBack} aria-label="Back to the previous moment" title="Back to the previous moment (Alt+←)" aria-keyshortcuts="Alt+ArrowLeft">
          ←
        </Button>
        <Button className="icon" onClick={history.forward} available={history.canForward} aria-label="Forward to the next moment" title="Forward (Alt+→)" aria-keyshortcuts="Alt+ArrowRight">
          →
        </Button>
      </span>
      <label className="moment">
        <span className="label-text">Moment</span>
        <MomentInput label={`Moment (${zoneLabel})`} value={timeZone ? at : undefined} timeZone={timeZone ?? 'UTC'} disabled={!timeZone} onChange={onAt} />
        {zone && <abbr className="zone" title={timeZone}>{zone}</abbr>}
      </label>
      <span className="known-at" title="See the state as it was known at an earlier recorded time (bitemporal)">
        <label>
          <input type="checkbox" checked={knownAt !== undefined} onChange={(e) => onKnownAt(e.target.checked ? new Date(at ?? Date.now()).toISOString() : undefined)} /> As known at
          <span className="sr-only"> an earlier time</span>
        </label>
        {/* Read in the company's zone like the moment, so named and labelled like it. */}
        {knownAt !== undefined && <MomentInput label={`Known at (${zoneLabel})`} value={timeZone ? Date.parse(knownAt) : undefined} timeZone={timeZone ?? 'UTC'} disabled={!timeZone} onChange={(ms) => onKnownAt(new Date(ms).toISOString())} />}
        {knownZone && <abbr className="zone" title={timeZone}>{knownZone}</abbr>}
        {knownAt !== undefined && (
          <select aria-label="Known by" value={knownBy} onChange={(e) => onKnownBy(e.target.value as KnownBy)} title="Recorded: what this log held then. Published: what the sources had said by then.">
            <option value="recorded">as recorded here</option>
            <option value="published">as published</option>
          </select>
        )}
      </span>
      <span className="spacer" />
      {/* Both read times in the company's zone: not before it is known. */}
      <Button onClick={actions.addEvent} available={!!timeZone} title="Add an event">Add event</Button>
      <Button onClick={actions.compare} available={!!timeZone} title="Compare two moments (Ctrl/Cmd+K)">Compare</Button>
      <button className="primary" onClick={actions.exportSnapshot} title="Export the snapshot at this moment (Ctrl/Cmd+E)">
        Export snapshot
      </button>
      <MenuButton
        label="More ▾"
        name="More actions"
        items={[
          { label: 'Copy link to this moment', onSelect: actions.copyLink },
          { label: 'Copy snapshot', onSelect: actions.copySnapshot },
          { label: 'Import events…', onSelect: actions.importEvents },
          { label: 'Export log', onSelect: actions.exportEvents },
        ]}
      />
      {api.mode === 'web' && (
        <select className="theme" aria-label="Theme" value={theme} onChange={(e) => setTheme(e.target.value)}>
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {t === 'system' ? 'System' : t === 'light' ? 'Light' : 'Dark'}
            </option>
          ))}
        </select>
      )}
      {events && (
        <button type="button" className="events-toggle" aria-expanded={events.open} aria-controls="events-panel" onClick={events.toggle}>
          Events <span className="count">{events.count.toLocaleString()}{events.of !== undefined && ` of ${events.of.toLocaleString()}`}</span>
        </button>
      )}
    </header>
  );
}
