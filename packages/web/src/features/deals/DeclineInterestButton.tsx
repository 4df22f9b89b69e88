import { CloseCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { matchingKeys } from '../matching/api';
import { dealsApi } from './api';

/** 婉拒意向: the listing owner declines an interest received, with a reason the sender is told. */
export function DeclineInterestButton({ interestId, from }: { interestId: string; from: string }) {
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  const qc = useQueryClient();
  return (
    <>
      <Button size="small" danger icon={<CloseCircleOutlined />} onClick={() => setOpen(true)} data-testid="decline-interest">
        婉拒
      </Button>
      <ReasonModal
        open={open}
        title="婉拒对接意向"
        label="婉拒原因"
        okText="婉拒"
        description={`婉拒后不能再接受此意向；「${from}」将收到通知和原因。`}
        onCancel={() => setOpen(false)}
        onSubmit={async (reason) => {
          await dealsApi.declineInterest(interestId, reason);
          void qc.invalidateQueries({ queryKey: matchingKeys.allInterests });
          void message.success('已婉拒该意向');
          setOpen(false);
        }}
      />
    </>
  );
}
