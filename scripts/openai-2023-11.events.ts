/**
 * The OpenAI leadership crisis of 17-29 November 2023: as the two seed articles tell it up to the
 * 21 November agreement in principle, then its resolution from press reports, plus a baseline from
 * public record. Each batch is stamped with the time a careful newsroom would have
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

/**
 * Press reports of the resolution (22-30 November 2023). The excerpt each event quotes is stored in
 * data/sources/<slug>.txt, whose first line gives the URL and the title, so the quotes can be
 * checked offline. Where the stored excerpt does not carry the headline, the title names only the
 * publication and the date (the URL still spells the headline).
 */
type Source = { document: string; title?: string; url?: string };
const press = (slug: string, url: string, title: string): Source => ({ document: `data/sources/${slug}.txt`, title, url });
const HANS = press('hansindia-2023-11-22-altman-returns', 'https://www.thehansindia.com/technology/tech-news/sam-altman-returns-as-ceo-of-openai-greg-brockman-also-joins-back-839613', 'The Hans India, 22 Nov 2023');
const TECHCENTRAL = press('techcentral-2023-11-22-fired-and-rehired', 'https://techcentral.co.za/fired-and-rehired-openai-sam-altman-ceo/235625/', 'TechCentral (Reuters), 22 Nov 2023');
const AXIOS = press('axios-2023-11-22-altman-return', 'https://www.axios.com/2023/11/22/sam-altman-return-open-ai', 'Axios, 22 Nov 2023');
const REUTERS = press('reuters-nasdaq-2023-11-29-microsoft-observer', 'https://www.nasdaq.com/articles/microsoft-to-take-non-voting-observer-position-on-openais-board', "Microsoft to take non-voting, observer position on OpenAI's board (Reuters, 29 Nov 2023)");
const CNBC = press('cnbc-2023-11-29-microsoft-board-seat', 'https://www.cnbc.com/2023/11/29/microsoft-secures-non-voting-board-seat-at-openai-.html', 'CNBC, 29 Nov 2023');
const HINDU = press('thehindu-2023-11-30-microsoft-observer', 'https://www.thehindu.com/sci-tech/technology/microsoft-take-non-voting-observer-position-openai-board/article67589535.ece/amp/', 'The Hindu (Reuters), 30 Nov 2023, 09:14 am IST');
const AIBUSINESS = press('aibusiness-2023-11-30-adulting-of-openai', 'https://aibusiness.com/nlp/the-adulting-of-openai-what-s-going-to-be-different', 'The Adulting of OpenAI: What’s Going to Be Different (AI Business, 30 Nov 2023)');
const BI = press('businessinsider-toner-resignation', 'https://www.businessinsider.in/tech/news/a-former-openai-board-member-says-sam-altmans-firing-wasnt-motivated-by-a-desire-to-slow-down-openais-work/articleshow/105610142.cms', "A former OpenAI board member says Sam Altman's firing wasn't 'motivated by a desire to slow down OpenAI's work' (Business Insider India, Nov 2023)");
const FASTCOMPANY = press('fastcompany-2023-11-altman-fired', 'https://www.fastcompany.co.za/business/sam-altman-has-been-fired-as-ceo-of-chatgpt-parent-company-openai-942bad2c-c1c6-4720-8398-45ad9a5e66b0', 'Sam Altman has been fired as CEO of ChatGPT parent company OpenAI (Fast Company, Nov 2023)');
const MINT = press('livemint-2023-11-18-brockman-account', 'https://www.livemint.com/technology/tech-news/sam-and-i-are-shocked-by-what-board-did-today-says-ex-openai-president-greg-brockman/amp-11700283204540.html', '‘Sam and I are shocked by what board did today’, says ex-OpenAI president Greg Brockman (Mint, 18 Nov 2023)');
const DECRYPT = press('decrypt-altman-retakes-helm', 'https://decrypt.co/208048/sam-altman-retakes-helm-at-openai-with-microsoft-on-the-board', 'Decrypt, late Nov 2023 (on the 29 Nov announcement)');

const cite = (source: Source, quote: string) => ({ ...source, quote });
/** The same source, with a note on how the event reads it (a disagreement between sources, a date inferred). */
const noted = (source: Source, note: string, quote: string) => ({ ...source, title: `${source.title} - ${note}`, quote });
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
  taylor: { id: 'bret-taylor', name: 'Bret Taylor' },
  summers: { id: 'larry-summers', name: 'Larry Summers' },
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
    data: type.startsWith('event.') ? data : { certainty, ...(timing === BASELINE ? { baseline: true } : {}), ...data },
  }) as EventDraftInput;

/** Where the log's coverage starts: facts already true then are baselines ("in office as of"), not changes. */
const BASELINE = day('2023-11-17', '00:00');
const BASELINE_NOTE = 'Baseline: in office as of 17 November 2023, when this log starts (start date not in the sources)';
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
      event(FIRING, 'role.vacated', { person: P.altman, role: 'CEO', cause: 'fired', replacedBy: 'mira-murati', citation: cite(MINT, 'Last night, Sam got a text from Ilya asking to talk at noon Friday. Sam joined a Google Meet and the whole board, except Greg, was there. Ilya told Sam he was being fired and that the news was going out very soon') }),
      event(FIRING, 'board.left', { person: P.altman, cause: 'removed', citation: noted(FASTCOMPANY, 'announced with the firing, at the hour Brockman gives (Mint, 18 Nov 2023)', 'Sam Altman, the CEO of OpenAI, the company behind ChatGPT, has been removed from his position and will leave the board of directors') }),
      event(FIRING, 'role.assumed', { person: P.murati, role: 'CEO', interim: true, replaces: 'sam-altman', citation: cite(A003, 'Following its sacking of Mr Altman, the OpenAI board installed Mira Murati as interim CEO.') }),
      event(FIRING, 'board.chair.vacated', { person: P.brockman, cause: 'removed', citation: cite(BLOG, 'As a part of this transition, Greg Brockman will be stepping down as chairman of the board and will remain in his role at the company, reporting to the CEO.') }),
      event(FIRING, 'board.left', { person: P.brockman, cause: 'removed', citation: cite(A000, 'The process through which you terminated Sam Altman and removed Greg Brockman from the board has jeopardized all of this work and undermined our mission and company') }),
    ],
  },
  {
    recordedAt: '2023-11-18T06:00:00Z',
    events: [
      event(day('2023-11-17', '18:00'), 'role.vacated', { person: P.brockman, role: 'President', cause: 'resigned', citation: cite(FASTCOMPANY, 'While the release stated that Greg Brockman, OpenAI\u2019s president, was stepping down as chairman of the board but would remain in his role at the company, he later announced that he was quitting altogether \u201cbased on today\u2019s news.\u201d') }),
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
      event(day('2023-11-21', '22:00'), 'agreement.reached', { item: 'altman-return-agreement', inPrinciple: true, parties: ['OpenAI', 'Sam Altman'], summary: "Sam Altman to return as CEO with a new initial board of Bret Taylor (Chair), Larry Summers and Adam D'Angelo", resolves: ['altman-return-talks'], citation: cite(A003, 'In a post on X (formerly Twitter), the company said, "We have reached an agreement in principle for Sam to return to OpenAI as CEO with a new initial board of Bret Taylor (Chair), Larry Summers, and Adam D\'Angelo."') }),
      event(day('2023-11-21', '23:00'), 'statement.made', { person: P.altman, medium: 'X', text: "I love OpenAI, and everything I've done over the past few days has been in service of keeping this team and its mission together. I'm looking forward to returning to OpenAI, and building on our strong partnership with Microsoft.", citation: cite(A003, 'Mr Altman confirmed the development, posting, "I love OpenAI, and everything I\'ve done over the past few days has been in service of keeping this team and its mission together.') }),
      event(day('2023-11-21', '23:00'), 'statement.made', { person: P.shear, medium: 'X', text: 'Deeply pleased by this result.', citation: cite(A003, 'After news of Mr Altman\'s return, Mr Shear said he was "deeply pleased by this result".') }),
    ],
  },
  // The resolution, from press reports of 22-30 November. Everything the 21 Nov deal set in motion
  // is dated from the 29 Nov announcement that made it official (day precision).
  {
    recordedAt: '2023-11-22T20:00:00Z',
    events: [
      event(day('2023-11-19', '23:30'), 'pending.resolved', { item: 'altman-new-venture', outcome: 'superseded', summary: 'On Sunday evening Sam Altman decided to join Microsoft instead', citation: noted(HANS, "Altman's post of 21/22 Nov dates his decision to 'sun evening' (19 Nov)", 'when i decided to join msft on sun evening, it was clear that was the best path for me and the team.') }, 'reported'),
      event(day('2023-11-21', '23:00'), 'affiliation.ended', { person: P.altman, organization: 'Microsoft', cause: 'declined', citation: noted(HANS, 'he returns to OpenAI rather than take up the Microsoft role', 'This means that he will not join Microsoft CEO Satya Nadella to lead his AI research team, as he previously announced.') }, 'reported'),
      event(day('2023-11-21', '23:30'), 'statement.made', { person: P.brockman, medium: 'X', text: 'Getting back to coding tonight.', citation: cite(TECHCENTRAL, 'Brockman, who had quit after Altman was ousted, said in a post on X that he was \u201cgetting back to coding tonight\u201d.') }),
    ],
  },
  {
    recordedAt: '2023-12-01T00:00:00Z',
    events: [
      event(day('2023-11-29', '09:00'), 'board.left', { person: P.mccauley, cause: 'other', citation: noted(AXIOS, 'said on 22 Nov she would leave; dated from the 29 Nov announcement of the new board; cause not given', 'With the move, independent directors Tasha McCauley and Helen Toner will leave the board, as will Ilya Sutskever, OpenAI\'s chief scientist.') }, 'reported'),
      event(day('2023-11-29', '09:00'), 'board.left', { person: P.toner, cause: 'resigned', citation: cite(BI, 'Toner, a director at Georgetown University\'s Center for Security and Emerging Technology, announced her resignation from the board on Wednesday.') }),
      event(day('2023-11-29', '09:00'), 'board.left', { person: P.sutskever, cause: 'resigned', citation: cite(AIBUSINESS, 'Sutskever, whose breakthrough research helped lead to the creation of ChatGPT, stepped down from the board when Altman returned.') }),
      ...[P.taylor, P.summers].map((person) =>
        event(day('2023-11-29', '10:00'), 'board.joined', { person, citation: noted(REUTERS, 'named in the 21 Nov deal in principle; this log seats them with the 29 Nov announcement', "The new initial board will consist of Bret Taylor, Larry Summers, and Adam D'Angelo, the company said in a blog post.") }),
      ),
      event(day('2023-11-29', '10:00'), 'board.chair.assumed', { person: P.taylor, citation: cite(CNBC, 'Taylor, who will lead the new board, said in a message posted on OpenAI\'s website that he was focused on "strengthening OpenAI\'s corporate governance."') }),
      event(day('2023-11-29', '11:00'), 'agreement.reached', { item: 'altman-return-agreement', inPrinciple: false, parties: ['OpenAI', 'Sam Altman'], summary: "Sam Altman's return as CEO made official, with the new initial board of Bret Taylor (Chair), Larry Summers and Adam D'Angelo", citation: cite(REUTERS, 'Microsoft will take a non-voting, observer position on OpenAI\'s board, OpenAI said on Wednesday, adding that Sam Altman has been officially reinstated as chief executive officer of the company.') }),
      event(day('2023-11-29', '11:00'), 'role.assumed', { person: P.altman, role: 'CEO', replaces: 'emmett-shear', citation: noted(REUTERS, "sources differ: 'reinstated four days later' (The Hindu) vs official 29 Nov, used here; ends Shear's stint", 'Microsoft will take a non-voting, observer position on OpenAI\'s board, OpenAI said on Wednesday, adding that Sam Altman has been officially reinstated as chief executive officer of the company.') }),
      event(day('2023-11-29', '11:00'), 'role.assumed', { person: P.brockman, role: 'President', citation: cite(HINDU, 'His co-founder Greg Brockman, who had followed Altman out of the company, would return as president, Altman said on Wednesday.') }),
      event(day('2023-11-29', '12:00'), 'statement.made', { person: P.altman, medium: 'Note to staff on the OpenAI website', text: 'Mira Murati returns to her role as CTO: "She is an incredible leader, and OpenAI would not be OpenAI without her."', citation: noted(DECRYPT, 'the log has kept her CTO seat open since May 2022', '\u201cShe is an incredible leader, and OpenAI would not be OpenAI without her. Thank you,\u201d Altman said, adding that Murati would return to her role as CTO.') }),
      event(day('2023-11-29', '12:00'), 'statement.made', { person: P.altman, medium: 'Note to staff on the OpenAI website', text: "We clearly made the right choice to partner with Microsoft and I'm excited that our new board will include them as a non-voting observer.", citation: noted(CNBC, 'a non-voting observer seat for Microsoft, which no event type records', '"We clearly made the right choice to partner with Microsoft and I\'m excited that our new board will include them as a non-voting observer," Altman said in a note to staff posted on OpenAI\'s website.') }),
      event(day('2023-11-29', '12:00'), 'pending.resolved', { item: 'microsoft-jobs', outcome: 'lapsed', summary: 'OpenAI lost no employee', citation: cite(CNBC, '"Now that we\'re through all of this, we didn\'t lose a single employee. You stood firm for each other, this company, and our mission," Altman wrote.') }),
    ],
  },
];
