// Types for the two helpers of mailauth used here that its own declarations do not cover.

declare module 'mailauth/lib/parse-dkim-headers.js' {
  /** One `key=value` of a parsed header, with the `ptype.property=value` pairs under it (e.g. `header.d`). */
  export interface ParsedHeaderPart {
    value: string;
    comment?: string;
    [ptype: string]: string | Record<string, string> | undefined;
  }
  /** A parsed Authentication-Results header: `value` is the authserv-id; `dkim` is a list, other methods one entry. */
  export interface ParsedAuthResults {
    header: string;
    value?: string;
    dkim?: ParsedHeaderPart[];
    [method: string]: ParsedHeaderPart | ParsedHeaderPart[] | string | undefined;
  }
  /** Parses one header line (`Name: value`), e.g. an Authentication-Results header. */
  export default function headerParser(line: string | Buffer): { parsed: ParsedAuthResults; original: string | Buffer };
}

declare module 'mailauth/lib/tools.js' {
  /** The first of `domains` in the same organizational domain as `fromDomain` (by the Public Suffix List), or false. */
  export function getAlignment(fromDomain: string, domains: string[]): { domain: string } | false;
}
