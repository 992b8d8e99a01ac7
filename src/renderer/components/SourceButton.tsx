/** How sure a fact's source is (nothing when confirmed), and the button that opens the source of a fact in the state. */
import type { Basis } from '../../core/state';
import { isConfirmed } from '../../core/certainty';
import type { EventRow } from '../replay-protocol';

export const Certainty = ({ basis }: { basis: Pick<Basis, 'certainty'> }) => (isConfirmed(basis.certainty) ? null : <span className={`badge ${basis.certainty}`}>{basis.certainty}</span>);

/**
 * An event's own badges, wherever a list shows it (the events list, Compare's "in between"): how sure
 * its source is, and whether the fact shown is a correction's. A rumour listed bare reads as a fact.
 */
export const RowBadges = ({ row }: { row: EventRow }) => {
  const certainty = (row.data as { certainty?: Basis['certainty'] }).certainty;
  return (
    <>
      {certainty && <Certainty basis={{ certainty }} />}
      {row.correction && <span className="badge corrected">corrected</span>}
    </>
  );
};

/** Where a stint's ending comes from: the event that ended it, and how sure that was (not the start's `certainty`). */
export const endingOf = (ended: { endEventId: string; endCertainty: Basis['certainty'] }): Basis => ({ eventId: ended.endEventId, certainty: ended.endCertainty });

export const Source = ({ basis, what, onShow }: { basis: Basis; what: string; onShow(id: string): void }) => (
  <button className="link" onClick={() => onShow(basis.eventId)} aria-label={`Source for ${what}`} title="Show the source: quote, document, link and certainty">
    source
  </button>
);
