import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { type ReactElement } from 'react';
import { createQueryClient } from '../shared/api/query-client';
import { Machine } from '../shared/machine/components/Machine';
import { SessionProvider } from '../features/session/hooks/session-context';
import { tokenStore } from '../shared/api/http';
import { AudioGuidanceProvider } from '../shared/speech/audio-guidance';

/** Renders one screen inside the machine (keypad included), signed in with a fake token. */
export function renderScreen(screen: ReactElement, { signedIn = true } = {}) {
  tokenStore.set(signedIn ? 'test-token' : null);
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, refetchOnWindowFocus: false } });
  const onEnded = jest.fn();
  const result = render(
    <QueryClientProvider client={client}>
      <SessionProvider onEnded={onEnded}>
        <AudioGuidanceProvider>
          <Machine card="inside">{screen}</Machine>
        </AudioGuidanceProvider>
      </SessionProvider>
    </QueryClientProvider>,
  );
  return { ...result, client, onEnded };
}
