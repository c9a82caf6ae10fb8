import { useState } from 'react';
import { Header } from './header';
import { Button } from '../components/ui/button';
import { usePermissions } from '../features/auth/use-permissions';
import { AddGrantDialog } from '../features/rights/add-grant-dialog';
import { GrantsTable } from '../features/rights/grants-table';
import { GroupGrants } from '../features/rights/group-grants';
import { RightsSection } from '../features/rights/rights-section';
import { useGrants } from '../features/rights/use-grants';
import { UserRights } from '../features/rights/user-rights';
import { WhyCant } from '../features/rights/why-cant';

/** Grants, and what they add up to: per user, per group, and why someone may not do something. */
function Rights() {
  const grants = useGrants();
  const [adding, setAdding] = useState(false);
  return (
    <div className="mx-auto max-w-5xl space-y-10">
      <RightsSection
        title="Grants"
        action={
          <Button tone="primary" onClick={() => setAdding(true)}>
            Add grant
          </Button>
        }
      >
        <p className="text-sm text-slate-500">
          A grant gives a user, a provider group or an API token a role over all engines, one engine, or the networks of one engine that
          carry a label or match a name pattern. Grants add up with each other and with the account’s own roles; none takes anything away.
          Whoever a grant reaches has their board reconnected with what they may do now.
        </p>
        {grants.error && (
          <p role="alert" className="text-rose-600">
            Could not load the grants: {grants.error.message}
          </p>
        )}
        {grants.data && <GrantsTable grants={grants.data} label="Grants" />}
      </RightsSection>
      <RightsSection title="Rights of a user">
        <UserRights />
      </RightsSection>
      <RightsSection title="Grants of a group">
        <GroupGrants grants={grants.data ?? []} />
      </RightsSection>
      <RightsSection title="Why can’t …?">
        <WhyCant />
      </RightsSection>
      <AddGrantDialog open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}

export function RightsPage() {
  const { manageGrants } = usePermissions();
  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="min-h-0 flex-1 overflow-y-auto p-4" data-page="rights">
        {manageGrants ? <Rights /> : <p role="alert">Only admins see and give grants.</p>}
      </main>
    </div>
  );
}
