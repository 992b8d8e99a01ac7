/**
 * The events drawer of narrow windows covers the toolbar's Events button, and the page behind it is
 * inert while it is open: for the keyboard it is a dialog. Opening it puts the focus in it; closing
 * it (Escape, its close button, or picking an event) gives the focus back to what opened it, not
 * to the page's body.
 */
import { useEffect, type RefObject } from 'react';

export function useDrawerFocus(drawer: RefObject<HTMLElement | null>, open: boolean): void {
  useEffect(() => {
    const element = drawer.current;
    if (!open || !element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    element.querySelector<HTMLElement>('button, select, input')?.focus();
    return () => {
      const focus = document.activeElement;
      // Moved on by the reader (a dialog opened from a row keeps its own focus): left where it is.
      if (focus && focus !== document.body && !element.contains(focus)) return;
      if (opener?.isConnected) opener.focus();
    };
  }, [drawer, open]);
}
