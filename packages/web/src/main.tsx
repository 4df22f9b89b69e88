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

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1456c6', borderRadius: 6 } }}>
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
