import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type TimeChartProps = {
  /** Unix seconds. */
  x: number[];
  y: number[];
  label: string;
  kind: 'line' | 'bars';
  /** A sentence for screen readers (the canvas says nothing). */
  summary: string;
  testId?: string;
};

const AXIS = { stroke: '#a1a1aa', grid: { stroke: '#27272a', width: 1 }, ticks: { stroke: '#3f3f46', width: 1 } };
const bars = uPlot.paths.bars!({ size: [0.7, 40] });

/** A time series with uPlot (canvas, ~50 KB): dark theme, fills its container's width, resizes with it. */
export function TimeChart({ x, y, label, kind, summary, testId }: TimeChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const height = 220;
    const chart = new uPlot(
      {
        width: element.clientWidth,
        height,
        legend: { show: false },
        cursor: { points: { size: 6 } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.15))] } },
        axes: [
          { ...AXIS, space: 60 },
          { ...AXIS, size: 40, values: (_u, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? String(tick) : '')) },
        ],
        series: [
          {},
          kind === 'line'
            ? {
                label,
                stroke: '#a78bfa',
                width: 2,
                fill: 'rgba(167, 139, 250, 0.15)',
                paths: uPlot.paths.stepped!({ align: 1 }),
                points: { show: false },
              }
            : { label, stroke: '#38bdf8', fill: 'rgba(56, 189, 248, 0.6)', paths: bars, points: { show: false } },
        ],
      },
      [x, y],
      element,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [x, y, label, kind]);
  return (
    <figure className="flex flex-col gap-2" data-testid={testId}>
      <div ref={container} role="img" aria-label={`${label}: ${summary}`} className="w-full min-w-0" />
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
