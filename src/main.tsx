import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/app.css';
import { loadAppData } from './app/dataLoading.ts';
import { registerServiceWorker } from './app/serviceWorkerRegistration.ts';
import { startUrlSync } from './app/urlSync.ts';

startUrlSync();
registerServiceWorker();
void loadAppData();
// Start fetching the map's code now rather than when the figures first render.
void import('./map/MapView.tsx');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
