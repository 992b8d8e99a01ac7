/**
 * Where commands reach the page from outside it: the desktop menu (through the preload bridge) and
 * the keyboard shortcuts that are not tied to one control (Back/Forward; in the web mode, which has
 * no menu, the menu's accelerators too). The handlers are read when a command arrives, never stale.
 */
import { useEffect } from 'react';
import { useLatest } from './useLatest';
import type { Api } from './api';

export interface Commands {
  exportSnapshot(): void;
  copySnapshot(): void;
  addEvent(): void;
  compare(): void;
  importEvents(): void;
  exportEvents(): void;
  /** A moment link opened from outside (checked in main): its fragment. */
  openMoment(fragment: string): void;
  /** File > Open Shared Log…, or Open Recent for a shared log whose password is not kept (its URL). */
  openShared(url?: string): void;
  /** Another log is open now. */
  logChanged(): void;
  back(): void;
  forward(): void;
}

export function useCommands(api: Api, commands: Commands): void {
  const latest = useLatest(commands);

  useEffect(
    () =>
      api.onMenuCommand((command, detail) => {
        const c = latest.current;
        // Gone to at once, not through the address: a link to the moment the address still holds would change nothing there.
        if (command === 'open-moment' && detail) c.openMoment(detail);
        else if (command === 'export-snapshot') c.exportSnapshot();
        else if (command === 'copy-snapshot') c.copySnapshot();
        else if (command === 'add-event') c.addEvent();
        else if (command === 'compare') c.compare();
        else if (command === 'import-events') c.importEvents();
        else if (command === 'export-events') c.exportEvents();
        else if (command === 'open-shared-log') c.openShared(detail);
        else if (command === 'log-changed') c.logChanged();
      }),
    [api, latest],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const editing = (e.target as HTMLElement).closest?.('input, textarea, select, [contenteditable]');
      // Back and Forward through the moments visited (not inside a text field, where Alt+arrows move by word).
      if (e.altKey && !e.ctrlKey && !e.metaKey && !editing && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        e.preventDefault();
        if (e.key === 'ArrowLeft') latest.current.back();
        else latest.current.forward();
        return;
      }
      // The web page has no menu: its accelerators live here (the desktop menu owns them there).
      if (api.mode !== 'web' || !(e.ctrlKey || e.metaKey)) return;
      const action = ({ e: latest.current.exportSnapshot, k: latest.current.compare } as Record<string, (() => void) | undefined>)[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, latest]);
}
