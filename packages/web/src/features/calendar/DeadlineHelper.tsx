import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { MAX_PERIOD_WORKING_DAYS, WEEKDAY_LABELS, civilDayOfWeek } from '@scenebridge/contract/calendar';
import { errorMessage } from '../../shared/http';
import { dayjs } from '../../shared/time';
import type { Dayjs } from 'dayjs';
import { calendarApi, calendarKeys } from './api';

const withWeekday = (date: string) => `${date}（${WEEKDAY_LABELS[civilDayOfWeek(date)]}）`;

/** 计算公示截止: from a date and N working days to the end, counted as the server counts it. */
export function DeadlineHelper() {
  const [form] = Form.useForm<{ from: Dayjs; days: number }>();
  const [asked, setAsked] = useState<{ from: string; days: number } | null>(null);
  const period = useQuery({
    queryKey: asked ? calendarKeys.period(asked.from, asked.days) : calendarKeys.period('', 0),
    queryFn: () => calendarApi.period(asked!.from, asked!.days),
    enabled: !!asked,
    retry: false,
  });
  const p = period.data;
  const holidays = p ? [...new Set(p.skippedDays.filter((d) => d.kind === 'holiday').map((d) => d.name))] : [];

  return (
    <Card title="计算公示截止" style={{ marginBottom: 16 }} data-testid="calendar-deadline">
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ from: dayjs(), days: 5 }}
        onFinish={(v) => setAsked({ from: v.from.format('YYYY-MM-DD'), days: v.days })}
      >
        <Form.Item name="from" label="发布日期" rules={[{ required: true, message: '请选择发布日期' }]}>
          <DatePicker allowClear={false} data-testid="deadline-from" />
        </Form.Item>
        <Form.Item name="days" label="工作日" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={MAX_PERIOD_WORKING_DAYS} precision={0} style={{ width: 90 }} data-testid="deadline-days" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={period.isFetching} data-testid="deadline-compute">
          计算
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        自发布日的次日起，按工作日计算（跳过节假日与周末，调休上班日计入），截止于最后一个工作日的 24:00（北京时间）。
      </Typography.Paragraph>
      {period.error && (
        <Alert type="error" showIcon title={errorMessage(period.error)} style={{ marginTop: 12 }} data-testid="deadline-error" />
      )}
      {p && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="deadline-result"
          title={`截止于 ${withWeekday(p.lastDay)} 24:00（北京时间）`}
          description={
            <>
              <div>
                {p.days} 个工作日：自 {withWeekday(p.firstDay)} 起至 {withWeekday(p.lastDay)}
              </div>
              {holidays.length > 0 && <div>期间跳过节假日：{holidays.join('、')}</div>}
              {p.workingDays.some((d) => [0, 6].includes(civilDayOfWeek(d))) && (
                <div>
                  含调休上班日：
                  {p.workingDays
                    .filter((d) => [0, 6].includes(civilDayOfWeek(d)))
                    .map(withWeekday)
                    .join('、')}
                </div>
              )}
            </>
          }
        />
      )}
    </Card>
  );
}
