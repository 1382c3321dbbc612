import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders a page's app into its root element (each HTML entry has exactly one). */
export function mount(rootElementId: string, app: ReactNode): void {
  const container = document.getElementById(rootElementId);
  if (!container) throw new Error(`the page has no #${rootElementId} element`);
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
