/** A second company for the starter log, in another zone than OpenAI's: Acme, in Asia/Tokyo (JSON Lines to import). */
const acmeEvent = (id: string, time: string, data: object) =>
  JSON.stringify({ id, subject: 'acme', time, timeprecision: 'minute', timezone: 'Asia/Tokyo', ...data });
export const ACME = [
  acmeEvent('acme-ceo', '2024-04-01T09:00:00+09:00', { type: 'role.assumed', data: { certainty: 'confirmed', citation: { document: 'Acme press release, 1 April 2024', quote: 'Hanako Sato becomes CEO.' }, person: { id: 'hanako-sato', name: 'Hanako Sato' }, role: 'CEO', interim: false, acting: false } }),
  acmeEvent('acme-board', '2024-04-02T10:00:00+09:00', { type: 'board.joined', data: { certainty: 'confirmed', citation: { document: 'Acme press release, 2 April 2024', quote: 'Taro Yamada joins the board.' }, person: { id: 'taro-yamada', name: 'Taro Yamada' }, independent: true } }),
].join('\n');
