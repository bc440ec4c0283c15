import { Link } from '../routing/router.js';

/** Tabs as links: each tab has its own address, and the current one is marked for assistive technology. */
export function TabLinks<T extends string>({ label, tabs, current, href }: { label: string; tabs: readonly { value: T; label: string }[]; current: T; href: (tab: T) => string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.value} to={href(tab.value)} aria-current={tab.value === current ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
