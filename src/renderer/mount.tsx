import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import type { ReplayClient } from './replay-client';
import './styles.css';
import './dialogs.css';

/** Renders the app into the page, with the replay worker `main.ts` started. */
export function mount(replay: ReplayClient): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <App replay={replay} />
      </ErrorBoundary>
    </StrictMode>,
  );
}
