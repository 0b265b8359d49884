import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserToken } from './app/api.ts';
import { App } from './app/App.tsx';
import './styles.css';

// Take the token out of the address bar before anything else (it stays in this tab's session).
if (!window.hustings) browserToken();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
