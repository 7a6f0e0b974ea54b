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

// The phone pages (/m…) work after a reload on a slow connection: a small service worker keeps
// their shell (web/public/sw-m.js). Office pages are not touched by it.
if ('serviceWorker' in navigator && window.location.pathname.startsWith('/m')) {
  void navigator.serviceWorker.register('/sw-m.js', { scope: '/m' }).catch(() => undefined);
}
