import { useQueryClient } from '@tanstack/react-query';
import { BROKER_PROFILE_FIELD_LABELS } from '@scenebridge/contract/brokers/labels';
import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/formErrors';
import { errorMessage } from '../../shared/http';
import { useMeta } from '../../shared/meta';
import { brokersApi, brokersKeys, type BrokerProfile } from './api';

interface Values {
  fields: string[];
  certificateNo?: string;
  bio?: string;
}

/** The server's limits (packages/domain/src/deals/schema.ts); it checks them again. */
const LIMITS = { fields: 10, certificateNo: 64, bio: 2000 } as const;

/** 我的资料: fields of expertise (taxonomy technology fields) and the broker's certificate number. */
export function BrokerProfileCard({ profile }: { profile: BrokerProfile }) {
  const meta = useMeta();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await brokersApi.saveProfile({ fields: v.fields ?? [], certificateNo: v.certificateNo?.trim() || null, bio: v.bio?.trim() || null });
      void qc.invalidateQueries({ queryKey: brokersKeys.all });
      void message.success('资料已保存');
    } catch (e) {
      const rest = applyServerErrors(form, e);
      setError(rest === null ? errorMessage(e) : rest.length > 0 ? rest.map((d) => d.message).join('；') : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="我的资料" data-testid="broker-profile">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ fields: profile.fields, certificateNo: profile.certificateNo ?? '', bio: profile.bio ?? '' }}
      >
        <Form.Item
          name="fields"
          label={BROKER_PROFILE_FIELD_LABELS.fields}
          rules={[{ type: 'array', max: LIMITS.fields, message: `最多选择${LIMITS.fields}个领域` }]}
        >
          <Select
            mode="multiple"
            allowClear
            options={meta.techFieldOptions}
            placeholder="选择擅长的技术领域"
            data-testid="broker-profile-fields"
          />
        </Form.Item>
        <Form.Item
          name="certificateNo"
          label={BROKER_PROFILE_FIELD_LABELS.certificateNo}
          rules={[
            { max: LIMITS.certificateNo, message: `证书编号不能超过${LIMITS.certificateNo}个字符` },
            {
              validator: (_r, v?: string) =>
                !v || v.trim().length === 0 || v.trim().length >= 2 ? Promise.resolve() : Promise.reject(new Error('证书编号至少2个字符')),
            },
          ]}
        >
          <Input maxLength={LIMITS.certificateNo} data-testid="broker-profile-certificate" />
        </Form.Item>
        <Form.Item name="bio" label={BROKER_PROFILE_FIELD_LABELS.bio}>
          <Input.TextArea rows={3} showCount maxLength={LIMITS.bio} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="broker-profile-save">
          保存资料
        </Button>
      </Form>
    </Card>
  );
}
