import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setTokenSource } from './api/http.js';
import { App } from './app.js';
import { RouterProvider } from './routing/router.js';
import { SessionProvider } from './session/session-context.js';
import { loadSession } from './session/session.js';
import './styles.css';

// Every request carries the token of whoever is signed in now, read where sign-in stores it.
setTokenSource(() => loadSession()?.token);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider>
        <App />
      </RouterProvider>
    </SessionProvider>
  </StrictMode>,
);
