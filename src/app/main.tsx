import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './app.css';
import { followOtherTabs } from '../features/loading/clearData.ts';
import { restoreBaseMap } from '../state/baseMapKeeping.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { registerServiceWorker } from './serviceWorkerRegistration.ts';
import { loadAppData } from './startUp.ts';

const keptViewApplied = startUrlSync();
registerServiceWorker();
void loadAppData(keptViewApplied);
void restoreBaseMap();
followOtherTabs();
// Start fetching the map's code now rather than when the figures first render.
void import('../ui/MapView.tsx');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
