/** The virtual catalog modules of `build/vite-plugin.ts`: one part of one locale's messages, precompiled. */
declare module 'virtual:messages/*' {
  import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
  const messages: Record<string, MessageFormatElement[]>;
  export default messages;
}
