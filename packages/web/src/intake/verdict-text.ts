/**
 * Verdicts of the shared rules in the reader's language: the code is the catalog's message id
 * (`messages/<locale>.json`), the arguments its ICU arguments. Durations (milliseconds) are shown
 * in hours, lists joined as the language joins them.
 */
import type { Verdict, VerdictArg } from '@hourglass/rules';
import type { IntlShape } from 'react-intl';
import type { GuidanceNote } from './guidance.js';

const HOUR = 3_600_000;
const DURATIONS = new Set(['age', 'okWithin', 'bestEffortWithin', 'limit', 'fullLimit']);
/** Lists of which one is wanted (`CA… or MM…`); other lists name all their items (`A, B and C`). */
const DISJUNCTIONS = new Set(['prefixes', 'kinds', 'alternatives', 'forms']);

type Value = string | number;

/** One verdict (or guidance note) phrased through the active catalog. */
export function verdictText(intl: IntlShape, message: Verdict | GuidanceNote): string {
  return intl.formatMessage({ id: message.code }, messageValues(intl, message.args));
}

/** The ICU arguments of a verdict: hours for durations, lists joined, `range` and `more` for example counts. */
export function messageValues(intl: IntlShape, args: Readonly<Record<string, VerdictArg>>): Record<string, Value> {
  const values: Record<string, Value> = {};
  for (const [key, arg] of Object.entries(args)) {
    if (arg === null) values[key] = '';
    else if (typeof arg === 'boolean') values[key] = arg ? 'yes' : 'no';
    else if (typeof arg === 'number') values[key] = DURATIONS.has(key) ? Math.round((arg / HOUR) * 10) / 10 : arg;
    else if (typeof arg === 'string') values[key] = arg;
    else values[key] = intl.formatList(arg, { type: DISJUNCTIONS.has(key) ? 'disjunction' : 'conjunction' });
  }
  const prefixes = args.prefixes;
  if (Array.isArray(prefixes)) {
    values.shapes = intl.formatList(prefixes.map((p) => `${p}…`), { type: 'disjunction' });
    values.hasPrefixes = prefixes.length > 0 ? 'yes' : 'no';
  }
  if (typeof args.min === 'number' && typeof args.max === 'number') {
    const [min, max] = [intl.formatNumber(args.min), intl.formatNumber(args.max)];
    values.range = args.min === args.max ? min : `${min}–${max}`;
    if (typeof args.usable === 'number') values.more = Math.max(args.min - args.usable, 0);
  }
  if (typeof args.length === 'number') values.total = args.length + 2;
  if ('project' in args) values.hasProject = args.project === null ? 'no' : 'yes';
  const alternatives = args.alternatives;
  const names = args.alternativeNames;
  if (Array.isArray(alternatives) && Array.isArray(names)) {
    values.alternatives = intl.formatList(alternatives.map((id, i) => `${id} ${names[i] ?? ''}`.trim()), { type: 'disjunction' });
    values.hasAlternatives = alternatives.length > 0 ? 'yes' : 'no';
  }
  return values;
}
