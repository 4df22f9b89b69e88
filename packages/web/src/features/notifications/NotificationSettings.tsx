import { notificationKindLabel } from '@scenebridge/contract/notifications/labels';
import type { NotificationPreference } from '@scenebridge/contract/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Flex, List, Skeleton, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { notificationsApi, notificationsKeys } from './api';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { useErrorToast } from '../../shared/hooks';

type Channel = 'inApp' | 'email';

/**
 * 设置 → 通知: for each kind the user's roles receive, in the app and by email. Each switch
 * saves at once; the list shown is what the server answered, so it never claims a choice that
 * was not stored.
 */
export default function NotificationSettings() {
  const toast = useErrorToast();
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: notificationsKeys.preferences, queryFn: notificationsApi.preferences });
  const [saving, setSaving] = useState<string | null>(null);

  const change = async (p: NotificationPreference, channel: Channel, on: boolean) => {
    setSaving(`${p.kind}:${channel}`);
    try {
      const next = await notificationsApi.updatePreferences([{ ...p, [channel]: on }]);
      queryClient.setQueryData(notificationsKeys.preferences, next);
    } catch (e) {
      toast(e);
    } finally {
      setSaving(null);
    }
  };

  const toggle = (p: NotificationPreference, channel: Channel, label: string) => (
    <Space size={6}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Switch
        size="small"
        checked={p[channel]}
        loading={saving === `${p.kind}:${channel}`}
        disabled={saving !== null}
        aria-label={`${notificationKindLabel(p.kind)}：${label}`}
        data-testid={`pref-${p.kind}-${channel}`}
        onChange={(on) => void change(p, channel, on)}
      />
    </Space>
  );

  return (
    <div>
      <PageHeader title="通知设置" sub="选择每类通知是否在站内提醒、是否同时发送邮件" />
      <Card style={{ maxWidth: 720 }}>
        <LoadError error={prefs.error} onRetry={() => void prefs.refetch()} />
        {prefs.isPending ? (
          <Skeleton active />
        ) : (
          <List
            data-testid="notification-preferences"
            dataSource={prefs.data?.items ?? []}
            renderItem={(p) => (
              <List.Item>
                <Flex wrap gap={12} justify="space-between" align="center" style={{ width: '100%' }}>
                  <Typography.Text>{notificationKindLabel(p.kind)}</Typography.Text>
                  <Space size={16} wrap>
                    {toggle(p, 'inApp', '站内')}
                    {toggle(p, 'email', '邮件')}
                  </Space>
                </Flex>
              </List.Item>
            )}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          邮件发送到您的登录邮箱。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
