/** Event kinds (a type's first segment), in legend order, with their labels. */
export const KINDS = ['role', 'board', 'affiliation', 'workforce', 'petition', 'offer', 'negotiation', 'agreement', 'pending', 'statement', 'company', 'event'] as const;
export const kindLabel: Record<string, string> = { role: 'Roles', board: 'Board', affiliation: 'Affiliations', workforce: 'Workforce', petition: 'Petitions', offer: 'Offers', negotiation: 'Negotiations', agreement: 'Agreements', pending: 'Resolutions', statement: 'Statements', company: 'Company', event: 'Corrections' };
