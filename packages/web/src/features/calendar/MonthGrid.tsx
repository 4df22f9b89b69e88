import { Col, Row, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { civilDayOfWeek, monthDays, type CalendarDay, type YearCalendar } from '@scenebridge/contract/calendar';

const HEAD = ['一', '二', '三', '四', '五', '六', '日'];

function cellStyle(d: CalendarDay): CSSProperties {
  const base: CSSProperties = {
    position: 'relative',
    textAlign: 'center',
    borderRadius: 4,
    padding: '2px 0',
    fontSize: 13,
    lineHeight: '20px',
  };
  if (d.kind === 'holiday') return { ...base, background: '#fff1f0', color: '#cf1322', fontWeight: 600 };
  if (d.kind === 'makeup_workday') return { ...base, background: '#e6f4ff', color: '#0958d9', fontWeight: 600 };
  if (d.kind === 'weekend') return { ...base, color: '#8c8c8c' };
  return base;
}

function Month({ year, month, calendar }: { year: number; month: number; calendar: YearCalendar }) {
  const days = monthDays(year, month, [calendar]);
  const lead = (civilDayOfWeek(days[0]!.date) + 6) % 7; // Monday first
  return (
    <div data-testid={`calendar-month-${month}`} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }}>
      <Typography.Text strong>{month}月</Typography.Text>
      <div role="grid" style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4 }}>
        {HEAD.map((h) => (
          <div key={h} role="columnheader" style={{ textAlign: 'center', fontSize: 12, color: '#8c8c8c' }}>
            {h}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`lead-${i}`} />
        ))}
        {days.map((d) => {
          const label =
            d.kind === 'holiday' ? `${d.date} ${d.name}（放假）` : d.kind === 'makeup_workday' ? `${d.date} ${d.name}（上班）` : d.date;
          return (
            <Tooltip key={d.date} title={d.name ? label : undefined}>
              <div role="gridcell" aria-label={label} data-testid={`day-${d.date}`} data-kind={d.kind} style={cellStyle(d)}>
                {Number(d.date.slice(8))}
                {d.kind === 'makeup_workday' && <sup style={{ fontSize: 10, marginLeft: 1 }}>班</sup>}
                {d.kind === 'holiday' && <sup style={{ fontSize: 10, marginLeft: 1 }}>休</sup>}
              </div>
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}

/** A year as twelve month grids: holidays red (休), 调休 working weekend days blue (班). One column on a phone. */
export function MonthGrid({ calendar }: { calendar: YearCalendar }) {
  return (
    <Row gutter={[12, 12]}>
      {Array.from({ length: 12 }, (_, i) => (
        <Col key={i} xs={24} sm={12} lg={8} xl={6}>
          <Month year={calendar.year} month={i + 1} calendar={calendar} />
        </Col>
      ))}
    </Row>
  );
}
