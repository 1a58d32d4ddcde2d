import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AppError, type ErrorIssue, textIn } from '../errors.js';
import { DEFAULT_LOCALE, isLocale, type Locale, negotiateLocale, translator } from '../i18n/index.js';

/**
 * The language of an error answer: the request's `Accept-Language` (the web app sends the language it
 * shows), else the signed-in caller's chosen locale, else English. Codes and field paths never change.
 */
export function requestLocale(request: FastifyRequest | undefined): Locale {
  if (!request) return DEFAULT_LOCALE;
  const chosen = request.actor?.locale;
  return negotiateLocale(request.headers['accept-language']) ?? (isLocale(chosen) ? chosen : DEFAULT_LOCALE);
}

/** Marks an answer whose words follow `Accept-Language`, so caches keep one copy per language. */
export function varyOnLanguage(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  const listed = (Array.isArray(current) ? current.join(',') : String(current ?? '')).split(',').map((v) => v.trim().toLowerCase());
  if (listed.includes('accept-language') || listed.includes('*')) return;
  reply.header('vary', current ? `${Array.isArray(current) ? current.join(', ') : String(current)}, Accept-Language` : 'Accept-Language');
}

/**
 * An error's message in `locale`: its catalog entry when it has one (the code's own message, or a
 * message written as an entry). A message the catalogs do not have yet stays as written: its
 * particulars (what to send instead, which value is wrong) help the reader more than the code's
 * general message would. English answers keep the message exactly as written.
 */
export function messageIn(error: AppError, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return error.message;
  const { t, idOfEnglish } = translator(locale);
  if (error.text) return textIn(error.text, locale);
  const id = idOfEnglish(error.message);
  return id ? t(id) : error.message;
}

/** The issues of an error in `locale` (path and message only): messages written as catalog entries are translated, others kept. */
export function issuesIn(issues: readonly ErrorIssue[], locale: Locale): ErrorIssue[] {
  const { t, idOfEnglish } = translator(locale);
  return issues.map(({ path, message, text }) => {
    if (locale === DEFAULT_LOCALE) return { path, message };
    if (text) return { path, message: textIn(text, locale) };
    const id = idOfEnglish(message);
    return { path, message: id ? t(id) : message };
  });
}

/** One failed check of a request schema, as fastify-type-provider-zod reports it (Zod's issue, spread). */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

type LocaleError = (issue: never) => unknown;

/** Zod's own messages per locale (Zod ships them): `z.locales.de()` and so on. */
const zodLocales: Record<Locale, () => { localeError: LocaleError }> = {
  en: z.locales.en,
  'pt-BR': z.locales.pt,
  de: z.locales.de,
  es: z.locales.es,
  ru: z.locales.ru,
};
const zodErrors = new Map<Locale, LocaleError>();

function zodMessage(locale: Locale, issue: Record<string, unknown>): string | undefined {
  let localeError = zodErrors.get(locale);
  if (!localeError) {
    localeError = zodLocales[locale]().localeError;
    zodErrors.set(locale, localeError);
  }
  const result = localeError(issue as never);
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && typeof (result as { message?: unknown }).message === 'string') return (result as { message: string }).message;
  return undefined;
}

/**
 * A schema check's message in `locale`. Zod's generic messages are written again with Zod's locale
 * (given the value checked, so "expected number, received string" names it); the schemas' own
 * messages come from the catalogs, or, where the catalogs lack one, Zod's message in that language.
 */
export function schemaIssueMessage(issue: SchemaIssue, input: unknown, locale: Locale): string {
  const english = issue.message ?? 'Invalid value.';
  if (locale === DEFAULT_LOCALE) return english;
  const raw = { ...issue.params, code: issue.keyword, path: issue.instancePath.split('/').filter((s) => s !== ''), input };
  const id = translator(locale).idOfEnglish(english);
  if (id) return translator(locale).t(id);
  return zodMessage(locale, raw) ?? translator(locale).t('validation.invalidValue');
}

/** The value at a schema issue's path in the part of the request checked (body, querystring, params, headers). */
export function valueAt(root: unknown, instancePath: string): unknown {
  let value = root;
  for (const segment of instancePath.split('/').filter((s) => s !== '')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
