/**
 * The focus does not fall to the page's body when the control that had it is rendered away and
 * back: a move to another company takes its scrubber and events off the page until its
 * view comes, and a finished load may redraw a list. The control last focused is remembered by
 * what it is (its tag, role and name); when it leaves the page with the focus, the focus goes to
 * the control that is the same thing once it is back, unless the reader has put it somewhere since.
 */
import { useEffect } from 'react';

interface Focused {
  element: Element;
  tag: string;
  role: string | null;
  name: string;
}

/** A control's name: its label, or a button's text (short); none for anything else, which is not looked for again. */
const nameOf = (element: Element) => element.getAttribute('aria-label') ?? (element.localName === 'button' ? (element.textContent?.trim() ?? '') : '');
const describe = (element: Element): Focused | undefined => {
  const name = nameOf(element);
  return name ? { element, tag: element.localName, role: element.getAttribute('role'), name } : undefined;
};

export function useKeptFocus(): void {
  useEffect(() => {
    /** The control whose focus went to nothing (a removed control's focus goes nowhere), while it is looked for. */
    let lost: Focused | undefined;
    // The page's changes are watched only while a focus is lost: not on every step of the scrubber.
    const observer = new MutationObserver(() => restore());
    const stop = () => {
      lost = undefined;
      observer.disconnect();
    };
    const restore = () => {
      if (!lost) return;
      // Still on the page (the reader clicked elsewhere, the window lost the focus) or focused elsewhere: nothing to restore.
      if (lost.element.isConnected || (document.activeElement && document.activeElement !== document.body)) return stop();
      const { tag, role, name } = lost;
      for (const candidate of document.getElementsByTagName(tag)) {
        if (candidate.getAttribute('role') !== role || nameOf(candidate) !== name || !(candidate instanceof HTMLElement)) continue;
        candidate.focus({ preventScroll: true });
        return;
      }
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget !== null || !(event.target instanceof Element)) return;
      lost = describe(event.target);
      if (!lost) return;
      observer.observe(document.body, { childList: true, subtree: true });
      // Once the change that took it away is done: it may already be back.
      requestAnimationFrame(restore);
    };
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('focusin', stop);
    return () => {
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('focusin', stop);
      observer.disconnect();
    };
  }, []);
}
