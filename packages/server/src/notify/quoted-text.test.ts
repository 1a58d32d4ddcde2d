import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from './quoted-text.js';

/** A reply as a mail client writes it: the new text, then the client's own way of quoting the message answered. */
const reply = (fresh: string, quoted: string) => `${fresh}\n\n${quoted}\n> Hello, we need the webhook logs.\n> Thanks,\n> Support\n`;

describe('stripQuotedReply in the languages of the desk', () => {
  const cases: [string, string, string][] = [
    // Gmail
    ['Gmail, English', 'Here are the logs.', 'On Mon, Mar 2, 2026 at 9:00 AM Hourglass Support <support@desk.example.com> wrote:'],
    ['Gmail, German', 'Hier sind die Logs.', 'Am Mo., 2. März 2026 um 09:00 Uhr schrieb Hourglass Support <\nsupport@desk.example.com>:'],
    ['Gmail, Portuguese', 'Seguem os logs.', 'Em seg., 2 de mar. de 2026 às 09:00, Hourglass Support <\nsupport@desk.example.com> escreveu:'],
    ['Gmail, Spanish', 'Adjunto los registros.', 'El lun, 2 mar 2026 a las 9:00, Hourglass Support (<support@desk.example.com>)\nescribió:'],
    ['Gmail, Russian', 'Вот логи.', 'пн, 2 мар. 2026 г. в 09:00, Hourglass Support <support@desk.example.com>:'],
    // Thunderbird
    ['Thunderbird, German', 'Hier sind die Logs.', 'Am 02.03.26 um 09:00 schrieb Hourglass Support:'],
    ['Thunderbird, Portuguese', 'Seguem os logs.', 'Em 02/03/2026 09:00, Hourglass Support escreveu:'],
    ['Thunderbird, Spanish', 'Adjunto los registros.', 'El 2/3/26 a las 9:00, Hourglass Support escribió:'],
    ['Thunderbird, Russian', 'Вот логи.', '02.03.2026 09:00, Hourglass Support пишет:'],
    // Apple Mail
    ['Apple Mail, English', 'Here are the logs.', 'On 2 Mar 2026, at 09:00, Hourglass Support <support@desk.example.com> wrote:'],
    ['Apple Mail, German', 'Hier sind die Logs.', 'Am 02.03.2026 um 09:00 schrieb Hourglass Support <support@desk.example.com>:'],
    ['Apple Mail, Portuguese', 'Seguem os logs.', 'Em 2 de mar. de 2026, à(s) 09:00, Hourglass Support <support@desk.example.com> escreveu:'],
    ['Apple Mail, Spanish', 'Adjunto los registros.', 'El 2 mar 2026, a las 9:00, Hourglass Support <support@desk.example.com> escribió:'],
    ['Apple Mail, Russian', 'Вот логи.', '2 марта 2026 г., в 09:00, Hourglass Support <support@desk.example.com> написал(а):'],
    ['Mail.ru, Russian', 'Вот логи.', 'Понедельник, 2 марта 2026, 9:00 +03:00 от Hourglass Support <support@desk.example.com>:\nHourglass Support написал:'],
  ];

  it.each(cases)('%s: keeps only the new text', (_client, fresh, quoted) => {
    expect(stripQuotedReply(reply(fresh, quoted))).toBe(fresh);
  });

  const outlook: [string, string, string][] = [
    ['English', 'Here are the logs.', 'From: Hourglass Support <support@desk.example.com>\nSent: Monday, March 2, 2026 9:00 AM\nTo: Ada Lovelace <ada@example.com>\nSubject: RE: [#42] Webhook retries'],
    ['German', 'Hier sind die Logs.', 'Von: Hourglass Support <support@desk.example.com>\nGesendet: Montag, 2. März 2026 09:00\nAn: Frieda Lang <frieda@elmtree-retail.example>\nBetreff: AW: [#42] Webhook-Wiederholungen'],
    ['Portuguese', 'Seguem os logs.', 'De: Hourglass Support <support@desk.example.com>\nEnviado: segunda-feira, 2 de março de 2026 09:00\nPara: Gabriel Nunes <gabriel@fjordline-travel.example>\nAssunto: RES: [#42] Reenvio de webhooks'],
    ['Spanish', 'Adjunto los registros.', 'De: Hourglass Support <support@desk.example.com>\nEnviado el: lunes, 2 de marzo de 2026 9:00\nPara: Ana Ruiz <ana@example.com>\nAsunto: RE: [#42] Reintentos de webhooks'],
    ['Russian', 'Вот логи.', 'От: Hourglass Support <support@desk.example.com>\nОтправлено: 2 марта 2026 г. 9:00\nКому: Hanna Orlova <hanna@granite-telecom.example>\nТема: RE: [#42] Повторы вебхуков'],
    ['German, new Outlook in bold', 'Hier sind die Logs.', '________________________________\n*Von:* Hourglass Support <support@desk.example.com>\n*Gesendet:* Montag, 2. März 2026 09:00'],
    ['Portuguese, new Outlook', 'Seguem os logs.', 'De: Hourglass Support <support@desk.example.com>\nData: segunda-feira, 2 de março de 2026 às 09:00\nPara: Gabriel Nunes'],
  ];

  it.each(outlook)('Outlook, %s: drops the header block of the message answered and what follows', (_language, fresh, headers) => {
    expect(stripQuotedReply(`${fresh}\n\n${headers}\n\nHello, we need the webhook logs.`)).toBe(fresh);
  });

  it.each([
    ['German', 'Erledigt.', '-----Ursprüngliche Nachricht-----'],
    ['Portuguese', 'Feito.', '-----Mensagem original-----'],
    ['Spanish', 'Hecho.', '-----Mensaje original-----'],
    ['Russian', 'Готово.', '-----Исходное сообщение-----'],
    ['German, forwarded', 'Zur Info.', '---------- Weitergeleitete Nachricht ---------'],
    ['Portuguese, forwarded', 'Para sua informação.', '---------- Mensagem encaminhada ---------'],
    ['Apple Mail, German, forwarded', 'Zur Info.', 'Anfang der weitergeleiteten Nachricht:'],
  ])('%s separator: keeps only what is above it', (_kind, fresh, separator) => {
    expect(stripQuotedReply(`${fresh}\n\n${separator}\nVon: Support\nDatum: 2. März 2026`)).toBe(fresh);
  });

  it('keeps ordinary sentences that merely start like an attribution', () => {
    const texts = [
      'Am Montag, 2. März um 9 Uhr läuft der Export wieder.\nDanke!',
      'Em breve enviaremos os 3 arquivos.\nObrigado!',
      'El 2 de marzo falló la entrega de 40 webhooks.\nDe nada.',
      'De: nada, obrigado.\nEnviado do meu iPhone',
      'Вчера в 9:00 всё работало.\nКоллега написал, что проблема ушла.',
    ];
    for (const text of texts) expect(stripQuotedReply(text)).toBe(text);
  });
});
