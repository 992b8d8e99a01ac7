/**
 * The one rule for saying how sure a source is: a confirmed fact is said plainly; anything less
 * (reported, rumoured) is marked wherever it shows (the badge, the diagram, a seat's bar, a change
 * sentence), since a rumour drawn or said like a fact misleads. Kept here, free of the schema's
 * imports, so the page and the core share it.
 */
export const isConfirmed = (certainty: string | undefined): certainty is 'confirmed' => certainty === 'confirmed';

/** " (reported)" or " (rumoured)", to follow what a source is not sure of; nothing for a confirmed fact, or one that says nothing of it. */
export const howSure = (certainty: string | null | undefined): string => (certainty && !isConfirmed(certainty) ? ` (${certainty})` : '');
