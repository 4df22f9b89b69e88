import { Card, Divider, Form, Spin, Typography, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { qualityApi } from '../quality/api';
import { searchApi } from '../search/api';
import { useDebounced } from '../../shared/hooks';
import type { Classification, ListType, QualityReport, SubmissionData } from '../../shared/types';
import { ClassificationSuggestions } from './ClassificationSuggestions';
import { QualityPanel } from '../quality/QualityPanel';

const DEBOUNCE_MS = 800;
/** Enough text to say something about. */
const MIN_TEXT = 8;

interface Props {
  form: FormInstance<SubmissionData>;
  listType: ListType;
  submissionId?: string;
  /** The draft as it would be saved (trimmed, empty parts dropped). */
  toData: (values: SubmissionData) => SubmissionData;
  /** Called after a suggestion was put into the form. */
  onAccept: () => void;
}

type Remote<T> = { state: 'idle' } | { state: 'loading'; last?: T } | { state: 'done'; value: T } | { state: 'unavailable' };

/** Runs `fn` for each settled `key`, keeping the last answer on screen while the next one loads. */
function useRemote<T>(key: string | null, fn: () => Promise<T>): Remote<T> {
  const [r, setR] = useState<Remote<T>>({ state: 'idle' });
  useEffect(() => {
    if (key === null) {
      setR({ state: 'idle' });
      return;
    }
    let alive = true;
    setR((prev) => ({ state: 'loading', last: prev.state === 'done' ? prev.value : prev.state === 'loading' ? prev.last : undefined }));
    fn()
      .then((value) => alive && setR({ state: 'done', value }))
      // Whatever went wrong (not deployed, not allowed, offline, too many checks in a minute), the
      // form works without it; the last answer stays on screen rather than a blank.
      .catch(
        () =>
          alive &&
          setR((prev) =>
            prev.state === 'loading' && prev.last !== undefined ? { state: 'done', value: prev.last } : { state: 'unavailable' },
          ),
      );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return r;
}

const valueOf = <T,>(r: Remote<T>): T | undefined => (r.state === 'done' ? r.value : r.state === 'loading' ? r.last : undefined);

/**
 * Beside the submission form, while typing: suggested sector and technology fields (click to
 * accept) and the quality check (near-duplicates, vague entries). Warnings only; never blocks.
 */
export function SubmissionAssist({ form, listType, submissionId, toData, onAccept }: Props) {
  const isNeed = listType === 'scenario_need';
  const snapshot = Form.useWatch((v: SubmissionData) => JSON.stringify(toData(v ?? {})), form) ?? '{}';
  const settled = useDebounced(snapshot, DEBOUNCE_MS);
  const data = JSON.parse(settled) as SubmissionData;
  const text = `${data.title ?? ''}${data.description ?? ''}`;
  const classifyKey = text.length >= MIN_TEXT ? JSON.stringify([data.title ?? '', data.description ?? '']) : null;
  const qualityKey = text.length >= MIN_TEXT ? settled : null;

  const classification = useRemote<Classification>(classifyKey, () => searchApi.classify(data.title ?? '', data.description ?? ''));
  const quality = useRemote<QualityReport>(qualityKey, () => qualityApi.qualityCheck(listType, data, submissionId));

  const current = JSON.parse(snapshot) as SubmissionData;
  const chosenSectors = isNeed ? (current.sector ? [current.sector] : []) : (current.sectors ?? []);
  const chosenTech = current.techFields ?? [];

  const acceptSector = (code: string) => {
    if (isNeed) form.setFieldValue('sector', code);
    else form.setFieldValue('sectors', [...chosenSectors.filter((c) => c !== code), code].slice(-5));
    void form.validateFields([isNeed ? 'sector' : 'sectors']).catch(() => undefined);
    onAccept();
  };
  const acceptTech = (code: string) => {
    form.setFieldValue('techFields', [...chosenTech.filter((c) => c !== code), code].slice(-5));
    void form.validateFields(['techFields']).catch(() => undefined);
    onAccept();
  };

  const cls = valueOf(classification);
  const rep = valueOf(quality);

  return (
    <Card title="智能建议与查重" size="small" style={{ position: 'sticky', top: 16 }} data-testid="submission-assist">
      {classifyKey === null ? (
        <Typography.Text type="secondary">填写名称和描述后，这里会给出领域建议，并提示相似条目和需要完善的内容。</Typography.Text>
      ) : (
        <>
          <Spin spinning={classification.state === 'loading' && !cls} size="small">
            {cls ? (
              <ClassificationSuggestions
                result={cls}
                chosenSectors={chosenSectors}
                chosenTech={chosenTech}
                onSector={acceptSector}
                onTech={acceptTech}
              />
            ) : classification.state === 'unavailable' ? (
              <Typography.Text type="secondary">领域建议暂不可用</Typography.Text>
            ) : (
              <div style={{ minHeight: 40 }} />
            )}
          </Spin>
          {quality.state !== 'unavailable' && (
            <>
              <Divider style={{ margin: '8px 0 12px' }} />
              <Spin spinning={quality.state === 'loading' && !rep} size="small">
                {rep ? <QualityPanel report={rep} /> : <div style={{ minHeight: 40 }} />}
              </Spin>
            </>
          )}
        </>
      )}
    </Card>
  );
}
