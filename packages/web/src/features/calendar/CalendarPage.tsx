import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Dayjs } from 'dayjs';
import {
  CALENDAR_LIMITS,
  CALENDAR_YEAR_STATUS_LABELS,
  WEEKDAY_LABELS,
  civilDayOfWeek,
  isWeekendDate,
  validateYearCalendar,
  type CalendarYear,
  type HolidayRangeDto,
  type MakeupWorkdayDto,
} from '@scenebridge/contract/calendar';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadError } from '../../shared/components/LoadError';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { DataTable } from '../../shared/components/DataTable';
import { dayjs, fmtTime, TZ } from '../../shared/time';
import { calendarApi, calendarKeys } from './api';
import { DeadlineHelper } from './DeadlineHelper';
import { MonthGrid } from './MonthGrid';

interface Draft {
  source: string;
  holidays: HolidayRangeDto[];
  workdays: MakeupWorkdayDto[];
}

const draftOf = (y: CalendarYear): Draft => ({ source: y.source ?? '', holidays: y.holidays, workdays: y.workdays });
const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);
const withWeekday = (date: string) => `${date}（${WEEKDAY_LABELS[civilDayOfWeek(date)]}）`;
const spanDays = (h: HolidayRangeDto) => dayjs(h.end).diff(dayjs(h.start), 'day') + 1;
const STATUS_COLORS = { saved: 'green', builtin: 'blue', missing: 'orange' } as const;

/** 工作日历 (operators): a year as a month grid, its holidays and 调休 days edited and saved with a reason. */
export default function CalendarPage() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => Number(dayjs().tz(TZ).format('YYYY')));
  const current = useQuery({ queryKey: calendarKeys.year(year), queryFn: () => calendarApi.year(year) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const [holidayForm] = Form.useForm<{ name: string; range: [Dayjs, Dayjs] }>();
  const [workdayForm] = Form.useForm<{ date: Dayjs; name: string }>();

  useEffect(() => {
    if (current.data) setDraft(draftOf(current.data));
  }, [current.data]);

  const data = current.data;
  const dirty = !!data && !!draft && !sameDraft(draft, draftOf(data));
  const problems = useMemo(
    () => (draft ? validateYearCalendar({ year, holidays: draft.holidays, workdays: draft.workdays }) : []),
    [draft, year],
  );
  const inYear = (d: Dayjs) => d.year() !== year;

  const switchYear = (y: number | null) => {
    if (!y || y === year) return;
    const go = () => {
      setAddError(null);
      setYear(y);
    };
    if (!dirty) return go();
    modal.confirm({
      title: `${year}年有未保存的修改`,
      content: '切换年份将放弃这些修改。',
      okText: '放弃并切换',
      cancelText: '留在本年',
      onOk: go,
    });
  };

  /** Adds to the draft only what the domain's rules accept, and says why not otherwise. */
  const tryDraft = (next: Draft, field: 'holidays' | 'workdays') => {
    const index = next[field].length - 1;
    const p = validateYearCalendar({ year, holidays: next.holidays, workdays: next.workdays }).find((x) =>
      x.path.startsWith(`${field}.${index}`),
    );
    if (p) {
      setAddError(p.message);
      return false;
    }
    setAddError(null);
    setDraft(next);
    return true;
  };

  const addHoliday = async () => {
    if (!draft) return;
    const v = await holidayForm.validateFields();
    const h = { name: v.name.trim(), start: v.range[0].format('YYYY-MM-DD'), end: v.range[1].format('YYYY-MM-DD') };
    if (tryDraft({ ...draft, holidays: [...draft.holidays, h] }, 'holidays')) {
      setDraft((d) => (d ? { ...d, holidays: [...d.holidays].sort((a, b) => a.start.localeCompare(b.start)) } : d));
      holidayForm.resetFields();
    }
  };
  const addWorkday = async () => {
    if (!draft) return;
    const v = await workdayForm.validateFields();
    const w = { date: v.date.format('YYYY-MM-DD'), name: v.name.trim() };
    if (tryDraft({ ...draft, workdays: [...draft.workdays, w] }, 'workdays')) {
      setDraft((d) => (d ? { ...d, workdays: [...d.workdays].sort((a, b) => a.date.localeCompare(b.date)) } : d));
      workdayForm.resetFields();
    }
  };

  const save = async (reason: string) => {
    if (!draft || !data) return;
    const saved = await calendarApi.saveYear(year, {
      version: data.version,
      source: draft.source.trim() || undefined,
      reason,
      holidays: draft.holidays,
      workdays: draft.workdays,
    });
    queryClient.setQueryData(calendarKeys.year(year), saved);
    void queryClient.invalidateQueries({ queryKey: ['calendar', 'period'] });
    setSaving(false);
    setAddError(null);
    void message.success(`${year}年工作日历已保存`);
  };

  return (
    <div>
      <PageHeader
        title="工作日历"
        sub="节假日与调休上班日，用于计算公示期等以工作日计的期限"
        extra={
          <Space>
            <Button onClick={() => switchYear(year - 1)} data-testid="calendar-prev">
              上一年
            </Button>
            <InputNumber
              value={year}
              min={CALENDAR_LIMITS.minYear}
              max={CALENDAR_LIMITS.maxYear}
              precision={0}
              onChange={switchYear}
              style={{ width: 100 }}
              aria-label="年份"
              data-testid="calendar-year"
            />
            <Button onClick={() => switchYear(year + 1)} data-testid="calendar-next">
              下一年
            </Button>
          </Space>
        }
      />
      <LoadError error={current.error} onRetry={() => void current.refetch()} />
      <DeadlineHelper />
      {data && draft && (
        <>
          <Card
            style={{ marginBottom: 16 }}
            title={
              <Space wrap>
                <span>{year}年</span>
                <Tag color={STATUS_COLORS[data.status]} data-testid="calendar-status">
                  {CALENDAR_YEAR_STATUS_LABELS[data.status]}
                </Tag>
                {dirty && <Tag color="gold">有未保存的修改</Tag>}
              </Space>
            }
            extra={
              <Space wrap>
                <Button
                  disabled={!dirty}
                  onClick={() => {
                    setDraft(draftOf(data));
                    setAddError(null);
                  }}
                  data-testid="calendar-discard"
                >
                  放弃修改
                </Button>
                <Button type="primary" disabled={!dirty || problems.length > 0} onClick={() => setSaving(true)} data-testid="calendar-save">
                  保存
                </Button>
              </Space>
            }
          >
            {data.status === 'missing' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={`${year}年的工作日历尚未维护：涉及该年的公示期无法计算。请按国务院办公厅的放假安排录入后保存（没有调休的年份也需保存一次）。`}
              />
            )}
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="全年工作日">{data.workingDayCount ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="最后修改">
                {data.updatedAt ? `${fmtTime(data.updatedAt)} ${data.updatedBy ?? ''}` : '—'}
              </Descriptions.Item>
            </Descriptions>
            <Form layout="vertical">
              <Form.Item label="依据（如国务院办公厅通知及文号）" style={{ marginBottom: 12 }}>
                <Input
                  value={draft.source}
                  maxLength={200}
                  onChange={(e) => setDraft({ ...draft, source: e.target.value })}
                  data-testid="calendar-source"
                />
              </Form.Item>
            </Form>
            {problems.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title="安排有误，不能保存"
                description={problems.map((p) => p.message).join('；')}
              />
            )}
            {addError && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={addError}
                data-testid="calendar-add-error"
                closable
                onClose={() => setAddError(null)}
              />
            )}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Typography.Title level={2} style={{ fontSize: 16 }}>
                  放假（节假日）
                </Typography.Title>
                <Form form={holidayForm} layout="inline" style={{ rowGap: 8, marginBottom: 12 }} onFinish={() => void addHoliday()}>
                  <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}>
                    <Input
                      placeholder="名称，如：国庆节"
                      maxLength={CALENDAR_LIMITS.nameMax}
                      style={{ width: 150 }}
                      data-testid="holiday-name"
                    />
                  </Form.Item>
                  <Form.Item name="range" rules={[{ required: true, message: '请选择放假起止日期' }]}>
                    <DatePicker.RangePicker
                      disabledDate={inYear}
                      defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-02-01`)]}
                      data-testid="holiday-range"
                    />
                  </Form.Item>
                  <Button htmlType="submit" data-testid="holiday-add">
                    添加假期
                  </Button>
                </Form>
                <DataTable<HolidayRangeDto>
                  rowKey="start"
                  size="small"
                  dataSource={draft.holidays}
                  pagination={false}
                  empty="尚未录入节假日"
                  columns={[
                    { title: '名称', dataIndex: 'name' },
                    {
                      title: '放假日期',
                      key: 'dates',
                      render: (_v, h) => (h.start === h.end ? withWeekday(h.start) : `${withWeekday(h.start)} 至 ${withWeekday(h.end)}`),
                    },
                    { title: '天数', key: 'days', width: 60, render: (_v, h) => spanDays(h) },
                    {
                      title: '操作',
                      key: 'a',
                      width: 70,
                      render: (_v, h) => (
                        <Button
                          size="small"
                          type="link"
                          danger
                          onClick={() => setDraft({ ...draft, holidays: draft.holidays.filter((x) => x !== h) })}
                          data-testid={`holiday-remove-${h.start}`}
                        >
                          移除
                        </Button>
                      ),
                    },
                  ]}
                />
              </Col>
              <Col xs={24} lg={10}>
                <Typography.Title level={2} style={{ fontSize: 16 }}>
                  调休上班日（周六、周日）
                </Typography.Title>
                <Form
                  form={workdayForm}
                  layout="inline"
                  style={{ rowGap: 8, marginBottom: 12 }}
                  initialValues={{ name: '调休上班' }}
                  onFinish={() => void addWorkday()}
                >
                  <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
                    <DatePicker
                      disabledDate={(d) => inYear(d) || !isWeekendDate(d.format('YYYY-MM-DD'))}
                      defaultPickerValue={dayjs(`${year}-01-01`)}
                      data-testid="workday-date"
                    />
                  </Form.Item>
                  <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写说明' }]}>
                    <Input
                      placeholder="如：国庆节调休上班"
                      maxLength={CALENDAR_LIMITS.nameMax}
                      style={{ width: 150 }}
                      data-testid="workday-name"
                    />
                  </Form.Item>
                  <Button htmlType="submit" data-testid="workday-add">
                    添加
                  </Button>
                </Form>
                <DataTable<MakeupWorkdayDto>
                  rowKey="date"
                  size="small"
                  dataSource={draft.workdays}
                  pagination={false}
                  empty="没有调休上班日"
                  columns={[
                    { title: '日期', dataIndex: 'date', render: (v: string) => withWeekday(v) },
                    { title: '说明', dataIndex: 'name' },
                    {
                      title: '操作',
                      key: 'a',
                      width: 70,
                      render: (_v, w) => (
                        <Button
                          size="small"
                          type="link"
                          danger
                          onClick={() => setDraft({ ...draft, workdays: draft.workdays.filter((x) => x !== w) })}
                          data-testid={`workday-remove-${w.date}`}
                        >
                          移除
                        </Button>
                      ),
                    },
                  ]}
                />
              </Col>
            </Row>
          </Card>
          <Card
            title={
              <Flex gap={12} wrap align="center">
                <span>{year}年月历</span>
                <Tag color="red">休 放假</Tag>
                <Tag color="blue">班 调休上班</Tag>
                {dirty && <Typography.Text type="warning">显示的是未保存的修改</Typography.Text>}
              </Flex>
            }
          >
            <MonthGrid calendar={{ year, holidays: draft.holidays, workdays: draft.workdays }} />
          </Card>
          <ReasonModal
            open={saving}
            title={`保存${year}年工作日历`}
            label="修改原因"
            okText="保存"
            danger={false}
            description={`将以当前安排替换${year}年的工作日历：放假 ${draft.holidays.length} 段，调休上班 ${draft.workdays.length} 天。此后按工作日计算的期限（如公示期）将以此为准，修改记入审计日志。`}
            onSubmit={save}
            onCancel={() => setSaving(false)}
          />
        </>
      )}
    </div>
  );
}
