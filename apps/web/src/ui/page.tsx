import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen with its heading. When the screen appears, its heading takes focus (tabIndex -1)
 * unless the person is already working inside the content, so keyboard and screen-reader
 * users start at the top of the new screen rather than on the link that led there.
 */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!document.getElementById('main')?.contains(document.activeElement)) heading.current?.focus();
  }, []);
  return (
    <section className="page">
      <header className="page-header">
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
