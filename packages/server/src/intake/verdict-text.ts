import { HOUR, type Verdict, type VerdictArg } from '@hourglass/rules';
import type { LocalizedText, TextList } from '../errors.js';
import type { MessageId, MessageValues } from '../i18n/index.js';

/** Verdict arguments that are durations in milliseconds, shown in hours. */
const DURATIONS = new Set(['age', 'okWithin', 'bestEffortWithin', 'limit', 'fullLimit']);
/** Lists of which one is wanted (`call or conference SIDs`); other lists name all their items. */
const DISJUNCTIONS = new Set(['prefixes', 'kinds', 'alternatives']);

/**
 * A verdict of the shared rules as a message of the server's catalogs: the code is the message id,
 * the arguments its ICU arguments (durations in hours, lists joined in the reader's language, `has…`
 * for optional parts). The same shape as the browser's phrasing, with the field's label named, since
 * an API answer is read away from the form.
 */
export function verdictText(verdict: Verdict): LocalizedText {
  const values: MessageValues = {};
  const lists: Record<string, TextList> = {};
  for (const [key, arg] of Object.entries(verdict.args)) {
    if (Array.isArray(arg)) lists[key] = { items: arg, type: DISJUNCTIONS.has(key) ? 'disjunction' : 'conjunction' };
    else values[key] = scalar(key, arg as Exclude<VerdictArg, readonly string[]>);
  }
  const args = verdict.args;
  if (Array.isArray(args.prefixes)) {
    lists.shapes = { items: args.prefixes.map((p) => `${p}…`), type: 'disjunction' };
    values.hasPrefixes = args.prefixes.length > 0 ? 'yes' : 'no';
  } else values.hasPrefixes = 'no';
  if (typeof args.min === 'number' && typeof args.max === 'number') values.range = args.min === args.max ? `${args.min}` : `${args.min}–${args.max}`;
  for (const optional of ['help', 'reason', 'project', 'fullLimit']) if (optional in args) values[`has${optional[0]!.toUpperCase()}${optional.slice(1)}`] = args[optional] === null || args[optional] === '' || args[optional] === undefined ? 'no' : 'yes';
  if (Array.isArray(args.options)) lists.options = { items: args.options, type: 'unit' };
  if (Array.isArray(args.fields)) lists.fields = { items: args.fields, type: 'unit' };
  return { id: verdict.code as MessageId, values, lists };
}

function scalar(key: string, arg: Exclude<VerdictArg, readonly string[]>): string | number {
  if (arg === null) return '';
  if (typeof arg === 'boolean') return arg ? 'yes' : 'no';
  if (typeof arg === 'number') return DURATIONS.has(key) ? Math.round((arg / HOUR) * 10) / 10 : arg;
  return arg;
}
