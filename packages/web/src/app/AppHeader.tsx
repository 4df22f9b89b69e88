import { BankOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../features/auth/auth';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { StatusTag } from '../shared/components/StatusTag';
import { useMeta } from '../shared/meta';

const ONE_LINE = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 } as const;

/**
 * The header: the organisation on the left, the bell and the user on the right, always one row.
 * Long names are cut with an ellipsis (the full name in the tooltip) instead of wrapping over the
 * page. On a phone the menu button comes first and the user's name, roles and log-out move into
 * a popover behind the user icon.
 */
export function AppHeader({ phone, onMenu, onLogout }: { phone: boolean; onMenu: () => void; onLogout: () => void }) {
  const user = useUser();
  const meta = useMeta();
  const [userOpen, setUserOpen] = useState(false);
  const roles = user.roles.map(meta.role).join('、');
  const logout = (
    <Button
      icon={<LogoutOutlined />}
      onClick={() => {
        setUserOpen(false);
        onLogout();
      }}
      data-testid="logout"
      block={phone}
    >
      退出
    </Button>
  );
  const org = (
    <Flex align="center" gap={8} style={{ minWidth: 0, flex: '1 1 auto' }} data-testid="header-org">
      <BankOutlined aria-hidden />
      <Typography.Text strong style={ONE_LINE} title={user.organization.name}>
        {user.organization.name}
      </Typography.Text>
      {user.organization.status !== 'approved' && (
        <span style={{ flex: 'none' }}>
          <StatusTag kind="organization" status={user.organization.status} />
        </span>
      )}
    </Flex>
  );

  return (
    <Layout.Header
      style={{ background: '#fff', padding: phone ? '0 8px' : '0 24px', borderBottom: '1px solid #f0f0f0', lineHeight: 'normal' }}
    >
      <Flex align="center" gap={phone ? 4 : 16} style={{ height: '100%' }}>
        {phone && <Button type="text" icon={<MenuOutlined />} onClick={onMenu} aria-label="打开菜单" data-testid="nav-toggle" />}
        {org}
        <Flex align="center" gap={phone ? 0 : 16} style={{ flex: 'none' }}>
          <NotificationBell />
          {phone ? (
            <Popover
              open={userOpen}
              onOpenChange={setUserOpen}
              trigger="click"
              placement="bottomRight"
              content={
                <Space orientation="vertical" style={{ width: 220 }} data-testid="user-menu">
                  <Typography.Text strong>{user.displayName}</Typography.Text>
                  <Typography.Text type="secondary">{roles}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {user.organization.name}
                  </Typography.Text>
                  {logout}
                </Space>
              }
            >
              <Button
                type="text"
                shape="circle"
                icon={<UserOutlined />}
                aria-label={`${user.displayName}（${roles}）`}
                data-testid="header-user"
              />
            </Popover>
          ) : (
            <>
              <Flex align="center" gap={8} style={{ maxWidth: 320, minWidth: 0 }} data-testid="header-user">
                <UserOutlined aria-hidden />
                <span style={{ ...ONE_LINE, flex: 'none', maxWidth: 140 }} title={user.displayName}>
                  {user.displayName}
                </span>
                <Typography.Text type="secondary" style={ONE_LINE} title={roles}>
                  （{roles}）
                </Typography.Text>
              </Flex>
              {logout}
            </>
          )}
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
