import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { LanguageProvider } from '../i18n/LanguageProvider.js';
import type { StartedLanguage } from '../i18n/start.js';
import { createQueryClient } from '../shared/query.js';

/**
 * What every page relies on: the language shown and the one query client (see shared/query.ts).
 * Routing is wouter's, on the browser's address with no provider needed: it was chosen over React
 * Router because the portal's first page must stay under 120 KB of gzipped JavaScript, and wouter
 * adds about 2 KB where React Router adds about 13 KB.
 */
export function Providers({ language, children }: { language: StartedLanguage; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <LanguageProvider initial={language}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </LanguageProvider>
  );
}
