import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
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
        <RouterProvider router={router} />
      </I18nProvider>
    </QueryClientProvider>
  );
}
