import { CheckCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/http';
import { dealsApi, dealsKeys } from './api';

/**
 * 接受意向: the listing owner accepts an interest received from the other side; the server opens
 * a deal at the intent stage (or answers the one already opened) and the user lands on it.
 */
export function AcceptInterestButton({ interestId }: { interestId: string }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const accept = async () => {
    setBusy(true);
    try {
      const r = await dealsApi.acceptInterest(interestId);
      void qc.invalidateQueries({ queryKey: dealsKeys.all });
      void message[r.created ? 'success' : 'info'](
        r.created ? `已接受意向，对接项目 ${r.deal.code} 已创建` : `该意向已有对接项目 ${r.deal.code}`,
      );
      void navigate(`/deals/${r.deal.id}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      type="primary"
      icon={<CheckCircleOutlined />}
      loading={busy}
      onClick={() => void accept()}
      data-testid="accept-interest"
    >
      接受意向
    </Button>
  );
}
