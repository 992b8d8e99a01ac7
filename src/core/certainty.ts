/**
 * The one rule for saying how sure a source is: a confirmed fact is said plainly; anything less
 * (reported, rumoured) is marked wherever it shows (the badge, the diagram, a seat's bar, a change
 * sentence), since a rumour drawn or said like a fact misleads. Kept here, free of the schema's
 * imports, so the page and the core share it.
 */
export const isConfirmed = (certainty: string | undefined): certainty is 'confirmed' => certainty === 'confirmed';
