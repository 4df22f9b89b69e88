import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { notificationsApi } from './api';
import { onCountChanged } from './notifications';

const POLL_MS = 30_000;

/** The header bell: unread count, refreshed on navigation, every 30 s and when the page says so. */
export function NotificationBell() {
  const navigate = useNavigate();
  const location = useLocation();
  const [unread, setUnread] = useState<number | null>(null);

  const refresh = useCallback(() => {
    notificationsApi
      .notifications({ unread: 'true', pageSize: 1 })
      .then((r) => setUnread(r.unread))
      .catch(() => undefined);
  }, []);

  useEffect(refresh, [refresh, location.pathname]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    const off = onCountChanged(refresh);
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [refresh]);

  const n = unread ?? 0;
  return (
    <Tooltip title={n ? `${n} 条未读通知` : '通知'}>
      <Badge count={n} size="small" overflowCount={99} data-testid="notification-count" data-count={n}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => navigate('/notifications')}
          aria-label={n ? `通知，${n} 条未读` : '通知'}
          data-testid="notification-bell"
        />
      </Badge>
    </Tooltip>
  );
}
