import { loadShippedPacks } from '@hourglass/policy';
import { describe, expect, it } from 'vitest';
import { checkChannel, chooseLanguage, type SupportOffer } from './channels.js';

const registry = await loadShippedPacks();
const latest = (pack: string): SupportOffer => registry.pack(pack).latest;

describe('checkChannel', () => {
  it('360dialog takes tickets only through the 360 Hub: its web form and API', () => {
    const dialog = latest('360dialog');
    expect(checkChannel(dialog, 'web')).toEqual({ ok: true, value: 'web' });
    expect(checkChannel(dialog, 'api')).toEqual({ ok: true, value: 'api' });
    expect(checkChannel(dialog, 'phone')).toMatchObject({
      ok: false,
      violation: {
        code: 'channel_not_offered',
        field: 'channel',
        message: 'This support policy takes tickets only through the web portal (web) or the API (api); "phone" is not one of them. Open the ticket through one of them instead.',
      },
    });
    expect(checkChannel(dialog, 'email').ok).toBe(false);
  });

  it('twilio takes every channel; exotel its chat (dashboard widget and WhatsApp), web and API', () => {
    for (const channel of ['web', 'api', 'email', 'phone', 'chat']) expect(checkChannel(latest('twilio'), channel).ok).toBe(true);
    expect(checkChannel(latest('exotel'), 'chat').ok).toBe(true);
    expect(checkChannel(latest('exotel'), 'phone').ok).toBe(false);
  });
});

describe('chooseLanguage', () => {
  const dialog = latest('360dialog');

  it('accepts a language the pack offers and refuses another, listing the languages there are', () => {
    expect(chooseLanguage(dialog, 'pt-BR', ['en'])).toEqual({ ok: true, value: 'pt-BR' });
    expect(chooseLanguage(dialog, 'fr', ['en'])).toMatchObject({
      ok: false,
      violation: {
        code: 'language_not_offered',
        field: 'language',
        message:
          'Support under this policy is offered in English (en), Brazilian Portuguese (pt-BR), German (de), Spanish (es) or Russian (ru); "fr" is not one of them. Choose one of en, pt-BR, de, es, ru.',
      },
    });
  });

  it('without a choice: the account’s first language the pack offers, else the pack’s primary', () => {
    expect(chooseLanguage(dialog, undefined, ['fr', 'de'])).toEqual({ ok: true, value: 'de' });
    expect(chooseLanguage(dialog, undefined, ['fr'])).toEqual({ ok: true, value: 'en' });
    expect(chooseLanguage(dialog, undefined, [])).toEqual({ ok: true, value: 'en' });
    expect(chooseLanguage(latest('exotel'), undefined, ['hi', 'en'])).toEqual({ ok: true, value: 'en' });
  });

  it('a pack that names no languages takes any', () => {
    const open: SupportOffer = { channels: ['web'], languages: [] };
    expect(chooseLanguage(open, 'fr', [])).toEqual({ ok: true, value: 'fr' });
    expect(chooseLanguage(open, undefined, ['ja'])).toEqual({ ok: true, value: 'ja' });
  });
});
