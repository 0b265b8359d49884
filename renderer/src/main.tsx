import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { forgetTokenInAddress } from './app/api.ts';
import { App } from './app/App.tsx';
import './styles.css';

// A token left in the address bar comes out before anything else (the server's cookie signs in).
if (!window.hustings) forgetTokenInAddress();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
