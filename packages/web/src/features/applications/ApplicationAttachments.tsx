import { useQueryClient } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { AttachmentList, type AttachmentEndpoints } from '../submissions/Attachments';
import { applicationsApi, applicationsKeys, type ApplicationWithFiles } from './api';

/** The application's 附件 card: the lead uploads and removes files while it is a draft; everyone who sees it downloads them. */
export function ApplicationAttachments({ a }: { a: ApplicationWithFiles }) {
  const queryClient = useQueryClient();
  const endpoints: AttachmentEndpoints = {
    upload: (file, filename) => applicationsApi.uploadAttachment(a.id, file, filename),
    remove: applicationsApi.deleteAttachment,
    url: applicationsApi.attachmentUrl,
  };
  // canEdit is the lead's draft: the same rule the server applies to adding and removing files.
  const editable = a.canEdit && a.status === 'draft';
  return (
    <Card title="附件" style={{ marginBottom: 16 }} data-testid="application-attachments">
      {editable && (
        <Typography.Paragraph type="secondary">
          可上传技术方案、资质证明、报价明细等材料，每份申报最多20个；提交后不能再增删。
        </Typography.Paragraph>
      )}
      <AttachmentList
        items={a.attachments}
        editable={editable}
        endpoints={endpoints}
        onChanged={() => void queryClient.invalidateQueries({ queryKey: applicationsKeys.detail(a.id) })}
      />
    </Card>
  );
}
