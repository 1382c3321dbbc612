import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createQueryClient } from '../../shared/api/query-client';
import { ConsoleApp } from './ConsoleApp';
import { RouterProvider } from './router';

export function AdminRoot() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <RouterProvider>
        <ConsoleApp />
      </RouterProvider>
    </QueryClientProvider>
  );
}
