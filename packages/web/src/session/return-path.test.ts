import { describe, expect, it } from 'vitest';
import { loginPathFor, safeReturnPath } from './return-path.js';

const ORIGIN = 'https://desk.example';

describe('the page to return to after signing in', () => {
  it('follows paths of this desk, with their query and hash', () => {
    expect(safeReturnPath('/console/tickets/0b6f3c4e-1111-4222-8333-944445555666', ORIGIN)).toBe('/console/tickets/0b6f3c4e-1111-4222-8333-944445555666');
    expect(safeReturnPath('/portal/tickets/42?tab=files#reply', ORIGIN)).toBe('/portal/tickets/42?tab=files#reply');
    expect(safeReturnPath('/console?status=new&q=sms', ORIGIN)).toBe('/console?status=new&q=sms');
  });

  it('refuses anything that leaves the site or is no destination', () => {
    for (const next of [
      '//evil.example',
      '//evil.example/portal',
      'https://evil.example/',
      'http://desk.example.evil.example/',
      '/\\evil.example',
      '/\\/evil.example',
      '\\\\evil.example',
      '/%0a/evil.example'.replace('%0a', '\n'),
      '/\t/evil.example',
      'javascript:alert(1)',
      'portal',
      '',
      null,
      undefined,
      '/login',
      '/login?next=/portal',
      '/',
    ]) {
      expect(safeReturnPath(next, ORIGIN), String(next)).toBeNull();
    }
  });

  it('builds the sign-in address that carries the page', () => {
    expect(loginPathFor('/console/tickets/7?x=1')).toBe('/login?next=%2Fconsole%2Ftickets%2F7%3Fx%3D1');
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor('/login?next=%2Fportal')).toBe('/login');
  });
});
