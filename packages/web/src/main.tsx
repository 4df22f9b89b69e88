import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { AuthProvider } from './features/auth/auth';
import { MetaProvider } from './shared/meta';
import { queryClient } from './shared/query';
import { router } from './app/routes';
import './shared/time';

/**
 * antd's secondary text (0.45 black) is 3.4:1 on white, under WCAG AA's 4.5:1 for body text; at
 * 0.6 it is 5.7:1 (on the page's grey too).
 */
const THEME = {
  colorPrimary: '#1456c6',
  // Links default to antd's own blue (4.1:1 on white); the brand blue is 6.6:1.
  colorLink: '#1456c6',
  borderRadius: 6,
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  // Select placeholders are text on the page (axe checks them): 4.7:1.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  // Status text (权重合计 …, form errors) in antd's light green/orange/red is 2.3-3.3:1 on white.
  colorSuccessText: '#237804',
  colorWarningText: '#874d00',
  colorErrorText: '#cf1322',
};
/** The switch's off track carries white text (否, 不公开): 0.25 black behind it is 1.8:1. */
const COMPONENTS = { Switch: { colorTextQuaternary: 'rgba(0, 0, 0, 0.55)', colorTextTertiary: 'rgba(0, 0, 0, 0.65)' } };

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: THEME, components: COMPONENTS }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <MetaProvider>
            <AuthProvider>
              <RouterProvider router={router} />
            </AuthProvider>
          </MetaProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
