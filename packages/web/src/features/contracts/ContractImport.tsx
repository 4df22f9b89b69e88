import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Statistic, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../shared/components/DataTable';
import { PageHeader } from '../../shared/components/PageHeader';
import { ApiError, errorMessage } from '../../shared/http';
import { rowTestId } from '../../shared/testid';
import type { ImportError } from '../../shared/types';
import { contractsApi, contractsKeys, type ContractImportReport } from './api';

const XLSX_MAX_BYTES = 10 * 1024 * 1024;

/** A refused commit (422 IMPORT_HAS_ERRORS) carries the whole report in its details. */
function reportOf(e: unknown): ContractImportReport | null {
  if (e instanceof ApiError && e.code === 'IMPORT_HAS_ERRORS' && e.details && typeof e.details === 'object' && !Array.isArray(e.details)) {
    return e.details as ContractImportReport;
  }
  return null;
}

/**
 * 历史登记导入 (registrars, operators): registrations made before the platform, from the XLSX
 * template. All or nothing: one wrong row and nothing is imported; a row imported before (same
 * 登记编号) is skipped, so importing the same file twice changes nothing.
 */
export default function ContractImport() {
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'dry_run' | 'commit' | null>(null);
  const [result, setResult] = useState<ContractImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (mode: 'dry_run' | 'commit') => {
    if (!file) return;
    setBusy(mode);
    setError(null);
    try {
      const r = await contractsApi.importFile(file, mode);
      setResult(r);
      if (mode === 'commit' && r.committed) {
        void qc.invalidateQueries({ queryKey: contractsKeys.all });
        void message.success(`导入完成：新增 ${r.created} 条，已存在 ${r.duplicates} 条`);
      }
    } catch (e) {
      const report = reportOf(e);
      if (report) {
        setResult(report);
        void message.error('存在错误行，未导入任何数据');
      } else {
        setResult(null);
        setError(errorMessage(e));
      }
    } finally {
      setBusy(null);
    }
  };

  const confirmCommit = () =>
    modal.confirm({
      title: '确认导入历史登记',
      content: '全部行无误时才会导入；只要有一行有误，将不导入任何数据。已导入过的登记（相同登记编号）会跳过，不会重复。确定继续吗？',
      okText: '确认导入',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => run('commit'),
    });

  const errors = result?.errors ?? [];
  return (
    <div>
      <PageHeader title="历史技术合同登记导入" sub="将平台上线前已登记的技术合同按模板导入，导入后状态为已登记并计入统计。" />
      <Card style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={contractsApi.importTemplateUrl()} download data-testid="contracts-import-template">
              下载导入模板
            </Button>
            <Typography.Text type="secondary">金额单位为元；日期格式 YYYY-MM-DD；表头不要修改。</Typography.Text>
          </Space>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            data-testid="contracts-import-file"
            beforeUpload={(f) => {
              setResult(null);
              if (f.size > XLSX_MAX_BYTES) {
                setError(`${f.name}：文件超过10MB上限，请拆分后分批导入`);
                return false;
              }
              setError(null);
              setFile(f);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setResult(null);
            }}
            fileList={file ? [{ uid: 'contracts-import', name: file.name, status: 'done', size: file.size }] : []}
          >
            <p style={{ fontSize: 32, margin: 0, color: '#1456c6' }}>
              <InboxOutlined />
            </p>
            <p>点击或拖拽 XLSX 文件到此处</p>
            <Typography.Text type="secondary">请使用上方模板</Typography.Text>
          </Upload.Dragger>
          <Space wrap>
            <Button
              onClick={() => void run('dry_run')}
              loading={busy === 'dry_run'}
              disabled={!file || busy !== null}
              data-testid="contracts-import-dry-run"
            >
              预检
            </Button>
            <Button
              type="primary"
              onClick={confirmCommit}
              loading={busy === 'commit'}
              disabled={!file || busy !== null}
              data-testid="contracts-import-commit"
            >
              确认导入
            </Button>
          </Space>
        </Space>
      </Card>

      {error && (
        <Alert
          type="error"
          showIcon
          title="导入失败"
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="contracts-import-error"
        />
      )}

      {result && (
        <Card
          title={
            <Space>
              {result.mode === 'dry_run' ? '预检结果' : '导入结果'}
              {result.mode === 'commit' && (result.committed ? <Tag color="green">已导入</Tag> : <Tag color="red">未导入</Tag>)}
            </Space>
          }
          style={{ marginBottom: 16 }}
          data-testid="contracts-import-summary"
        >
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}>
              <Statistic title="数据行" value={result.totalRows} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="正确行" value={result.validRows} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="错误" value={errors.length} styles={{ content: { color: errors.length ? '#cf1322' : undefined } }} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={result.mode === 'dry_run' ? '将新增' : '新增'} value={result.created} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="已存在（跳过）" value={result.duplicates} />
            </Col>
          </Row>
          {errors.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              title={result.mode === 'dry_run' ? '存在错误行：确认导入时将不导入任何数据' : '存在错误行，未导入任何数据'}
              description="请按下方错误明细修改后重新上传；全部行无误时才会导入。"
            />
          )}
          {result.totalRows === 0 && errors.length === 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              title="文件中没有数据行"
              description="模板中的示例行不会导入；请在示例行下方填写要导入的登记。"
            />
          )}
          {result.mode === 'dry_run' && result.totalRows > 0 && errors.length === 0 && (
            <Alert type="success" showIcon style={{ marginTop: 16 }} title="预检通过，可以确认导入" />
          )}
        </Card>
      )}

      {result && (
        <Card title="错误明细">
          <DataTable<ImportError>
            rowKey={(r) => `${r.row}-${r.column}-${r.code}-${r.message}`}
            size="small"
            dataSource={errors}
            data-testid="contracts-import-errors"
            onRow={(r) => rowTestId(`contracts-import-error-row-${r.row}`)}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有错误" />}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处错误` }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '列', dataIndex: 'column', width: 160, render: (v: string) => v || '—' },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
