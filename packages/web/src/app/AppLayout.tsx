import { App, Drawer, Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAccess, useAuth } from '../features/auth/auth';
import { useIsPhone } from '../shared/responsive';
import { AppHeader } from './AppHeader';
import { menuItems, selectedKey } from './menuItems';
import { FullPageSpin } from './RequireAuth';

function Brand({ full }: { full: boolean }) {
  return (
    <div style={{ color: '#fff', padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
      <div style={{ fontSize: 20, fontWeight: 600, lineHeight: '28px' }}>场景桥</div>
      {full && <div style={{ fontSize: 12, opacity: 0.85 }}>SceneBridge 场景创新服务平台</div>}
    </div>
  );
}

/**
 * The logged-in frame. On a desktop the menu is a side bar (an icon strip below `lg`); on a phone
 * (below `md`) it is a drawer opened from the header, and the content gets the whole width.
 */
export function AppLayout() {
  const { logout } = useAuth();
  const access = useAccess();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const phone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = menuItems(access);
  const selected = selectedKey(items, location.pathname);
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={(e) => {
        setDrawerOpen(false);
        void navigate(e.key);
      }}
      data-testid="main-menu"
    />
  );

  const onLogout = async () => {
    try {
      await logout();
    } catch {
      // the session is dropped locally either way
    }
    void message.success('已退出登录');
  };

  return (
    <Layout style={{ minHeight: '100vh' }} className={phone ? 'sb-phone' : undefined}>
      {!phone && (
        <Layout.Sider breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
          <Brand full={!collapsed} />
          {menu}
        </Layout.Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          closable={false}
          // The brand is the drawer's title, so the dialog is named by it.
          title={<Brand full />}
          styles={{ header: { padding: 0, background: '#001529', borderBottom: 'none' }, body: { padding: 0, background: '#001529' } }}
          rootClassName="sb-nav-drawer"
        >
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <AppHeader phone={phone} onMenu={() => setDrawerOpen(true)} onLogout={() => void onLogout()} />
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#666', padding: phone ? '16px 12px' : undefined }}>
          场景桥 · 人工智能场景创新服务平台 · 时间均为北京时间
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
