/**
 * A button that opens a short menu of actions (WAI-ARIA menu button): Enter, Space and ArrowDown
 * open it on its first item, ArrowUp on its last; arrow keys move between the items, Escape and Tab
 * close it, and focus returns to the button. The menu is placed fixed, so a
 * scrolling or clipped container (a virtualised row) cannot cut it.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  label: string;
  onSelect(): void;
}

interface Props {
  label: ReactNode;
  /** The button's accessible name, when its text alone would not say what it acts on. */
  name?: string;
  items: MenuItem[];
  className?: string;
  tabIndex?: number;
}

export function MenuButton({ label, name, items, className, tabIndex }: Props) {
  const [open, setOpen] = useState(false);
  /** Which item takes the focus when the menu opens: the last one when opened by ArrowUp. */
  const openOn = useRef<'first' | 'last'>('first');
  const [place, setPlace] = useState<{ top: number; left?: number; right?: number }>({ top: 0 });
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const r = button.current.getBoundingClientRect();
    const below = r.bottom + 4;
    const top = below + 40 * items.length > window.innerHeight ? Math.max(4, r.top - 4 - 34 * items.length) : below;
    setPlace(r.left > window.innerWidth / 2 ? { top, right: Math.max(4, window.innerWidth - r.right) } : { top, left: r.left });
  }, [open, items.length]);
  useEffect(() => {
    if (!open) return;
    const all = menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]');
    all?.[openOn.current === 'last' ? all.length - 1 : 0]?.focus();
    openOn.current = 'first';
    const away = (e: PointerEvent) => !menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const openFromKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    // Not the events list's row keys: the arrow opens this menu and goes no further.
    e.preventDefault();
    e.stopPropagation();
    openOn.current = e.key === 'ArrowUp' ? 'last' : 'first';
    setOpen(true);
  };
  const closeMenu = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (e: React.KeyboardEvent) => {
    const all = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => all[(to + all.length) % all.length]?.focus();
    const keys: Record<string, () => void> = { ArrowDown: () => move(at + 1), ArrowUp: () => move(at - 1), Home: () => move(0), End: () => move(all.length - 1), Escape: closeMenu, Tab: () => setOpen(false) };
    const action = keys[e.key];
    if (!action) return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation();
    action();
  };

  return (
    <>
      <button ref={button} type="button" className={className} aria-haspopup="menu" aria-expanded={open} aria-controls={open ? id : undefined} {...(name ? { 'aria-label': name } : {})} {...(tabIndex !== undefined ? { tabIndex } : {})} onKeyDown={openFromKey} onClick={(e) => (e.stopPropagation(), setOpen((o) => !o))}>
        {label}
      </button>
      {open && (
        <div ref={menu} id={id} role="menu" className="menu" style={place} onKeyDown={onKey} aria-label={name ?? (typeof label === 'string' ? label : undefined)}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={(e) => {
                e.stopPropagation();
                setOpen(false);
                button.current?.focus();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
