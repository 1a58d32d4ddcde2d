import { describe, expect, it } from 'vitest';
import { renderRfo } from './rfo-render.js';

describe('the RFO rendered from Markdown', () => {
  it('renders headings, lists, emphasis and web links', () => {
    const html = renderRfo('## Root cause\n\n- a **bad** deploy\n- [details](https://example.com/postmortem)');
    expect(html).toContain('<h2>Root cause</h2>');
    expect(html).toContain('<strong>bad</strong>');
    expect(html).toContain('<a href="https://example.com/postmortem" rel="noopener noreferrer nofollow">details</a>');
  });

  it('shows raw HTML as text, scripts included', () => {
    const html = renderRfo('Before <script>alert(1)</script> after <img src=x onerror=alert(2)> and <iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('drops links whose target is not a web or mail address', () => {
    for (const target of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd', 'ftp://example.com/x']) {
      const html = renderRfo(`[click](${target}) and <${target}>`);
      expect(html, target).not.toMatch(/href="(?!https?:|mailto:)/i);
      expect(html.toLowerCase(), target).not.toContain('href="javascript');
    }
    expect(renderRfo('![x](javascript:alert(1))')).not.toContain('javascript:alert(1)"');
    expect(renderRfo('[mail](mailto:noc@example.com)')).toContain('href="mailto:noc@example.com"');
  });
});
