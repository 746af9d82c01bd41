// Entry of the renderer: pick the transport once, then render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/api-context';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={createApi()} />
  </StrictMode>,
);
