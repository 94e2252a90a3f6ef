import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { router } from './app/router';
import { initialLocale, loadCatalogue } from './i18n';
import { registerServiceWorker } from './features/push/service-worker';
import { preloadCurrentPage } from './lib/router';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// Before the first render: the catalogue of a device that asks for English (Bokmål is here),
// and the code of the page the address leads to, so index.html's bar stays until the page can
// be drawn. Either failing still renders: in Bokmål, or with the router's own retry.
void Promise.allSettled([loadCatalogue(initialLocale()), preloadCurrentPage(router)]).then(render);

// After the page has loaded, so the worker's start never competes with the app's own requests.
const register = () => void registerServiceWorker()?.catch(() => undefined);
if (document.readyState === 'complete') register();
else window.addEventListener('load', register, { once: true });
