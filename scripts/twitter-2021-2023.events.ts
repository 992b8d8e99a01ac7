/**
 * Twitter, November 2021 to June 2023: Parag Agrawal succeeds Jack Dorsey, Elon Musk's stake, offer
 * and signed merger agreement, his attempt to walk away, the closing and the purge that followed, and
 * Linda Yaccarino's arrival as CEO. Every quote is kept in data/sources/<slug>.txt (a `<url> | <title>`
 * line, a blank line, then the excerpt as retrieved), so the quotes are checked offline.
 *
 * Coverage starts on 29 November 2021: facts already true then are baselines ("in office as of"),
 * dated at 00:00 that day. Each batch is stamped with the time a careful newsroom would have recorded
 * it, never before its source was published, so "as known at" shows how the story unfolded. Times are
 * US Pacific (Twitter's headquarters); an event known only to the day has day precision, and its
 * instant only orders it within that day.
 */
import type { EventDraftInput } from '../src/core/event';

type Source = { document: string; title: string; url: string };
const press = (slug: string, url: string, title: string): Source => ({ document: `data/sources/${slug}.txt`, title, url });
const CNBCTV18 = press('cnbctv18-2021-11-29-agrawal-ceo', 'https://www.cnbctv18.com/technology/parag-agrawal-named-new-twitter-ceo-as-jack-dorsey-steps-down-11637802.htm', 'CNBC-TV18, 29 Nov 2021');
const NEWSMETER = press('newsmeter-2021-11-29-agrawal-successor', 'https://newsmeter.in/business/parag-agarwal-is-new-ceo-of-twitter-687040', 'NewsMeter, 29 Nov 2021');
const TELECOMPAPER = press('telecompaper-2021-11-29-taylor-chair', 'https://www.telecompaper.com/nieuws/twitter-ceo-jack-dorsey-to-step-down-with-immediate-effect-cto-to-take-over--1405876', 'Telecompaper, Nov 2021');
const PRAGATIVADI_SEAT = press('pragativadi-2022-04-11-musk-board-seat', 'https://pragativadi.com/elon-musk-decides-not-to-join-twitter-board-ceo-parag-agrawal/', 'Pragativadi, 11 Apr 2022');
const INDIATODAY = press('indiatoday-2022-04-14-musk-offer', 'https://www.indiatoday.in/technology/news/story/elon-musk-offers-to-buy-twitter-1937446-2022-04-14', 'India Today, 14 Apr 2022');
const MACRUMORS = press('macrumors-2022-04-25-twitter-accepts', 'https://www.macrumors.com/2022/04/25/elon-musk-purchasing-twitter/', 'MacRumors, 25 Apr 2022');
const WEBPRONEWS = press('webpronews-2022-04-25-taylor-statement', 'https://www.webpronews.com/twitter-accepts-offer-elon-musk-will-be-new-owner/', 'WebProNews, 25 Apr 2022');
const QUINT = press('thequint-2022-04-28-gadde', 'https://www.thequint.com/us-nri-news/indian-american-general-counsel-twitter-online-abuse-musk-tweet', 'The Quint, 28 Apr 2022');
const CNET = press('cnet-2022-05-25-dorsey-leaves-board', 'https://www.cnet.com/tech/tech-industry/jack-dorsey-leaves-twitters-board-of-directors/', 'CNET, 25 May 2022');
const SOMAG = press('somagnews-2022-07-09-musk-terminates', 'https://www.somagnews.com/elon-musk-abandons-44-billion-deal-to-buy-twitter-after-initially-shelving-plans/', 'SomagNews, 9 Jul 2022');
const PULSE = press('pulse-2022-07-taylor-legal-action', 'https://www.pulse.com.gh/news/local/elon-musk-doesnt-want-to-buy-twitter-for-dollar44-billion-report/je4rcps', 'Pulse Ghana, Jul 2022');
const NEWSBREAK = press('newsbreak-2022-10-04-musk-proceeds', 'https://www.newsbreak.com/news/2772588221807/elon-musk-confirms-he-plans-to-buy-twitter-for-44b', 'NewsBreak, 4 Oct 2022');
const MWL = press('mobileworldlive-2022-10-27-musk-visits-hq', 'https://www.mobileworldlive.com/featured-content/top-three/musk-visits-twitter-headquarters-ahead-of-deal-closure/', 'Mobile World Live, 27 Oct 2022');
const DAILYTIMES = press('dailytimes-2022-10-musk-fires-agrawal', 'https://dailytimes.com.pk/1019303/elon-musk-fires-twitter-ceo-parag-agrawal/', 'Elon Musk Fires Twitter CEO Parag Agrawal (Daily Times, Oct 2022)');
const LOKMAT = press('lokmattimes-2022-10-28-executives-fired', 'https://www.lokmattimes.com/technology/elon-musk-likely-to-takeover-as-twitter-ceo-after-parag-agarwals-ouster-a475/', 'Lokmat Times, 28 Oct 2022');
const INSIDEEVS = press('insideevs-2022-04-x-holdings', 'https://insideevs.com/news/582339/twitter-merger-elon-musk-x-holdings-october24/', 'InsideEVs, Apr 2022');
const CANNON = press('cannonpost-2022-11-sole-director', 'https://cannonpost.com/twitter-board-dissolved-elon-musk-becomes-new-ceo/', 'Cannon Post, Nov 2022');
const TECHCENTRAL = press('techcentral-2022-11-01-musk-ceo', 'https://techcentral.co.za/elon-musk-will-now-be-twitter-ceo-stretching-him-thin/216841/', 'TechCentral (Reuters), 1 Nov 2022');
const PRAGATIVADI_CEO = press('pragativadi-2023-05-12-new-ceo-hired', 'https://pragativadi.com/elon-musk-says-new-twitter-ceo-hired-rumours-say-its-linda-yaccarino/', 'Pragativadi, 12 May 2023');
const SLASHGEAR = press('slashgear-2023-06-twitter-new-ceo', 'https://www.slashgear.com/1306449/twitter-new-ceo-official/', 'Twitter Officially Has A New CEO (SlashGear, Jun 2023)');

const cite = (source: Source, quote: string) => ({ ...source, quote });
/** The same source, with a note on how the event reads it (a date inferred, a baseline). */
const noted = (source: Source, note: string, quote: string) => ({ ...source, title: `${source.title} - ${note}`, quote });

const P = {
  dorsey: { id: 'jack-dorsey', name: 'Jack Dorsey' },
  agrawal: { id: 'parag-agrawal', name: 'Parag Agrawal' },
  segal: { id: 'ned-segal', name: 'Ned Segal' },
  gadde: { id: 'vijaya-gadde', name: 'Vijaya Gadde' },
  taylor: { id: 'bret-taylor', name: 'Bret Taylor' },
  pichette: { id: 'patrick-pichette', name: 'Patrick Pichette' },
  musk: { id: 'elon-musk', name: 'Elon Musk' },
  yaccarino: { id: 'linda-yaccarino', name: 'Linda Yaccarino' },
};
/** Directors named in the 31 Oct 2022 filing beside Taylor, Agrawal and Pichette. */
const OTHER_DIRECTORS = [
  { id: 'omid-kordestani', name: 'Omid Kordestani' },
  { id: 'david-rosenblatt', name: 'David Rosenblatt' },
  { id: 'martha-lane-fox', name: 'Martha Lane Fox' },
  { id: 'egon-durban', name: 'Egon Durban' },
  { id: 'fei-fei-li', name: 'Fei-Fei Li' },
  { id: 'mimi-alemayehou', name: 'Mimi Alemayehou' },
];

type Timing = { time: string; timeprecision: 'day' | 'hour' };
/** Pacific time: PST (-08:00) in the winter of 2021, PDT (-07:00) for every later date used here. */
const offsetOf = (date: string) => (date < '2022-03-13' ? '-08:00' : '-07:00');
const day = (date: string, clock = '12:00'): Timing => ({ time: `${date}T${clock}:00${offsetOf(date)}`, timeprecision: 'day' });

/** Where the log's coverage starts: facts already true then are baselines ("in office as of"), not changes. */
const BASELINE = day('2021-11-29', '00:00');
const BASELINE_NOTE = 'Baseline: in office as of 29 November 2021, when this log starts';

let counter = 0;
const event = (timing: Timing, type: EventDraftInput['type'], data: Record<string, unknown>, certainty = 'confirmed'): EventDraftInput =>
  ({
    id: `twitter-${String(++counter).padStart(3, '0')}`,
    source: 'urn:incumbent:dataset:twitter-2021-2023',
    subject: 'twitter',
    type,
    ...timing,
    timezone: 'America/Los_Angeles',
    data: type.startsWith('event.') ? data : { certainty, ...(timing === BASELINE ? { baseline: true } : {}), ...data },
  }) as EventDraftInput;

const HANDOVER = day('2021-11-29', '09:00');
const CLOSING = day('2022-10-27', '18:00');
const YACCARINO = day('2023-06-05', '09:00');

const STEP_DOWN = 'Twitter Inc on Monday said Jack Dorsey has decided to step down as chief executive officer and that the board of directors has unanimously appointed Parag Agrawal as CEO and a member of the board, effective immediately.';
const CHAIR = 'Bret Taylor was named the new chairman of the board, succeeding Patrick Pichette who will remain on the Board and continue to serve as chair of the Audit Committee.';
const FIRED = 'Musk terminated Twitter Chief Executive Parag Agrawal, Chief Financial Officer Ned Segal and legal affairs and policy chief Vijaya Gadde, according to people familiar with the matter.';
const EXEC_CHAIR = 'Musk himself will assume the role of executive chairman and chief technology officer, "overseeing product, software & sysops."';

/** The control change, which a later correction refines. */
let control: EventDraftInput;

export const LOG = { title: 'Twitter leadership and the Musk takeover, 2021-2023', id: 'twitter-2021-2023', company: { id: 'twitter', name: 'Twitter' } };

export const batches: { recordedAt: string; events: EventDraftInput[] }[] = [
  {
    recordedAt: '2021-11-29T22:00:00Z',
    events: [
      event(BASELINE, 'company.registered', { name: 'Twitter', citation: cite(CNBCTV18, STEP_DOWN) }),
      event(BASELINE, 'role.assumed', { person: P.dorsey, role: 'CEO', citation: noted(CNBCTV18, BASELINE_NOTE, STEP_DOWN) }),
      event(BASELINE, 'role.assumed', { person: P.agrawal, role: 'CTO', citation: noted(CNBCTV18, `${BASELINE_NOTE} (CTO since 2017)`, 'Agrawal has been with Twitter for more than a decade and has served as chief technology officer since 2017.') }),
      event(BASELINE, 'board.joined', { person: P.dorsey, citation: noted(CNBCTV18, BASELINE_NOTE, 'Dorsey will remain a member of the Board until his term expires at the 2022 meeting of stockholders.') }),
      event(BASELINE, 'board.joined', { person: P.pichette, citation: noted(CNBCTV18, BASELINE_NOTE, CHAIR) }),
      event(BASELINE, 'board.joined', { person: P.taylor, independent: true, citation: noted(TELECOMPAPER, BASELINE_NOTE, 'At the same time, the Salesforce executive and existing Twitter board member Bret Taylor becomes the new independent chairman of the company.') }),
      event(BASELINE, 'board.chair.assumed', { person: P.pichette, citation: noted(CNBCTV18, BASELINE_NOTE, CHAIR) }),
      event(HANDOVER, 'role.vacated', { person: P.dorsey, role: 'CEO', cause: 'resigned', replacedBy: 'parag-agrawal', citation: cite(CNBCTV18, STEP_DOWN) }),
      event(HANDOVER, 'role.vacated', { person: P.agrawal, role: 'Chief Technology Officer', cause: 'promoted', citation: cite(NEWSMETER, 'Twitter CEO Jack Dorsey on Monday stepped down and named chief technology officer (CTO) Parag Agarwal as his successor.') }),
      event(HANDOVER, 'role.assumed', { person: P.agrawal, role: 'CEO', replaces: 'jack-dorsey', citation: cite(CNBCTV18, STEP_DOWN) }),
      event(HANDOVER, 'board.joined', { person: P.agrawal, independent: false, citation: cite(CNBCTV18, STEP_DOWN) }),
      event(HANDOVER, 'board.chair.assumed', { person: P.taylor, citation: cite(CNBCTV18, CHAIR) }),
      event(HANDOVER, 'statement.made', { person: P.dorsey, medium: 'Statement released by Twitter', text: 'I’ve decided to leave Twitter because I believe the company is ready to move on from its founders.', citation: cite(CNBCTV18, '“I’ve decided to leave Twitter because I believe the company is ready to move on from its founders.') }),
    ],
  },
  {
    // Known from Agrawal's note of 10/11 April, which tells both the offer and its refusal.
    recordedAt: '2022-04-11T16:00:00Z',
    events: [
      event(day('2022-04-05'), 'offer.made', { item: 'musk-board-seat', from: 'Twitter board', to: 'Elon Musk', summary: 'A seat on the board, contingent on a background check and formal acceptance', citation: noted(PRAGATIVADI_SEAT, "Agrawal's note; 'Tuesday' is 5 April 2022", 'We announced on Tuesday that Elon would be appointed to the Board contingent on a background check and formal acceptance') }),
      event(day('2022-04-09', '09:00'), 'pending.resolved', { item: 'musk-board-seat', outcome: 'refused', summary: 'Musk said he would no longer join the board', citation: cite(PRAGATIVADI_SEAT, 'Elon’s appointment to the board was to become officially effective 4/9, but Elon shared that same morning that he will no longer be joining the board.') }),
    ],
  },
  {
    recordedAt: '2022-04-14T18:00:00Z',
    events: [
      event(day('2022-04-14', '06:00'), 'offer.made', { item: 'musk-takeover-offer', from: 'Elon Musk', to: 'Twitter board', summary: '$54.20 per share in cash for 100% of Twitter, to take it private (his "best and final offer")', citation: cite(INDIATODAY, 'Tesla CEO Elon Musk has offered to buy 100 percent of Twitter for $54.20 per share in cash.') }),
    ],
  },
  {
    recordedAt: '2022-04-25T23:00:00Z',
    events: [
      event(day('2022-04-25'), 'agreement.reached', { item: 'musk-merger-agreement', inPrinciple: false, signed: true, parties: ['Twitter', 'Elon Musk'], summary: 'Merger agreement: Musk buys Twitter for $54.20 per share in cash (about $44 billion) and takes it private; pending until it closes', resolves: ['musk-takeover-offer'], citation: cite(MACRUMORS, "Twitter has agreed to Tesla CEO Elon Musk's offer to buy the company for $44 billion, Twitter announced today.") }),
      event(day('2022-04-25', '13:00'), 'statement.made', { person: P.taylor, medium: 'Twitter announcement', text: 'The Twitter Board conducted a thoughtful and comprehensive process to assess Elon’s proposal with a deliberate focus on value, certainty, and financing. The proposed transaction will deliver a substantial cash premium, and we believe it is the best path forward for Twitter’s stockholders.', citation: cite(WEBPRONEWS, '“The Twitter Board conducted a thoughtful and comprehensive process to assess Elon’s proposal with a deliberate focus on value, certainty, and financing,” said Bret Taylor, Twitter’s Independent Board Chair.') }),
    ],
  },
  {
    recordedAt: '2022-04-28T18:00:00Z',
    events: [
      event(BASELINE, 'role.assumed', { person: P.gadde, role: 'Chief Legal Officer', citation: noted(QUINT, `${BASELINE_NOTE} (this source is of April 2022)`, 'Indian-American Vijaya Gadde, who is the chief legal officer and general counsel of Twitter') }, 'reported'),
    ],
  },
  {
    recordedAt: '2022-05-25T23:00:00Z',
    events: [
      event(day('2022-05-25'), 'board.left', { person: P.dorsey, cause: 'term-ended', citation: cite(CNET, "Dorsey's planned departure comes as his term on the board expires as the company holds its 2022 shareholders meeting.") }, 'reported'),
    ],
  },
  {
    recordedAt: '2022-07-09T18:00:00Z',
    events: [
      event(day('2022-07-08', '13:00'), 'dispute.opened', { item: 'musk-termination', parties: ['Elon Musk', 'Twitter'], summary: "Musk's lawyers notify Twitter that he is terminating the merger agreement, alleging false and misleading statements", citation: cite(SOMAG, 'In addition to revoking its merger agreement, Musk’s legal team said Twitter “substantially violated several provisions” after making false and misleading statements about the state of its business, according to a letter released by the SEC.') }, 'reported'),
      event(day('2022-07-08', '16:00'), 'statement.made', { person: P.taylor, medium: 'Twitter', text: 'The Twitter Board is committed to closing the transaction on the price and terms agreed upon with Mr. Musk and plans to pursue legal action to enforce the merger agreement. We are confident we will prevail in the Delaware Court of Chancery.', citation: cite(PULSE, 'The Twitter Board is committed to closing the transaction on the price and terms agreed upon with Mr. Musk and plans to pursue legal action to enforce the merger agreement. We are confident we will prevail in the Delaware Court of Chancery.') }),
    ],
  },
  {
    recordedAt: '2022-10-04T20:00:00Z',
    events: [
      event(day('2022-10-03'), 'pending.resolved', { item: 'musk-termination', outcome: 'withdrawn', summary: 'Musk notifies Twitter that he intends to proceed to closing of the 25 April merger agreement', citation: noted(NEWSBREAK, "'Monday' is 3 October 2022", 'According to an SEC filing, Musk’s team sent a letter to Twitter Monday saying that the Tesla CEO intends to “proceed to closing of the transaction contemplated by the April 25, 2022 Merger Agreement, on the terms and subject to the conditions set forth therein.”') }),
    ],
  },
  {
    recordedAt: '2022-10-28T16:00:00Z',
    events: [
      event(day('2022-10-27', '09:00'), 'workforce.reported', { headcount: 7500, citation: cite(MWL, 'Bloomberg previously reported he planned to cut 75 per cent of the workforce, which is about 7,500 employees') }, 'reported'),
      event(BASELINE, 'role.assumed', { person: P.segal, role: 'CFO', citation: noted(DAILYTIMES, `${BASELINE_NOTE} (joined in 2017; this source is of October 2022)`, 'Chief Financial Officer Ned Segal, who joined Twitter in 2017') }, 'reported'),
      event(CLOSING, 'pending.resolved', { item: 'musk-merger-agreement', outcome: 'closed', summary: 'Musk completed his $44 billion acquisition of Twitter', citation: cite(DAILYTIMES, 'According to people familiar with the matter, Elon Musk completed his $44 billion acquisition of Twitter Inc., putting the world’s richest man in charge of the struggling social network after six months of public and legal wrangling over the deal.') }, 'reported'),
      (control = event(CLOSING, 'control.changed', { controller: 'Elon Musk', kind: 'taken-private', summary: 'Twitter now operates as a private company; shareholders receive $54.20 per share', citation: cite(DAILYTIMES, 'That deadline was met, and now Musk, the CEO of both Tesla Inc. and SpaceX, also controls Twitter') }, 'reported')),
      event(CLOSING, 'role.vacated', { person: P.agrawal, role: 'CEO', cause: 'fired', citation: cite(LOKMAT, FIRED) }, 'reported'),
      event(CLOSING, 'role.vacated', { person: P.segal, role: 'Chief Financial Officer', cause: 'fired', citation: cite(LOKMAT, FIRED) }, 'reported'),
      event(CLOSING, 'role.vacated', { person: P.gadde, role: 'Chief Legal Officer', cause: 'fired', citation: cite(LOKMAT, FIRED) }, 'reported'),
    ],
  },
  {
    // The filings of Monday 31 October: the board dissolved on the 27th, Musk as CEO.
    recordedAt: '2022-11-01T16:00:00Z',
    events: [
      ...OTHER_DIRECTORS.map((person) =>
        event(BASELINE, 'board.joined', { person, citation: noted(TECHCENTRAL, 'Baseline: a director before the merger per the 31 Oct 2022 filing; that the seat was already held on 29 Nov 2021 is inferred, not in this source', 'The following persons, who were directors of Twitter prior to the effective time of the merger, are no longer directors of Twitter: Bret Taylor, Parag Agrawal, Omid Kordestani, David Rosenblatt, Martha Lane Fox, Patrick Pichette, Egon Durban, Fei-Fei Li and Mimi Alemayehou') }, 'reported'),
      ),
      event(CLOSING, 'board.reconstituted', { members: [P.musk], cause: 'removed', citation: cite(CANNON, 'Musk stated in the documents that the “consummation of the merger” occurred on October 27, after which he “became the sole director of Twitter.”') }),
      event(day('2022-10-31'), 'role.assumed', { person: P.musk, role: 'CEO', replaces: 'parag-agrawal', citation: cite(TECHCENTRAL, 'Tesla boss Elon Musk said on Monday he will serve as CEO of Twitter, the social media company he just bought for US$44-billion') }),
      // A refinement, not an error: the April 8-K names Musk's parent company for the merger.
      event(day('2022-11-01', '09:00'), 'event.corrected', {
        target: control.id!,
        reason: 'Name the controlling company: the merger agreement makes X Holdings I, Inc. (Musk) the parent',
        citation: cite(INSIDEEVS, 'The document lists the merger between Twitter and Musk\'s parent company "X Holdings I, Inc.,” as well as the subsidiary “X Holdings II, Inc.”.'),
        data: { certainty: 'reported', controller: 'X Holdings I, Inc. (Elon Musk)', kind: 'taken-private', summary: 'Twitter now operates as a private company; shareholders receive $54.20 per share', citation: cite(DAILYTIMES, 'That deadline was met, and now Musk, the CEO of both Tesla Inc. and SpaceX, also controls Twitter') },
      }),
    ],
  },
  {
    recordedAt: '2023-05-12T16:00:00Z',
    events: [
      event(day('2023-05-11', '13:00'), 'statement.made', { person: P.musk, medium: 'Twitter', text: 'Excited to announce that I’ve hired a new CEO for X/Twitter. She will be starting in ~6 weeks! My role will transition to being exec chair & CTO, overseeing product, software & sysops', citation: noted(PRAGATIVADI_CEO, "posted on 11 May US time; the article of 12 May says 'hours ago'", '“Excited to announce that I’ve hired a new CEO for X/Twitter. She will be starting in ~6 weeks! My role will transition to being exec chair & CTO, overseeing product, software & sysops”, Musk had announced hours ago.') }),
    ],
  },
  {
    recordedAt: '2023-06-06T16:00:00Z',
    events: [
      event(YACCARINO, 'role.assumed', { person: P.yaccarino, role: 'CEO', replaces: 'elon-musk', citation: noted(SLASHGEAR, "'Monday' is 5 June 2023", "According to a recent tweet, Twitter's new CEO Linda Yaccarino officially took the reins at the social media giant on Monday") }, 'reported'),
      event(YACCARINO, 'board.chair.assumed', { person: P.musk, executive: true, citation: cite(SLASHGEAR, EXEC_CHAIR) }, 'reported'),
      event(YACCARINO, 'role.assumed', { person: P.musk, role: 'CTO', citation: cite(SLASHGEAR, EXEC_CHAIR) }, 'reported'),
    ],
  },
];
