import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { forgetTokenInAddress } from './app/api.ts';
import { App } from './app/App.tsx';
import { sendWaiting } from './app/outbox.ts';
import { rememberedTeam } from './app/remembered-team.ts';
import './styles.css';

// A token left in the address bar comes out before anything else (the server's cookie signs in).
if (!window.hustings) forgetTokenInAddress();

// Browser mode, last used with a team: the start page offers to continue to it. (The desktop app
// opens a remembered team by itself.) Nothing remembered: the file on this computer, as always.
if (!window.hustings && rememberedTeam()?.open && ['', '#', '#/'].includes(window.location.hash)) window.location.hash = '#/start';

// Work kept on this device while the server did not answer goes as soon as the app opens.
sendWaiting();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
