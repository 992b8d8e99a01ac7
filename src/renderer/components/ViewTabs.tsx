/** The two views of the left pane as tabs (arrow keys move between them, as the ARIA tabs pattern asks). */
export type PaneView = 'state' | 'seats';

const LABELS: Record<PaneView, string> = { state: 'State at this moment', seats: 'Seat history' };

export function ViewTabs({ value, onChange }: { value: PaneView; onChange(view: PaneView): void }) {
  return (
    <div className="view-tabs" role="tablist" aria-label="View">
      {(['state', 'seats'] as const).map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={`tab-${v}`}
          aria-selected={value === v}
          aria-controls="pane-view"
          tabIndex={value === v ? 0 : -1}
          onClick={() => onChange(v)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            const next = value === 'state' ? 'seats' : 'state';
            onChange(next);
            document.getElementById(`tab-${next}`)?.focus();
          }}
        >
          {LABELS[v]}
        </button>
      ))}
    </div>
  );
}
