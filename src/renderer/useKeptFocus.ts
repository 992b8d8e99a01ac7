/**
 * The focus does not fall to the page's body when the control that had it is rendered away and
 * back: a move to another company takes its scrubber, events and bookmarks off the page until its
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
    let last: Focused | undefined;
    const remember = (event: FocusEvent) => {
      last = event.target instanceof Element ? describe(event.target) : undefined;
    };
    const restore = () => {
      // Cheap on every change of the page: nothing to do while the focused control is still there.
      if (!last || last.element.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
      const { tag, role, name } = last;
      for (const candidate of document.getElementsByTagName(tag)) {
        if (candidate.getAttribute('role') !== role || nameOf(candidate) !== name || !(candidate instanceof HTMLElement)) continue;
        candidate.focus({ preventScroll: true });
        return;
      }
    };
    const observer = new MutationObserver(restore);
    document.addEventListener('focusin', remember);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', remember);
      observer.disconnect();
    };
  }, []);
}
