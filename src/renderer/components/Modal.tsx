/**
 * A modal dialog on the platform's <dialog>: showModal() makes the rest of the page inert (focus is
 * trapped), Escape closes it, and focus goes back to whatever opened it.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useLatest } from '../useLatest';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Extra text for the heading's accessible description. */
  describedBy?: string;
}

export function Modal({ title, onClose, children, className, describedBy }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useLatest(onClose);
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may have been re-rendered away; focus it only if it is still in the page.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const id = `dialog-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={id}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      onKeyDown={(e) => {
        // showModal() makes the page inert, but Tab past the last control would leave for the browser's own UI: wrap instead.
        if (e.key !== 'Tab') return;
        const focusable = [...ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled') && el.tabIndex >= 0 && el.offsetParent !== null);
        if (focusable.length === 0) return;
        const [first, last] = [focusable[0]!, focusable[focusable.length - 1]!];
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }}
      onCancel={(e) => {
        e.preventDefault();
        close.current();
      }}
    >
      <div className="dialog-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="icon" aria-label={`Close “${title}”`} onClick={() => close.current()}>
          ✕
        </button>
      </div>
      {children}
    </dialog>
  );
}
