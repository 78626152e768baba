import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import { shownMx } from '../support/chat-e2e-matrix.js';
import { type MatrixE2e, MX_PEOPLE, startMatrixE2e } from '../support/matrix-e2e.js';
import { waitForAsync } from '../support/wait.js';

const { ines } = MX_PEOPLE;
const SEND = '/_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}';

// The outbox on Matrix: a send whose answer never came back (the network dropped, the process died) may have been
// posted; it is sent again under the same transaction id, which the homeserver answers with the first event.
describe('Matrix outbox: exactly once after a send left unanswered', () => {
  let e2e: MatrixE2e;
  beforeAll(async () => {
    // A send left unanswered is looked into once this long has passed (the default 12 s would only slow the test).
    e2e = await startMatrixE2e('mx-outbox', { OUTBOX_IN_FLIGHT_MS: '1000' });
  });
  afterAll(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e.stop();
  });

  it('posts a reminder once though the homeserver stored it and its answer was lost', async () => {
    const room = await e2e.dm(ines);
    e2e.double.loseNextAnswer(SEND);
    await e2e.bot.cohorte.services.outbox.send({
      key: 'test:lost-answer',
      to: { kind: 'person', email: ines.email },
      message: textMessage(plain('Rappel : la session commence à 9:30.')),
    });
    const outbox = e2e.bot.cohorte.services.outbox;
    await waitForAsync(
      async () => (await outbox.statuses(['test:lost-answer']))[0]?.state === 'sent',
      15_000,
    );

    const posted = e2e.double.botEvents(room).filter((e) => e.txnId.startsWith('cohorte-out-'));
    expect(posted.map((e) => shownMx(e.event))).toEqual(['Rappel : la session commence à 9:30.']);
    const sends = e2e.double.callsTo('PUT', SEND).filter((c) => c.path.includes('cohorte-out-'));
    expect(sends.map((c) => c.status)).toEqual([0, 200]);
    expect(sends[0]?.path).toBe(sends[1]?.path);
    expect(await outbox.statuses(['test:lost-answer'])).toEqual([
      { state: 'sent', messageId: posted[0]?.event.event_id },
    ]);
  });
});
