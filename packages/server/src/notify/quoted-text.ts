/**
 * The new part of an email reply: everything from an attribution line ("On … wrote:", "Am … schrieb …:",
 * "Em … escreveu:", "El … escribió:", "… написал(а):"), an Outlook header block ("From:/Sent:",
 * "Von:/Gesendet:", "De:/Enviado:", "От:/Отправлено:"), an "Original Message" separator or a forwarded
 * header onwards is dropped, and so are lines quoted with ">". The patterns are those of Gmail, Outlook,
 * Thunderbird and Apple Mail in English, Brazilian Portuguese, German, Spanish and Russian.
 */

/** An attribution: a line that starts like one and, within three lines, ends like one. */
interface Attribution {
  start: RegExp;
  end: RegExp;
}

const ATTRIBUTIONS: Attribution[] = [
  // On Mon, Mar 2, 2026 at 9:00 AM Ada <ada@example.com> wrote:
  { start: /^\s*On\s.+/i, end: /wrote:\s*$/i },
  // Am Mo., 2. März 2026 um 09:00 Uhr schrieb Ada <ada@example.com>:  /  Am 02.03.26 um 09:00 schrieb Ada:
  { start: /^\s*Am\s.*\d/, end: /\bschrieb\b.*:\s*$/i },
  // Em seg., 2 de mar. de 2026 às 09:00, Ada <ada@example.com> escreveu:
  { start: /^\s*Em\s.*\d/, end: /\bescreveu:\s*$/i },
  // El lun, 2 mar 2026 a las 9:00, Ada (<ada@example.com>) escribió:
  { start: /^\s*El\s.*\d/, end: /\bescribió:\s*$/i },
  // 2 марта 2026 г., в 09:00, Ada <ada@example.com> написал(а):  /  02.03.2026 09:00, Ada пишет:
  { start: /^\s*\S.*\d/, end: /(?:написал\(а\)|написала|написал|пишет):\s*$/i },
  // Gmail in Russian names no verb: пн, 2 мар. 2026 г. в 09:00, Ada <ada@example.com>:
  { start: /^\s*(?:пн|вт|ср|чт|пт|сб|вс),\s.*\d{4}\s*г\./i, end: />:\s*$/ },
];

const SEPARATORS = [
  /^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Originalnachricht|Mensagem original|Mensaje original|Исходное сообщение)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
  /^\s*-{2,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Mensagem encaminhada|Mensaje reenviado|Пересылаемое сообщение)\s*-{2,}\s*$/i,
  // Apple Mail's forwarded block: "Begin forwarded message:", "Anfang der weitergeleiteten Nachricht:", …
  /^\s*(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|Início da mensagem encaminhada|Comienzo del mensaje reenviado|Начало переадресованного сообщения):\s*$/i,
];

/** Outlook's header block of the message answered: a sender line, then a sent/date line within the next lines. */
const HEADER_FROM = /^\s*\*?(?:From|Von|De|От):\*?\s+\S/i;
const HEADER_SENT = /^\s*\*?(?:Sent|Date|Gesendet|Datum|Enviado(?: el)?|Enviada|Data|Fecha|Отправлено|Дата):\*?\s+\S/i;

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (SEPARATORS.some((pattern) => pattern.test(line))) break;
    if (isAttribution(lines, i) || isHeaderBlock(lines, i)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n').replace(/\s+$/, '').replace(/^\s*\n/, '');
}

/** "On Mon, 2 Mar 2026 at 09:00, Ada <ada@example.com> wrote:" and its kin may be wrapped over up to three lines. */
function isAttribution(lines: string[], start: number): boolean {
  const first = lines[start] ?? '';
  return ATTRIBUTIONS.some((attribution) => {
    if (!attribution.start.test(first)) return false;
    let joined = '';
    for (let j = start; j < Math.min(lines.length, start + 3); j++) {
      const line = lines[j] ?? '';
      if (j > start && line.trim() === '') return false;
      joined = j === start ? line : `${joined} ${line.trim()}`;
      if (attribution.end.test(joined)) return true;
    }
    return false;
  });
}

function isHeaderBlock(lines: string[], start: number): boolean {
  if (!HEADER_FROM.test(lines[start] ?? '')) return false;
  for (let j = start + 1; j < Math.min(lines.length, start + 4); j++) {
    if (HEADER_SENT.test(lines[j] ?? '')) return true;
  }
  return false;
}
