/**
 * The RFO's Markdown as HTML, safely: raw HTML in the text is shown as text (markdown-it with
 * `html: false`), links keep only http(s) and mailto targets (markdown-it refuses javascript:,
 * vbscript:, file: and data: already; anything else that is not a web or mail address is dropped), and
 * links open without handing the page to the target.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:|\/|#)/i;

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
const defaultValidate = markdown.validateLink.bind(markdown);
markdown.validateLink = (url: string) => defaultValidate(url) && SAFE_LINK.test(url.trim());

const renderLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow');
  return renderLinkOpen(tokens, idx, options, env, self);
};

/** The RFO as HTML to embed in a page or an email. */
export function renderRfo(text: string): string {
  return markdown.render(text);
}
