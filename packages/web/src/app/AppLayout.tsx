import {
  AuditOutlined, BankOutlined, BellOutlined, BookOutlined, CloudUploadOutlined, DashboardOutlined, FileDoneOutlined, FileTextOutlined,
  KeyOutlined, LogoutOutlined, MergeCellsOutlined, NotificationOutlined, SafetyCertificateOutlined, SearchOutlined, SolutionOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../features/auth/auth';
import { useMeta } from '../shared/meta';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { FullPageSpin } from './RequireAuth';
import { StatusTag } from '../shared/components/StatusTag';

type MenuItem = Required<MenuProps>['items'][number];

export function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const meta = useMeta();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const isReviewer = user.roles.includes('reviewer');
  // GET /submissions answers 403 to a reviewer who is not also an organisation user.
  const isOrgUser = user.roles.some((r) => r === 'org_admin' || r === 'org_member');
  const seesSubmissions = user.isOperator || isOrgUser;
  const items: MenuItem[] = [
    { key: '/', icon: <DashboardOutlined />, label: '工作台' },
    ...(isReviewer
      ? [
          { key: '/reviews', icon: <SolutionOutlined />, label: '评审任务' },
          { key: '/reviews/relations', icon: <SafetyCertificateOutlined />, label: '关联单位声明' },
        ]
      : []),
    ...(user.isOperator ? [{ key: '/organizations', icon: <BankOutlined />, label: '机构审核' }] : []),
    { key: '/calls', icon: <NotificationOutlined />, label: user.isOperator ? '征集管理' : '在线征集' },
    ...(seesSubmissions || !isReviewer ? [{ key: '/submissions', icon: <FileTextOutlined />, label: '填报记录' }] : []),
    ...(user.isOperator ? [{ key: '/batches', icon: <FileDoneOutlined />, label: '发布批次' }] : []),
    { key: '/search', icon: <SearchOutlined />, label: '检索与匹配' },
    ...(isOrgUser ? [{ key: '/subscriptions', icon: <BellOutlined />, label: '我的订阅' }] : []),
    ...(user.isOperator
      ? [
          { key: '/duplicates', icon: <MergeCellsOutlined />, label: '重复需求合并' },
          { key: '/dictionary', icon: <BookOutlined />, label: '检索词典与同义词' },
        ]
      : []),
    ...(user.isOperator || user.isOrgAdmin ? [{ key: '/import', icon: <CloudUploadOutlined />, label: '批量导入' }] : []),
    ...(user.isOperator ? [{ key: '/audit', icon: <AuditOutlined />, label: '审计日志' }] : []),
    { key: '/account/password', icon: <KeyOutlined />, label: '修改密码' },
  ];
  const keys = items.map((i) => String(i?.key ?? ''));
  // A listing is opened from search: keep 检索与匹配 lit.
  const path = location.pathname.startsWith('/listings/') ? '/search' : location.pathname;
  const selected =
    keys.filter((k) => k !== '/' && path.startsWith(k)).sort((a, b) => b.length - a.length)[0] ??
    (path === '/' ? '/' : '');

  const onLogout = async () => {
    try {
      await logout();
    } catch {
      // the session is dropped locally either way
    }
    void message.success('已退出登录');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
        <div style={{ color: '#fff', padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <div style={{ fontSize: 20, fontWeight: 600, lineHeight: '28px' }}>场景桥</div>
          {!collapsed && <div style={{ fontSize: 12, opacity: 0.65 }}>SceneBridge 场景创新服务平台</div>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={(e) => navigate(e.key)}
          data-testid="main-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Space size="small" data-testid="header-org">
              <BankOutlined />
              <Typography.Text strong>{user.organization.name}</Typography.Text>
              {user.organization.status !== 'approved' && (
                <StatusTag kind="organization" status={user.organization.status} />
              )}
            </Space>
            <Space size="middle">
              <NotificationBell />
              <Space size="small" data-testid="header-user">
                <UserOutlined />
                <span>{user.displayName}</span>
                <Typography.Text type="secondary">（{user.roles.map(meta.role).join('、')}）</Typography.Text>
              </Space>
              <Button icon={<LogoutOutlined />} onClick={() => void onLogout()} data-testid="logout">
                退出
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#999' }}>场景桥 · 人工智能场景创新服务平台 · 时间均为北京时间</Layout.Footer>
      </Layout>
    </Layout>
  );
}
