import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { AtmApp } from './AtmApp';
import { createQueryClient } from '../shared/api/query-client';

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <AtmApp />
    </QueryClientProvider>
  );
}
