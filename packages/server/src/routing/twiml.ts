/** Voice responses in TwiML, the XML a voice webhook expects. Pure: text in, XML out. */

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const document = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<Response>${body}</Response>`;

/** Asks the caller to key the account PIN; the digits are posted to `action`. */
export function gatherPin(action: string, prompt = 'Welcome to support. Please enter your account PIN, then press the pound key.'): string {
  return document(`<Gather input="dtmf" finishOnKey="#" timeout="10" action="${escapeXml(action)}" method="POST"><Say>${escapeXml(prompt)}</Say></Gather><Say>We did not receive a PIN. Goodbye.</Say><Hangup/>`);
}

/** Connects the caller to a number, saying to whom first. */
export function dialNumber(announce: string, number: string): string {
  return document(`<Say>${escapeXml(announce)}</Say><Dial>${number.split(',').map((n) => `<Number>${escapeXml(n.trim())}</Number>`).join('')}</Dial>`);
}

/** Puts the caller in a named queue when there is nobody to dial. */
export function enqueue(announce: string, queue: string): string {
  return document(`<Say>${escapeXml(announce)}</Say><Enqueue>${escapeXml(queue)}</Enqueue>`);
}

/** Tells the caller the PIN was not recognised and lets them try again. */
export function wrongPin(action: string): string {
  return gatherPin(action, 'That PIN was not recognised. Please enter your account PIN again, then press the pound key.');
}

/** Tells the caller that too many wrong PINs were keyed for now, and ends the call. */
export function tooManyPins(): string {
  return document('<Say>Too many wrong PINs were entered. Please call again in a few minutes.</Say><Hangup/>');
}
