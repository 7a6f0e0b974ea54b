import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/AppRoot.tsx';
import { initI18n } from './i18n/i18n.ts';
import './styles.css';

// Only the active language's translations are fetched here (one small chunk); rendering after it
// means the first paint is already in the right language.
void initI18n().then(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <AppRoot />
    </StrictMode>,
  );
});
