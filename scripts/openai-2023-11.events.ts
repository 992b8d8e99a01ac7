/**
 * The OpenAI leadership crisis of 17-22 November 2023, as the two seed articles tell it, plus a
 * baseline from public record. Each batch is stamped with the time a careful newsroom would have
 * recorded it, so "as known at" shows how the story unfolded. Times are US Pacific; an event known
 * only to the day has day precision, and its instant only orders it within that day.
 */
import type { EventDraftInput } from '../src/core/event';

const A000 = { document: 'seeds/000_d11f14f702c4f637.txt', title: 'OpenAI co-founder Ilya Sutskever has expressed "deep regret" for Sam Altman\'s dismissal' };
const A003 = { document: 'seeds/003_71c1a3252cbc4a48.txt', title: 'Sam Altman is back as CEO of OpenAI (NDTV)' };
const BLOG = {
  document: 'OpenAI announces leadership transition (OpenAI blog, 17 November 2023)',
  url: 'https://openai.com/blog/openai-announces-leadership-transition',
};

const cite = (source: typeof A000 | typeof A003 | typeof BLOG, quote: string) => ({ ...source, quote });
const P = {
  altman: { id: 'sam-altman', name: 'Sam Altman' },
  brockman: { id: 'greg-brockman', name: 'Greg Brockman' },
  murati: { id: 'mira-murati', name: 'Mira Murati' },
  sutskever: { id: 'ilya-sutskever', name: 'Ilya Sutskever' },
  dangelo: { id: 'adam-dangelo', name: "Adam D'Angelo" },
  mccauley: { id: 'tasha-mccauley', name: 'Tasha McCauley' },
  toner: { id: 'helen-toner', name: 'Helen Toner' },
  shear: { id: 'emmett-shear', name: 'Emmett Shear' },
  makanju: { id: 'anna-makanju', name: 'Anna Makanju' },
};

type Timing = { time: string; timeprecision: 'month' | 'day' | 'hour' };
const day = (date: string, clock = '12:00'): Timing => ({ time: `${date}T${clock}:00-08:00`, timeprecision: 'day' });
const hour = (date: string, clock: string): Timing => ({ time: `${date}T${clock}:00-08:00`, timeprecision: 'hour' });

let counter = 0;
const event = (timing: Timing, type: EventDraftInput['type'], data: Record<string, unknown>, certainty = 'confirmed'): EventDraftInput =>
  ({
    id: `openai-2023-11-${String(++counter).padStart(3, '0')}`,
    source: 'urn:incumbent:dataset:openai-2023-11',
    subject: 'openai',
    type,
    ...timing,
    timezone: 'America/Los_Angeles',
    data: type.startsWith('event.') ? data : { certainty, ...data },
  }) as EventDraftInput;

const BASELINE = day('2023-11-16', '00:00');
const BASELINE_NOTE = 'Baseline: in office on 16 November 2023 (start date not in the sources)';
const FIRING = hour('2023-11-17', '12:00');

export const batches: { recordedAt: string; events: EventDraftInput[] }[] = [
  {
    recordedAt: '2023-11-17T21:00:00Z',
    events: [
      event(BASELINE, 'company.registered', { name: 'OpenAI', citation: cite(A003, 'Sam Altman was fired as CEO of ChatGPT-maker OpenAI on Friday (File).') }),
      event(BASELINE, 'role.assumed', { person: P.altman, role: 'CEO', citation: { ...cite(A003, 'Sam Altman was fired as CEO of ChatGPT-maker OpenAI on Friday (File).'), title: BASELINE_NOTE } }),
      event(BASELINE, 'role.assumed', { person: P.brockman, role: 'President', citation: { ...cite(BLOG, 'As a part of this transition, Greg Brockman will be stepping down as chairman of the board and will remain in his role at the company, reporting to the CEO.'), title: BASELINE_NOTE } }),
      event({ time: '2022-05-01T00:00:00-07:00', timeprecision: 'month' }, 'role.assumed', { person: P.murati, role: 'CTO', citation: cite(A003, "Ms Murati, 34, had been the company's Chief Technology Officer from May last year.") }),
      event(BASELINE, 'role.assumed', { person: P.sutskever, role: 'Chief Scientist', citation: { ...cite(A000, "In a surprising turn of events, the renowned Chief Scientist of OpenAI is now expressing deep regret for Altman's ousting."), title: BASELINE_NOTE } }),
      ...[P.altman, P.brockman].map((person) =>
        event(BASELINE, 'board.joined', { person, citation: { ...cite(A000, 'The process through which you terminated Sam Altman and removed Greg Brockman from the board has jeopardized all of this work and undermined our mission and company'), title: BASELINE_NOTE } }),
      ),
      event(BASELINE, 'board.joined', { person: P.sutskever, citation: { ...cite(A000, 'Sutskever, who is a member of the board has recently been accused of coordinating the boardroom coup against Altman.'), title: BASELINE_NOTE } }),
      ...[P.dangelo, P.mccauley, P.toner].map((person) =>
        event(BASELINE, 'board.joined', {
          person,
          independent: true,
          citation: { ...cite(BLOG, "OpenAI's board of directors consists of OpenAI chief scientist Ilya Sutskever, independent directors Quora CEO Adam D'Angelo, technology entrepreneur Tasha McCauley, and Georgetown Center for Security and Emerging Technology's Helen Toner."), title: BASELINE_NOTE },
        }),
      ),
      event(BASELINE, 'board.chair.assumed', { person: P.brockman, citation: { ...cite(BLOG, 'As a part of this transition, Greg Brockman will be stepping down as chairman of the board and will remain in his role at the company, reporting to the CEO.'), title: BASELINE_NOTE } }),
      event(FIRING, 'role.vacated', { person: P.altman, role: 'CEO', cause: 'fired', replacedBy: 'mira-murati', citation: cite(A003, 'This entire saga erupted after Sam Altman was fired by the Open AI board on Friday.') }),
      event(FIRING, 'board.left', { person: P.altman, cause: 'removed', citation: cite(A000, 'It is worth noting that the organisation removed Altman from his CEO role citing a lack of "consistency in communication".') }),
      event(FIRING, 'role.assumed', { person: P.murati, role: 'CEO', interim: true, replaces: 'sam-altman', citation: cite(A003, 'Following its sacking of Mr Altman, the OpenAI board installed Mira Murati as interim CEO.') }),
      event(FIRING, 'board.chair.vacated', { person: P.brockman, cause: 'removed', citation: cite(BLOG, 'As a part of this transition, Greg Brockman will be stepping down as chairman of the board and will remain in his role at the company, reporting to the CEO.') }),
      event(FIRING, 'board.left', { person: P.brockman, cause: 'removed', citation: cite(A000, 'The process through which you terminated Sam Altman and removed Greg Brockman from the board has jeopardized all of this work and undermined our mission and company') }),
    ],
  },
  {
    recordedAt: '2023-11-18T06:00:00Z',
    events: [
      event(day('2023-11-17', '18:00'), 'role.vacated', { person: P.brockman, role: 'President', cause: 'resigned', citation: cite(A000, "According to a report by Business Today, nearly 500 OpenAI employees threatened to resign unless the company's board brings Altman back as CEO and reinstates co-founder Greg Brockman.") }),
    ],
  },
  {
    recordedAt: '2023-11-19T02:00:00Z',
    events: [
      event(day('2023-11-18'), 'negotiation.opened', { item: 'altman-new-venture', parties: ['Sam Altman', 'Greg Brockman', 'Investors'], summary: 'A new venture by Sam Altman, to include Greg Brockman, pitched to investors', citation: cite(A003, 'The day after his sacking, Mr Altman reportedly told investors of plans to launch a new venture, which would include Mr Brockman.') }, 'reported'),
    ],
  },
  {
    recordedAt: '2023-11-20T08:00:00Z',
    events: [
      event(day('2023-11-19', '10:00'), 'negotiation.opened', { item: 'altman-reinstatement', parties: ['OpenAI board', 'Sam Altman', 'Investors'], summary: "Investors push the board to reinstate Sam Altman as CEO", citation: cite(A003, 'Sources said investors were pushing the board to reverse its decision, and had also approached the Microsoft, OpenAI\'s largest shareholder, to intervene on Mr Altman\'s behalf.') }, 'rumoured'),
      event(day('2023-11-19', '20:00'), 'pending.resolved', { item: 'altman-reinstatement', outcome: 'refused', summary: 'The board kept its decision', citation: cite(A000, "While OpenAI investors spared no effort to reinstate Altman as CEO, the company's board refused to change its decision.") }, 'reported'),
      event(day('2023-11-19', '21:00'), 'offer.made', { item: 'shear-interim-ceo', from: 'OpenAI board', to: 'Emmett Shear', summary: 'The role of interim CEO', citation: cite(A003, 'On Sunday, the board offered ex-Twitch CEO Emmett Shear the role of interim chief.') }),
      event(day('2023-11-19', '22:00'), 'pending.resolved', { item: 'shear-interim-ceo', outcome: 'accepted', citation: cite(A003, 'Mr Shear, who once referred to AI as "dangerous" and said "every technology can be misused", accepted the offer.') }),
      event(day('2023-11-19', '23:00'), 'role.assumed', { person: P.shear, role: 'CEO', interim: true, replaces: 'mira-murati', citation: cite(A000, 'In fact, the OpenAI board went on to appoint ex-Twitch boss Emmett Shear as interim CEO.') }),
    ],
  },
  {
    recordedAt: '2023-11-20T18:00:00Z',
    events: [
      event(day('2023-11-20', '01:00'), 'affiliation.started', { person: P.altman, organization: 'Microsoft', role: 'CEO of a new advanced AI research group', citation: cite(A000, 'In an X post, Microsoft Chief Executive Satya Nadella announced that Altman would become CEO of a new research group inside Microsoft.') }),
      event(day('2023-11-20', '06:00'), 'statement.made', { person: P.sutskever, medium: 'X', text: "I deeply regret my participation in the board's actions. I never intended to harm OpenAI. I love everything we've built together and I will do everything I can to reunite the company.", citation: cite(A000, 'Taking to X (formerly Twitter), Sutskever said he regrets his involvement in the decision to oust Altman as CEO.') }),
      event(day('2023-11-20', '09:00'), 'petition.reported', { petition: 'staff-letter', title: 'Staff letter to the board', demands: ['Bring back Sam Altman as CEO', 'Reinstate Greg Brockman', 'The board resigns'], signatories: 500, citation: cite(A000, "According to a report by Business Today, nearly 500 OpenAI employees threatened to resign unless the company's board brings Altman back as CEO and reinstates co-founder Greg Brockman.") }, 'reported'),
      event(day('2023-11-20', '10:00'), 'offer.made', { item: 'microsoft-jobs', from: 'Microsoft (Kevin Scott, CTO)', to: 'OpenAI staff who quit or threaten to', summary: 'Jobs at Microsoft for OpenAI researchers and other workers', citation: cite(A000, "Amid the turmoil at OpenAI, Microsoft CTO Kevin Scott offered job invitations to OpenAI researchers and other workers who have quit or threatened to resign in the wake of Altman's dismissal.") }),
    ],
  },
  {
    recordedAt: '2023-11-21T08:00:00Z',
    events: [
      event(day('2023-11-20', '09:00'), 'event.corrected', { target: 'openai-2023-11-027', reason: 'The letter itself gives 490 signatories, not "nearly 500"', citation: cite(A000, '"The process through which you terminated Sam Altman and removed Greg Brockman from the board has jeopardized all of this work and undermined our mission and company," 490 employees told OpenAI\'s Board of Directors.'), data: { certainty: 'confirmed', petition: 'staff-letter', title: 'Staff letter to the board', demands: ['Bring back Sam Altman as CEO', 'Reinstate Greg Brockman', 'The board resigns'], signatories: 490, citation: cite(A000, '"Your conduct has made it clear you did not have the competence to oversee OpenAI," OpenAI employees noted in the open letter.') } }),
      event(day('2023-11-20', '11:00'), 'offer.made', { item: 'salesforce-jobs', from: 'Salesforce (Marc Benioff, CEO)', to: 'Resigning OpenAI researchers', summary: 'Matching pay and OTE for any resigning OpenAI researcher', citation: cite(A003, 'In an impressive show of loyalty, most also refused lucrative offers from Salesforce, after CEO Marc Benioff said he would match pay and OTE (open trade equity) for any resigning OpenAI research.') }),
      event(day('2023-11-20', '12:00'), 'offer.made', { item: 'anthropic-ceo', from: 'OpenAI board', to: 'Dario Amodei (Anthropic)', summary: 'Replace Sam Altman as CEO, and potentially merge OpenAI and Anthropic', citation: cite(A003, "Also on Monday, Reuters reported OpenAI had approached rival Anthropic's CEO, Dario Amodei, about replacing Mr Altman and potentially merging the two AI start-ups.") }, 'reported'),
      event(day('2023-11-20', '13:00'), 'pending.resolved', { item: 'anthropic-ceo', outcome: 'refused', citation: cite(A003, 'The offer was refused.') }, 'reported'),
      event(day('2023-11-20', '20:00'), 'workforce.reported', { headcount: 770, citation: cite(A003, "Earlier on Monday night, almost all OpenAI staff - over 700 of around 770 - threatened to quit and follow Mr Altman to Microsoft.") }, 'reported'),
      event(day('2023-11-20', '20:00'), 'petition.reported', { petition: 'staff-letter', title: 'Staff letter to the board', demands: ['Bring back Sam Altman as CEO', 'Reinstate Greg Brockman', 'The board resigns'], signatories: 700, citation: cite(A003, "Earlier on Monday night, almost all OpenAI staff - over 700 of around 770 - threatened to quit and follow Mr Altman to Microsoft.") }, 'reported'),
      event(day('2023-11-20', '21:00'), 'pending.resolved', { item: 'salesforce-jobs', outcome: 'refused', summary: 'Most OpenAI staff refused', citation: cite(A003, 'In an impressive show of loyalty, most also refused lucrative offers from Salesforce, after CEO Marc Benioff said he would match pay and OTE (open trade equity) for any resigning OpenAI research.') }, 'reported'),
      event(day('2023-11-20', '22:00'), 'statement.made', { person: P.makanju, medium: 'Internal memo', text: 'OpenAI is in "intense discussions" to unify its divided staff; management is in touch with Sam Altman over a possible return.', citation: cite(A003, 'The memo, dated the night before, was from Anna Makanju, the Vice President of Global Affairs, and said company management was in touch with Mr Altman over a possible return.') }, 'reported'),
    ],
  },
  {
    recordedAt: '2023-11-21T20:00:00Z',
    events: [
      event(day('2023-11-21', '09:00'), 'negotiation.opened', { item: 'altman-return-talks', parties: ['OpenAI board', 'Sam Altman', 'Microsoft'], summary: "Talks on Sam Altman's return as CEO", citation: cite(A003, 'Speculation Mr Altman could make a sensational return to the artificial intelligence start-up - in truth, persistent since shortly after he was fired - broke Tuesday after Bloomberg News cited sources as saying both sides had opened talks.') }, 'reported'),
    ],
  },
  {
    recordedAt: '2023-11-22T08:00:00Z',
    events: [
      event(hour('2023-11-21', '22:00'), 'agreement.reached', { item: 'altman-return-agreement', inPrinciple: true, parties: ['OpenAI', 'Sam Altman'], summary: "Sam Altman to return as CEO with a new initial board of Bret Taylor (Chair), Larry Summers and Adam D'Angelo", resolves: ['altman-return-talks'], citation: cite(A003, 'In a post on X (formerly Twitter), the company said, "We have reached an agreement in principle for Sam to return to OpenAI as CEO with a new initial board of Bret Taylor (Chair), Larry Summers, and Adam D\'Angelo."') }),
      event(hour('2023-11-21', '23:00'), 'statement.made', { person: P.altman, medium: 'X', text: "I love OpenAI, and everything I've done over the past few days has been in service of keeping this team and its mission together. I'm looking forward to returning to OpenAI, and building on our strong partnership with Microsoft.", citation: cite(A003, 'Mr Altman confirmed the development, posting, "I love OpenAI, and everything I\'ve done over the past few days has been in service of keeping this team and its mission together.') }),
      event(hour('2023-11-21', '23:00'), 'statement.made', { person: P.shear, medium: 'X', text: 'Deeply pleased by this result.', citation: cite(A003, 'After news of Mr Altman\'s return, Mr Shear said he was "deeply pleased by this result".') }),
    ],
  },
];
