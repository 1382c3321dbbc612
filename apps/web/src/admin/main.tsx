import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminRoot } from './app/AdminRoot';
import './admin.css';

const container = document.getElementById('admin-root');
if (!container) throw new Error('admin.html has no #admin-root element');
createRoot(container).render(
  <StrictMode>
    <AdminRoot />
  </StrictMode>,
);
