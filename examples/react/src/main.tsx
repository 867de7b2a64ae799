import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Defines <clinic-article-card>, <clinic-publisher> and <clinic-related-posts>.
import 'clinic-widgets';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
