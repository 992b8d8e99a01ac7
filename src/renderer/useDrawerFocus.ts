/**
 * The events drawer of narrow windows covers the toolbar's Events button, and the page behind it is
 * inert while it is open: for the keyboard it is a dialog. Opening it puts the focus in it; closing
 * it (Escape, its close button, a click beside it, or picking an event) gives the focus back to the
 * Events button, not to the page's body. A window widened meanwhile has no such button: the focus
 * goes to the events panel, now beside the state.
 */
import { useEffect, type RefObject } from 'react';

/** The button that opens the drawer (the toolbar's Events button). */
const OPENER = '[aria-controls="events-panel"]';

export function useDrawerFocus(drawer: RefObject<HTMLElement | null>, open: boolean): void {
  useEffect(() => {
    const element = drawer.current;
    if (!open || !element) return;
    element.querySelector<HTMLElement>('button, select, input')?.focus();
    return () => {
      const focus = document.activeElement;
      // Moved on by the reader (a dialog opened from a row keeps its own focus): left where it is.
      if (focus && focus !== document.body && !element.contains(focus)) return;
      const next = document.querySelector<HTMLElement>(OPENER) ?? (element.isConnected && !element.hidden ? element.querySelector<HTMLElement>('select, input') : null);
      next?.focus();
    };
  }, [drawer, open]);
}
