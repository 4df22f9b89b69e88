import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { SettingOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, List, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { notificationsApi, notificationsKeys } from './api';
import { PageState } from '../../shared/components/PageState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useErrorToast, useSearchState } from '../../shared/hooks';
import { notificationKindLabel } from '../../shared/labels';
import { notifyCountChanged } from './notifications';
import { fmtTime } from '../../shared/time';
import type { AppNotification } from '../../shared/types';

/** In-app links are SPA paths; anything else (public portal pages) opens as a normal link. */
const isSpaLink = (link: string) => link.startsWith('/') && !link.startsWith('/public') && !link.startsWith('/api');

export default function Notifications() {
  const navigate = useNavigate();
  const toast = useErrorToast();
  const [params, update] = useSearchState();
  const unreadOnly = params.get('unread') === 'true';
  const page = Number(params.get('page') ?? '1') || 1;
  const queryClient = useQueryClient();
  const query = { unread: unreadOnly ? 'true' : undefined, page, pageSize: 20 };
  const list = useQuery({
    queryKey: notificationsKeys.list(query),
    queryFn: () => notificationsApi.notifications(query),
    placeholderData: keepPreviousData,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: notificationsKeys.all });
  const data = list.data;

  const markRead = async (n: AppNotification) => {
    if (n.readAt) return;
    await notificationsApi.markNotificationRead(n.id);
    notifyCountChanged();
  };

  const open = async (n: AppNotification) => {
    try {
      await markRead(n);
    } catch (e) {
      toast(e);
    }
    if (!n.link) return void reload();
    if (isSpaLink(n.link)) void navigate(n.link);
    else window.location.assign(n.link);
  };

  const readAll = async () => {
    try {
      await notificationsApi.markAllNotificationsRead();
      notifyCountChanged();
      void queryClient.invalidateQueries({ queryKey: notificationsKeys.all });
    } catch (e) {
      toast(e);
    }
  };

  return (
    <div>
      <PageHeader
        title="通知"
        sub={data ? `未读 ${data.unread} 条` : undefined}
        extra={
          <Space wrap>
            <Segmented
              value={unreadOnly ? 'unread' : 'all'}
              onChange={(v) => update({ unread: v === 'unread' ? 'true' : undefined, page: undefined })}
              options={[
                { value: 'all', label: '全部' },
                { value: 'unread', label: '未读' },
              ]}
              data-testid="notifications-filter-unread"
            />
            <Button onClick={() => void readAll()} disabled={!data?.unread} data-testid="notifications-read-all">
              全部标为已读
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => navigate('/settings/notifications')} data-testid="notifications-settings">
              通知设置
            </Button>
          </Space>
        }
      />
      <PageState error={list.error} onRetry={() => void list.refetch()} />
      <Card>
        <List
          loading={list.isFetching}
          dataSource={data?.items ?? []}
          locale={{
            emptyText: list.error ? (
              ' '
            ) : (
              <Empty description={unreadOnly ? '没有未读通知' : '暂无通知'} data-testid="notifications-empty" />
            ),
          }}
          renderItem={(n) => (
            <List.Item
              data-testid={`notification-row-${n.id}`}
              data-read={n.readAt ? 'true' : 'false'}
              style={{ background: n.readAt ? undefined : '#f0f7ff', paddingInline: 12, cursor: n.link ? 'pointer' : undefined }}
              onClick={() => void open(n)}
              actions={[
                !n.readAt && (
                  <Button
                    key="r"
                    size="small"
                    type="link"
                    onClick={(e) => {
                      e.stopPropagation();
                      void markRead(n).then(reload, toast);
                    }}
                    data-testid="notification-read"
                  >
                    标为已读
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                title={
                  <Flex gap={8} align="center" wrap>
                    <Tag>{notificationKindLabel(n.kind)}</Tag>
                    <Typography.Text strong={!n.readAt} data-testid="notification-title">
                      {n.title}
                    </Typography.Text>
                  </Flex>
                }
                description={
                  <>
                    {n.body && <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmtTime(n.createdAt)}
                      {n.link ? ' · 点击查看' : ''}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {data && data.total > data.pageSize && (
          <Flex justify="flex-end" style={{ marginTop: 16 }}>
            <Pagination
              current={page}
              pageSize={data.pageSize}
              total={data.total}
              showSizeChanger={false}
              onChange={(p) => update({ page: p === 1 ? undefined : String(p) })}
            />
          </Flex>
        )}
      </Card>
    </div>
  );
}
