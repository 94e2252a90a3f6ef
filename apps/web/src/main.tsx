import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { registerServiceWorker } from './features/push/service-worker';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// After the page has loaded, so the worker's start never competes with the app's own requests.
const register = () => void registerServiceWorker()?.catch(() => undefined);
if (document.readyState === 'complete') register();
else window.addEventListener('load', register, { once: true });
