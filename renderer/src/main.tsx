import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { forgetTokenInAddress } from './app/api.ts';
import { App } from './app/App.tsx';
import { sendWaiting } from './app/outbox.ts';
import './styles.css';

// A token left in the address bar comes out before anything else (the server's cookie signs in).
if (!window.hustings) forgetTokenInAddress();

// Work kept on this device while the server did not answer goes as soon as the app opens.
sendWaiting();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
