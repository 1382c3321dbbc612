import { type ReactNode, useEffect, useRef } from 'react';
import { strings } from '../strings';

export interface PageFrameProps {
  title: string;
  children: ReactNode;
}

/**
 * One console page: its title names the tab, and its heading takes focus when the page
 * opens, so a screen reader announces where a link led.
 */
export function PageFrame({ title, children }: PageFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${strings.product}`;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="admin-page__title">
        {title}
      </h1>
      {children}
    </>
  );
}
