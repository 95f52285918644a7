import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { RouterProvider } from 'react-router';
import { createApolloClient, RealtimeConnection, RealtimeProvider, realtimeUrl } from '@commons/web-data-access';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

const realtime = new RealtimeConnection({ url: realtimeUrl(window.location), onlineEvents: window });
const client = createApolloClient({ realtime });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <RealtimeProvider connection={realtime}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          <RouterProvider router={router} />
        </MantineProvider>
      </RealtimeProvider>
    </ApolloProvider>
  </StrictMode>,
);
