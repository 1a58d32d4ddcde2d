import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { Providers } from './app/Providers.js';
import { startLanguage } from './i18n/start.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  // The language shown is loaded before the first render, so no page shows in another one first.
  void startLanguage().then((language) =>
    createRoot(root).render(
      <StrictMode>
        <Providers language={language}>
          <App />
        </Providers>
      </StrictMode>,
    ),
  );
}
