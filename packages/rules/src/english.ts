import { HOUR } from './duration.js';
import type { Verdict, VerdictArg } from './verdict.js';

/**
 * A verdict in English, as the service's API answers phrase it (the default for readers whose
 * language has no catalog; the browser phrases verdicts through its own catalogs).
 */
export function englishText(verdict: Verdict): string {
  const a = verdict.args;
  const s = (key: string) => text(a[key]);
  const n = (key: string) => number(a[key]);
  const hours = (key: string) => hoursText(n(key));
  const help = a.help ? ` ${s('help')}` : '';
  switch (verdict.code) {
    case 'intake.sid.empty':
      return 'An empty value is not a SID.';
    case 'intake.sid.notSid':
      return `"${s('sid')}" does not look like a SID: a SID starts with two letters that say what it identifies (such as CA for a call), followed by ${n('length')} hexadecimal characters.`;
    case 'intake.sid.lowerCasePrefix':
      return `"${s('sid')}" starts with "${s('prefix')}"; SID prefixes are upper-case letters (${s('upperCase')}).`;
    case 'intake.sid.notHex':
      return `"${s('sid')}" contains "${s('character')}"; after the two-letter prefix a SID has only hexadecimal characters (0-9, a-f).`;
    case 'intake.sid.length':
      return `"${s('sid')}" has ${n('count')} hexadecimal characters after its prefix; a SID has exactly ${n('length')}. Copy it again from the Console or the logs.`;
    case 'intake.sid.wrongPrefix':
      return `"${s('sid')}" has the prefix ${s('prefix')} (${s('kind')}); this field needs ${sidsText(a)}.`;
    case 'intake.sid.duplicate':
      return `${s('sid')} is listed twice; each example should be a different occurrence of the issue.`;
    case 'intake.phone.format':
      return `${s('label')} "${s('value')}" is not a phone number in international format; write it with + and the country code, for example +1 415 555 1212.`;
    case 'intake.select.notAChoice':
      return `"${s('value')}" is not one of the choices for ${s('label')}; choose one of: ${list(a.options).join(', ')}.`;
    case 'intake.datetime.format':
      return `${s('label')} "${s('value')}" is not a date and time we can read; write it with its time zone offset, for example 2026-11-23T08:15:00-08:00.`;
    case 'intake.value.wrongType': {
      const expected = a.expected === 'phone' ? 'a phone number' : a.expected === 'sids' ? sidsText(a) : 'text';
      return `${s('label')} should be ${expected}.`;
    }
    case 'intake.recency.afterOpening':
      return `${s('label')} is after the ticket was opened; give the time the issue happened, which is before the ticket.`;
    case 'intake.recency.bestEffort':
      return `${s('label')} is ${hours('age')} before the ticket was opened. Examples from the last ${hours('okWithin')} are best; between ${hours('okWithin')} and ${hours('bestEffortWithin')} the providers are asked on a best-effort basis and may no longer have the records. Add a more recent example if you can.`;
    case 'intake.recency.tooOld':
      return `${s('label')} is ${hours('age')} before the ticket was opened: older than ${hours('limit')} is too old to investigate, because providers keep these records for only about ${hours('okWithin')}. Give an example from the last ${hours('okWithin')}.`;
    case 'intake.recency.tooOldForShortForm': {
      const full = a.fullLimit === null || a.fullLimit === undefined ? '' : ` from the last ${hours('fullLimit')}`;
      return `${s('label')} is ${hours('age')} before the ticket was opened: the short form needs an example from the last ${hours('limit')}. Give a more recent example, or the full details (the examples the form asks for${full}).`;
    }
    case 'intake.field.required':
      return `${s('label')} is required.${help}`;
    case 'intake.examples.tooFew': {
      const range = n('min') === n('max') ? `${n('min')}` : `${n('min')}–${n('max')}`;
      const given = n('usable') === 0 ? 'none yet' : `${n('usable')} valid so far`;
      return `${s('label')}: give ${range} example ${sidsText(a)} (${given}). Several examples of the same symptom show a trend; a single one looks like an isolated event.${help}`;
    }
    case 'intake.examples.tooMany':
      return `${s('label')}: ${n('usable')} examples given; ${n('max')} are enough. Keep the clearest ${n('max')} of the same symptom, and file a separate ticket for a different symptom.`;
    case 'intake.form.unknownField':
      return `"${s('field')}" is not a field of the ${s('form')} form; remove it, or use one of: ${list(a.fields).join(', ')}.`;
    case 'intake.form.shortFormUsed':
      return `Filed with the short form: ${s('explanation')} Adding ${list(a.labels).join(', ')} would speed up the investigation.`;
    case 'intake.form.shortFormOffer':
      return `If the full details are hard to collect: ${s('explanation')}`;
    case 'priority.choice.productionOnly': {
      const subject = a.project === null ? 'the ticket names no production project' : `project "${s('project')}" is not a production project`;
      const reason = a.reason ? ` ${s('reason')}` : '';
      return `${s('priority')} (${s('name')}) is only for production projects, and ${subject}.${reason}`;
    }
  }
}

/** `24 hours`, `1 hour`, `26.5 hours`. */
export function hoursText(duration: number): string {
  const hours = Math.round((duration / HOUR) * 10) / 10;
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** `call SIDs (CA…)` or `SMS message or MMS message SIDs (SM… or MM…)`; `SIDs` when any prefix will do. */
function sidsText(args: Verdict['args']): string {
  const prefixes = list(args.prefixes);
  if (prefixes.length === 0) return 'SIDs';
  return `${list(args.kinds).join(' or ')} SIDs (${prefixes.map((p) => `${p}…`).join(' or ')})`;
}

function text(value: VerdictArg | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function number(value: VerdictArg | undefined): number {
  return typeof value === 'number' ? value : Number(value);
}

function list(value: VerdictArg | undefined): readonly string[] {
  return Array.isArray(value) ? value : [];
}
