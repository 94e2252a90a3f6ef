import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initialLocale, loadCatalogue } from './i18n';
import { registerServiceWorker } from './features/push/service-worker';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// A device that asks for English gets its catalogue before the first render (Bokmål is here).
// If it cannot be fetched, the page opens in Bokmål rather than not at all.
void loadCatalogue(initialLocale()).then(render, render);

// After the page has loaded, so the worker's start never competes with the app's own requests.
const register = () => void registerServiceWorker()?.catch(() => undefined);
if (document.readyState === 'complete') register();
else window.addEventListener('load', register, { once: true });
