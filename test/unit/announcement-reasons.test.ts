import { describe, expect, it } from 'vitest';
import { reasonLabel } from '../../src/core/announcement/render.js';
import { type Locale, translate } from '../../src/core/i18n/index.js';
import { toPlainText } from '../../src/core/message.js';

const label = (reason: string, locale: Locale = 'fr') =>
  toPlainText(reasonLabel(reason, (key, params) => translate(locale, key, params)));

describe('why a copy failed, as the announcement report says it', () => {
  it('names the refusals people can act on, the raw code otherwise', () => {
    expect(label('channel_not_found')).toBe('canal introuvable');
    expect(label('msg_too_long')).toBe('erreur « msg_too_long »');
  });

  it('says that a copy Slack never confirmed may have arrived, and why it could not be checked', () => {
    expect(label('unconfirmed:channel_not_found')).toBe(
      'envoi non confirmé par la plateforme (canal introuvable) : la copie est peut-être arrivée, vérifiez avant de la renvoyer',
    );
    expect(label('unconfirmed:An HTTP protocol error occurred: statusCode = 503', 'en')).toBe(
      'sending not confirmed by the platform (error “An HTTP protocol error occurred: statusCode = 503”): the copy may have arrived, check before sending it again',
    );
  });
});
