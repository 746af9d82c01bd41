// A screen's title. It takes the focus when the screen opens, so keyboard and screen-reader users start
// at the top of the new page rather than on the link they followed.
import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from '../routing/use-route';

export function PageHeading({
  title,
  subtitle,
  before,
  actions,
}: {
  title: string;
  subtitle?: ReactNode;
  before?: ReactNode;
  actions?: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-head">
      <div>
        {before}
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {subtitle && <p>{subtitle}</p>}
      </div>
      {actions && <div className="button-row">{actions}</div>}
    </div>
  );
}
