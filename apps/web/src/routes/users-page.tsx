import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button } from '../components/ui/button';
import { useSession } from '../features/auth/session-context';
import { usePermissions } from '../features/auth/use-permissions';
import { ProbesSetting } from '../features/settings/probes-setting';
import { SsoSetting } from '../features/settings/sso-setting';
import { NewTokenDialog } from '../features/tokens/lazy-dialogs';
import { TokensTable } from '../features/tokens/tokens-table';
import { useTokens } from '../features/tokens/use-tokens';
import { AddUserDialog } from '../features/users/lazy-dialogs';
import { UsersTable } from '../features/users/users-table';
import { useUsers } from '../features/users/use-users';
import { Header } from './header';

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} id={title.toLowerCase().replace(/\W+/g, '-')} className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 className="text-xl font-semibold">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** Accounts, API tokens and settings; admins only (the server refuses everyone else anyway). */
function UsersAndTokens() {
  const me = useSession().user.username;
  const users = useUsers();
  const tokens = useTokens();
  const [adding, setAdding] = useState(false);
  const [minting, setMinting] = useState(false);
  // `/users#settings` (from the Reachability page) lands on the section: a client-side route change does not scroll to a hash.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);
  return (
    <div className="mx-auto max-w-5xl space-y-10">
      <Section
        title="Users"
        action={
          <Button tone="primary" onClick={() => setAdding(true)}>
            Add user
          </Button>
        }
      >
        <p className="text-sm text-slate-500">
          <strong>viewer</strong> sees everything; <strong>operator</strong> also connects and disconnects containers and creates networks;{' '}
          <strong>admin</strong> also removes networks and manages users and tokens. Changing a role or a password signs that user out
          everywhere.
        </p>
        {users.error && (
          <p role="alert" className="text-rose-600">
            Could not load the users: {users.error.message}
          </p>
        )}
        {users.data && <UsersTable users={users.data} me={me} />}
      </Section>
      <Section
        title="API tokens"
        action={
          <Button tone="primary" onClick={() => setMinting(true)}>
            New token
          </Button>
        }
      >
        <p className="text-sm text-slate-500">
          For scripts: each token acts with its own role, sent as a Bearer header. Revoke it when the script retires.
        </p>
        {tokens.error && (
          <p role="alert" className="text-rose-600">
            Could not load the tokens: {tokens.error.message}
          </p>
        )}
        {tokens.data && <TokensTable tokens={tokens.data} />}
      </Section>
      <Section title="Settings">
        <ProbesSetting />
        <SsoSetting />
      </Section>
      <AddUserDialog open={adding} onClose={() => setAdding(false)} />
      <NewTokenDialog open={minting} onClose={() => setMinting(false)} />
    </div>
  );
}

export function UsersPage() {
  const { manageUsers } = usePermissions();
  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="min-h-0 flex-1 overflow-y-auto p-4" data-page="users">
        {manageUsers ? <UsersAndTokens /> : <p role="alert">Only admins manage users and tokens.</p>}
      </main>
    </div>
  );
}
