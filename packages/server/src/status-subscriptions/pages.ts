/**
 * The public subscription pages as HTML, rendered on the server: readable without JavaScript, in the
 * reader's language, with labels, fieldsets and errors tied to their fields for assistive technology.
 * Every value is escaped; the only script-free style comes from /status/subscriptions/style.css.
 */
import { escapeHtml } from '../notify/html.js';
import { translator, type Locale, type MessageId, type MessageValues } from '../i18n/index.js';
import type { ChoosableComponent } from './components.js';
import type { FieldProblem } from './check.js';

export const STYLESHEET_PATH = '/status/subscriptions/style.css';

export const STYLESHEET = `
body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#f6f7f9}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d9dce1;border-radius:8px}
h1{font-size:1.5rem;margin-top:0}
.provider{color:#4a5160;margin:0 0 .25rem}
fieldset{border:1px solid #d9dce1;border-radius:6px;margin:0 0 1rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.field{margin:.25rem 0 .75rem 1.75rem}
.field label{display:block;font-weight:600}
input[type=email],input[type=url]{width:100%;box-sizing:border-box;padding:.4rem;border:1px solid #767c88;border-radius:4px;font:inherit}
.hint{color:#4a5160;font-size:.9rem;margin:.25rem 0}
.error{color:#a4161a;font-weight:600;margin:.25rem 0}
.notice-error{border:2px solid #a4161a;border-radius:6px;padding:.5rem 1rem;margin-bottom:1rem}
ul.choices{list-style:none;padding-left:1.75rem;margin:.25rem 0}
ul.choices ul{list-style:none;padding-left:1rem}
button{font:inherit;padding:.5rem 1.25rem;border-radius:4px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
code.secret{display:block;word-break:break-all;background:#f1f3f5;padding:.5rem;border-radius:4px}
a{color:#1d4ed8}
`;

export interface PageContext {
  locale: Locale;
  provider: string;
}

function words(locale: Locale) {
  const { t } = translator(locale);
  return (id: MessageId, values?: MessageValues) => escapeHtml(t(id, values));
}

/** `path` with the page's language, so links and forms keep it. */
export const withLocale = (path: string, locale: Locale): string => `${path}${path.includes('?') ? '&' : '?'}locale=${encodeURIComponent(locale)}`;

function page(context: PageContext, titleId: MessageId, body: string): string {
  const say = words(context.locale);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(context.locale)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${say(titleId)} · ${escapeHtml(context.provider)}</title>`,
    `<link rel="stylesheet" href="${STYLESHEET_PATH}"></head>`,
    `<body><main id="main"><p class="provider">${escapeHtml(context.provider)}</p><h1>${say(titleId)}</h1>`,
    body,
    `<p><a href="${escapeHtml(withLocale('/status', context.locale))}">${say('status-subscriptions.page.backToStatus')}</a></p>`,
    '</main></body></html>',
  ].join('\n');
}

export interface SubscribeFormState {
  kind?: string;
  email?: string;
  url?: string;
  components?: string;
  componentIds?: readonly string[];
  problems?: readonly FieldProblem[];
}

/** GET /status/subscribe, and the same form again with its problems after a refused POST. */
export function subscribePage(context: PageContext, components: readonly ChoosableComponent[], state: SubscribeFormState = {}): string {
  const say = words(context.locale);
  const { t } = translator(context.locale);
  const problemAt = (path: string) => state.problems?.find((p) => p.path === path || p.path.startsWith(`${path}.`));
  const errorOf = (path: string, id: string) => {
    const problem = problemAt(path);
    return problem ? `<p id="${id}-error" class="error">${escapeHtml(t(problem.text.id, problem.text.values))}</p>` : '';
  };
  const described = (id: string, path: string) => `aria-describedby="${id}-hint${problemAt(path) ? ` ${id}-error` : ''}"${problemAt(path) ? ' aria-invalid="true"' : ''}`;
  const kind = state.kind === 'webhook' ? 'webhook' : 'email';
  const chosen = state.components === 'chosen';
  const picked = new Set(state.componentIds ?? []);
  const checked = (on: boolean) => (on ? ' checked' : '');
  const groups = new Map<string, ChoosableComponent[]>();
  for (const component of components) {
    const key = component.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), component]);
  }
  const box = (c: ChoosableComponent) =>
    `<li><input type="checkbox" id="component-${escapeHtml(c.id)}" name="component_ids" value="${escapeHtml(c.id)}"${checked(picked.has(c.id))}> <label for="component-${escapeHtml(c.id)}">${escapeHtml(c.name)}</label></li>`;
  const list = [...groups.entries()]
    .map(([group, items]) => (group === '' ? items.map(box).join('\n') : `<li>${escapeHtml(group)}<ul>${items.map(box).join('\n')}</ul></li>`))
    .join('\n');
  const summary = state.problems?.length ? `<div class="notice-error" role="alert"><p>${say('status-subscriptions.page.errors')}</p></div>` : '';
  return page(
    context,
    'status-subscriptions.page.subscribe.title',
    `<p>${say('status-subscriptions.page.subscribe.intro', { provider: context.provider })}</p>
${summary}
<form method="post" action="${escapeHtml(withLocale('/status/subscriptions', context.locale))}" novalidate>
<input type="hidden" name="locale" value="${escapeHtml(context.locale)}">
<fieldset${problemAt('kind') ? ' aria-describedby="kind-error"' : ''}><legend>${say('status-subscriptions.page.subscribe.how')}</legend>
${errorOf('kind', 'kind')}
<div><input type="radio" id="kind-email" name="kind" value="email"${checked(kind === 'email')}> <label for="kind-email">${say('status-subscriptions.page.subscribe.kindEmail')}</label></div>
<div class="field"><label for="email">${say('status-subscriptions.page.subscribe.email')}</label>
<input type="email" id="email" name="email" autocomplete="email" maxlength="254" value="${escapeHtml(state.email ?? '')}" ${described('email', 'email')}>
<p id="email-hint" class="hint">${say('status-subscriptions.page.subscribe.emailHint')}</p>${errorOf('email', 'email')}</div>
<div><input type="radio" id="kind-webhook" name="kind" value="webhook"${checked(kind === 'webhook')}> <label for="kind-webhook">${say('status-subscriptions.page.subscribe.kindWebhook')}</label></div>
<div class="field"><label for="url">${say('status-subscriptions.page.subscribe.webhook')}</label>
<input type="url" id="url" name="url" inputmode="url" maxlength="2000" value="${escapeHtml(state.url ?? '')}" ${described('url', 'url')}>
<p id="url-hint" class="hint"><span id="webhooks">${say('status-subscriptions.page.subscribe.webhookHint')}</span></p>${errorOf('url', 'url')}</div>
</fieldset>
<fieldset${problemAt('component_ids') ? ' aria-describedby="components-error"' : ''}><legend>${say('status-subscriptions.page.subscribe.components')}</legend>
${errorOf('component_ids', 'components')}
<div><input type="radio" id="components-all" name="components" value="all"${checked(!chosen)}> <label for="components-all">${say('status-subscriptions.page.subscribe.allComponents')}</label></div>
<div><input type="radio" id="components-chosen" name="components" value="chosen"${checked(chosen)}> <label for="components-chosen">${say('status-subscriptions.page.subscribe.chosenComponents')}</label></div>
<ul class="choices">
${list}
</ul>
</fieldset>
<button type="submit">${say('status-subscriptions.page.subscribe.submit')}</button>
</form>`,
  );
}

export function pendingPage(context: PageContext, email: string, hours: number): string {
  const say = words(context.locale);
  return page(context, 'status-subscriptions.page.pending.title', `<p role="status">${say('status-subscriptions.page.pending.body', { email, hours })}</p>`);
}

export function webhookPage(context: PageContext, input: { url: string; secret: string; unsubscribeUrl: string }): string {
  const say = words(context.locale);
  return page(
    context,
    'status-subscriptions.page.webhook.title',
    `<p role="status">${say('status-subscriptions.page.webhook.body', { url: input.url })}</p>
<p>${say('status-subscriptions.page.webhook.secret')}</p><code class="secret">${escapeHtml(input.secret)}</code>
<p>${say('status-subscriptions.page.webhook.unsubscribe')}</p><p><a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(input.unsubscribeUrl)}</a></p>`,
  );
}

/** A page whose only action is one button that POSTs back to `action` (link scanners only GET, so they change nothing). */
function buttonPage(context: PageContext, titleId: MessageId, text: string, action: string, buttonId: MessageId, hidden: Record<string, string> = {}): string {
  const say = words(context.locale);
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return page(context, titleId, `<p>${text}</p>\n<form method="post" action="${escapeHtml(action)}">${fields}<button type="submit">${say(buttonId)}</button></form>`);
}

export function confirmPage(context: PageContext, email: string, action: string): string {
  return buttonPage(context, 'status-subscriptions.page.confirm.title', words(context.locale)('status-subscriptions.page.confirm.body', { email, provider: context.provider }), action, 'status-subscriptions.page.confirm.button');
}

export function confirmedPage(context: PageContext, email: string, componentNames: readonly string[] | null): string {
  const say = words(context.locale);
  const list = componentNames === null ? null : new Intl.ListFormat(context.locale, { type: 'conjunction' }).format(componentNames);
  const text = list === null ? say('status-subscriptions.page.confirmed.all', { email }) : say('status-subscriptions.page.confirmed.chosen', { email, components: list });
  return page(context, 'status-subscriptions.page.confirmed.title', `<p role="status">${text}</p>`);
}

export function unsubscribePage(context: PageContext, target: string, action: string): string {
  return buttonPage(
    context,
    'status-subscriptions.page.unsubscribe.title',
    words(context.locale)('status-subscriptions.page.unsubscribe.body', { provider: context.provider, target }),
    action,
    'status-subscriptions.page.unsubscribe.button',
    { 'List-Unsubscribe': 'One-Click' },
  );
}

export function unsubscribedPage(context: PageContext, target: string): string {
  return page(context, 'status-subscriptions.page.unsubscribed.title', `<p role="status">${words(context.locale)('status-subscriptions.page.unsubscribed.body', { target })}</p>`);
}

export function invalidLinkPage(context: PageContext): string {
  return page(context, 'status-subscriptions.page.invalidLink.title', `<p>${words(context.locale)('status-subscriptions.page.invalidLink.body')}</p>`);
}

/** A refusal shown as a page (too many requests, no status page). */
export function problemPage(context: PageContext, titleId: MessageId, text: string): string {
  return page(context, titleId, `<div class="notice-error" role="alert"><p>${escapeHtml(text)}</p></div>`);
}
