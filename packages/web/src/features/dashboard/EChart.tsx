import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

export interface EChartProps {
  option: ChartOption;
  /** What the chart shows, in words: the canvas's accessible name (the data table has the numbers). */
  label: string;
  height: number;
  testId?: string;
}

/**
 * One ECharts instance on a div: created on mount, given each new option (replacing the old one
 * rather than merging into it), resized whenever its box changes size (a phone turned, the menu
 * drawer, a card re-flowed) and disposed on unmount. The canvas is decorative for assistive
 * technology apart from its name: each chart's card carries the same numbers as a real table.
 */
export default function EChart({ option, label, height, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = instance;
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!instance.isDisposed()) instance.resize();
      });
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { enabled: true, description: label } }, ...option }, { notMerge: true });
  }, [option, label]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} data-testid={testId} />;
}
