import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './app.css';
import { loadAppData } from '../features/loading/dataLoading.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { registerServiceWorker } from './serviceWorkerRegistration.ts';

startUrlSync();
registerServiceWorker();
void loadAppData();
// Start fetching the map's code now rather than when the figures first render.
void import('../ui/MapView.tsx');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
