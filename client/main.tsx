import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { readableColors } from './app/readable-colors.js';
import { theme } from './app/theme.js';
import { UpdatePrompt } from './pwa/UpdatePrompt.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={readableColors} defaultColorScheme="light">
      <ModalsProvider>
        {/* Bottom centre, between the grid's row count and its pages: top right covered the toolbar's Export, Columns and Views menus for seconds after each action. */}
        <Notifications position="bottom-center" />
        <App />
        <UpdatePrompt />
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
