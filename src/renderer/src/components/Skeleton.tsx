// Grey placeholders the size of what is loading, so nothing jumps when the data arrives.
import type { ReactNode } from 'react';

export function Skeleton({
  height = 16,
  width = '100%',
}: {
  height?: number | string;
  width?: number | string;
}) {
  return <span className="skeleton" style={{ height, width }} aria-hidden="true" />;
}

/** A region that is loading: announced once to screen readers, drawn as placeholders. */
export function Loading({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div aria-busy="true" className="loading">
      <span className="visually-hidden" role="status">
        {label}
      </span>
      {children}
    </div>
  );
}

/** A device page before its data: heading, toolbar, figures and chart, in their final sizes. */
export function DevicePageSkeleton() {
  return (
    <div className="page" aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading the device
      </span>
      <Skeleton width={120} />
      <Skeleton width={320} height={34} />
      <Skeleton height={36} />
      <Skeleton height={76} />
      <Skeleton height={440} />
    </div>
  );
}

/** A chart panel before its data: title and plot, at the chart's final height. */
export function ChartSkeleton() {
  return (
    <div className="panel chart-skeleton" aria-busy="true">
      <Skeleton width={260} height={22} />
      <Skeleton height={330} />
    </div>
  );
}
