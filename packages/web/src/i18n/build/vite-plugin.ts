/**
 * The Vite plugin behind `virtual:messages/<locale>/<part>`: one module per locale (and the
 * pseudo-locale) and part (see ../parts.ts) whose default export is that part of the locale's merged
 * catalog, every message precompiled to its AST. The app imports only the active locale's modules
 * (each its own chunk), and the browser build resolves the ICU parser to its parser-less entry,
 * since no message is ever parsed in the page.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { LOCALES, type Locale, PSEUDO_LOCALE } from '../locales.js';
import { MESSAGE_PARTS, type MessagePart } from '../parts.js';
import { pseudoCatalog } from '../pseudo.js';
import { compileCatalog, findCatalogFiles, loadCatalogs } from './catalogs.js';

const PREFIX = 'virtual:messages/';
/** Resolved ids end in `<locale>-<part>`, which names the chunk (`de-common-….js`). */
const RESOLVED = '\0hourglass-messages/';

export interface MessagesPluginOptions {
  /** The folder searched for `messages/<locale>.json` files (the app's `src`). */
  srcDir: string;
}

export function messagesPlugin({ srcDir }: MessagesPluginOptions): Plugin {
  const require = createRequire(import.meta.url);
  // The parser package's no-parser entry, beside its main file.
  const noParser = join(dirname(require.resolve('@formatjs/icu-messageformat-parser')), 'no-parser.js');
  const root = dirname(srcDir);

  function moduleSource(locale: Locale | typeof PSEUDO_LOCALE, part: MessagePart): string {
    const catalogs = loadCatalogs(srcDir, root, part);
    const english = compileCatalog(catalogs.en, 'en');
    const compiled = locale === PSEUDO_LOCALE ? pseudoCatalog(english) : locale === 'en' ? english : compileCatalog(catalogs[locale], locale);
    return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
  }

  return {
    name: 'hourglass-messages',
    config() {
      return { resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: noParser }] } };
    },
    resolveId(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [locale = '', part = ''] = id.slice(PREFIX.length).split('/');
      if (locale !== PSEUDO_LOCALE && !(LOCALES as readonly string[]).includes(locale)) {
        this.error(`${id}: no such locale (the desk has ${LOCALES.join(', ')} and ${PSEUDO_LOCALE})`);
      }
      if (!(MESSAGE_PARTS as readonly string[]).includes(part)) this.error(`${id}: no such part of a catalog (${MESSAGE_PARTS.join(', ')})`);
      return `${RESOLVED}${locale}-${part}`;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      for (const file of findCatalogFiles(srcDir)) this.addWatchFile(file);
      const name = id.slice(RESOLVED.length);
      const split = name.lastIndexOf('-');
      const [locale, part] = [name.slice(0, split), name.slice(split + 1)] as [Locale | typeof PSEUDO_LOCALE, MessagePart];
      return moduleSource(locale, part);
    },
    configureServer(server) {
      // A catalog edited while `vite dev` runs: the locale modules are rebuilt and the page reloads.
      const onChange = (file: string) => {
        if (!/[\\/]messages[\\/][^\\/]+\.json$/.test(file)) return;
        for (const locale of [...LOCALES, PSEUDO_LOCALE]) {
          for (const part of MESSAGE_PARTS) {
            const module = server.moduleGraph.getModuleById(`${RESOLVED}${locale}-${part}`);
            if (module) server.moduleGraph.invalidateModule(module);
          }
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
