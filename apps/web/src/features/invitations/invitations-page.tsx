import * as api from '../../api/endpoints.js';
import type { FreelancerInvitationTab } from '../../api/contract.js';
import { useLocation } from '../../routing/router.js';
import { useLiveEvent } from '../../realtime/live-events.js';
import { Page } from '../../ui/page.js';
import { ResourceView } from '../../ui/resource-view.js';
import { TabLinks } from '../../ui/tabs.js';
import { useResource } from '../../ui/use-resource.js';
import { InvitationCard } from './invitation-card.js';

const TABS: Record<FreelancerInvitationTab, string> = { pending: 'Pending', accepted: 'Accepted', declined: 'Declined', archived: 'Archived' };
const tabList = (Object.keys(TABS) as FreelancerInvitationTab[]).map((value) => ({ value, label: TABS[value] }));
const isTab = (value: string | null): value is FreelancerInvitationTab => value !== null && value in TABS;

export function InvitationsPage() {
  const { query } = useLocation();
  const requested = query.get('tab');
  const tab: FreelancerInvitationTab = isTab(requested) ? requested : 'pending';
  const invitations = useResource(() => api.invitations.mine(tab), tab);
  useLiveEvent((event) => event.type.startsWith('invitation.'), invitations.reload);
  return (
    <Page title="Invitations">
      <TabLinks label="Invitation tabs" tabs={tabList} current={tab} href={(t) => `/invitations?tab=${t}`} />
      <ResourceView resource={invitations} what="invitations">
        {({ items }) =>
          items.length === 0 ? (
            <p>No {TABS[tab].toLowerCase()} invitations.</p>
          ) : (
            <ul className="cards" aria-label={`${TABS[tab]} invitations`}>
              {items.map((invitation) => (
                <li key={invitation.id} className="card">
                  <InvitationCard invitation={invitation} onChanged={invitations.reload} />
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </Page>
  );
}
