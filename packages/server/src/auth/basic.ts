/**
 * HTTP Basic credentials (RFC 7617), as a caller that cannot send a bearer header uses them: a voice
 * provider calling `https://user:<token>@host/...` sends `Authorization: Basic base64(user:<token>)`.
 * Pure: header text in, credentials out.
 */

export interface BasicCredentials {
  username: string;
  password: string;
}

const BASIC = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i;

/** The user name and password of a `Basic` Authorization header, or null when it is not one or is malformed. */
export function parseBasic(authorization: string): BasicCredentials | null {
  const match = BASIC.exec(authorization);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The `WWW-Authenticate` challenge that makes a client retry with Basic credentials. */
export const basicChallenge = (realm: string): string => `Basic realm="${realm.replace(/["\\]/g, '')}"`;
