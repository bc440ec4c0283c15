import * as api from '../../api/endpoints.js';
import type { FreelancerTab } from '../../api/contract.js';
import { Link, useLocation } from '../../routing/router.js';
import { useLiveEvent } from '../../realtime/live-events.js';
import { Page } from '../../ui/page.js';
import { ResourceView } from '../../ui/resource-view.js';
import { InterviewBadge, StageBadge, formatDate } from '../../ui/stage-badge.js';
import { TabLinks } from '../../ui/tabs.js';
import { useResource } from '../../ui/use-resource.js';
import { JobTitle } from '../shell/names.js';

/** Every tab the API serves, in the order a freelancer scans them. */
const TABS: Record<FreelancerTab, string> = {
  active: 'Active',
  submitted: 'Submitted',
  offers: 'Offers',
  hired: 'Hired',
  drafts: 'Drafts',
  archived: 'Archived',
  all: 'All',
};
const tabList = (Object.keys(TABS) as FreelancerTab[]).map((value) => ({ value, label: TABS[value] }));
const isTab = (value: string | null): value is FreelancerTab => value !== null && value in TABS;

export function FreelancerProposalsPage() {
  const { query } = useLocation();
  const requested = query.get('tab');
  const tab: FreelancerTab = isTab(requested) ? requested : 'active';
  const proposals = useResource(() => api.proposals.mine(tab), tab);
  useLiveEvent((event) => event.type.startsWith('proposal.') || event.type.startsWith('offer.'), proposals.reload);
  return (
    <Page title="My proposals">
      <TabLinks label="Proposal tabs" tabs={tabList} current={tab} href={(t) => `/proposals?tab=${t}`} />
      <ResourceView resource={proposals} what="your proposals">
        {({ items }) =>
          items.length === 0 ? (
            <p>Nothing in {TABS[tab]}.</p>
          ) : (
            <ul className="cards" aria-label={`${TABS[tab]} proposals`}>
              {items.map((p) => (
                <li key={p.id} className="card">
                  <h2>
                    <Link to={`/proposals/${p.id}`}>
                      <JobTitle jobId={p.jobId} />
                    </Link>
                  </h2>
                  <p>
                    <StageBadge stage={p.stage} /> <InterviewBadge included={p.interviewIncluded} />
                    {p.invited && <span className="badge">invited</span>}
                  </p>
                  <p className="hint">
                    {p.submittedAt ? `Submitted ${formatDate(p.submittedAt)}` : 'Not submitted yet'}
                    {p.connectsCharged > 0 && ` · ${p.connectsCharged} Connects`}
                    {p.connectsRefunded > 0 && ` (refunded)`}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </Page>
  );
}
