import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState } from '../components/ui/alert';
import { ApiError } from '../lib/api';
import { RouterProvider } from '../lib/router';
import { I18nProvider } from '../i18n';
import { LocaleSync } from './locale-sync';
import { createQueryClient } from './query-client';
import { router } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocaleSync />
        <RouterProvider
          router={router}
          failed={
            <main id="main" className="app-main">
              <ErrorState
                error={new ApiError('network', 0, 'The page could not be fetched')}
                onRetry={() => window.location.reload()}
              />
            </main>
          }
        />
      </I18nProvider>
    </QueryClientProvider>
  );
}
