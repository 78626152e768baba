import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createShellAdapter } from '../../src/chat/shell/shell-adapter.js';
import { plain, textMessage } from '../../src/core/message.js';

describe('the shell as the outbox sees it', () => {
  it('prints a post, then its edit under the same id', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const { sender } = createShellAdapter({
      locale: 'fr',
      timezone: 'Europe/Paris',
      input: new PassThrough(),
      output,
      as: 'claire.dubois@beta.gouv.fr',
    });
    const id = await sender.post('#eig-communaute', textMessage(plain('12 inscrits')));
    expect(await sender.update('#eig-communaute', [id], textMessage(plain('13 inscrits')))).toBe(1);
    expect(printed).toBe(`── #eig-communaute ──\n12 inscrits\n── #eig-communaute ✎ ${id} ──\n13 inscrits\n`);
  });
});
