import { useState, type SubmitEvent } from 'react';
import type { AccessAnswer, Role } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { useEngines } from '../engines/engines-query';
import { ROLE_OPTIONS } from '../users/role-options';
import { Picker } from './picker';
import type { AccessQuestion } from './rights-keys';
import { useEngineNetworks } from './use-engine-networks';
import { useUserAccess } from './use-user-access';
import { UserPicker } from './user-picker';

function Answer({ question, answer }: { question: AccessQuestion; answer: AccessAnswer }) {
  const where = question.network ? `network ${question.network} on engine ${question.engine}` : `engine ${question.engine}`;
  return (
    <div
      role="status"
      data-access-allowed={answer.allowed ? 'yes' : 'no'}
      className={`space-y-1 rounded-md border p-3 text-sm ${answer.allowed ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40' : 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'}`}
    >
      <p className="font-semibold">
        {answer.allowed ? 'Yes' : 'No'}: {question.username} {answer.allowed ? 'may' : 'may not'} act as {question.role} on {where}.
      </p>
      <p>
        Holds there: <b>{answer.role === 'none' ? 'no access' : answer.role}</b>{' '}
        <span className="text-slate-600 dark:text-slate-400">({answer.allowedBy})</span>
      </p>
      {answer.missing && <p data-access-missing>{answer.missing}</p>}
    </div>
  );
}

/** "Why can't …?": the server's own answer for a user, an engine, a role and, if given, one network. */
export function WhyCant() {
  const engines = useEngines().data ?? [];
  const [username, setUsername] = useState('');
  const [picked, setEngine] = useState('');
  // The engines may come after the page: the first one listed until another is picked.
  const engine = picked || (engines[0]?.id ?? '');
  const [role, setRole] = useState<Role>('operator');
  const [network, setNetwork] = useState('');
  const [question, setQuestion] = useState<AccessQuestion | null>(null);
  const networks = useEngineNetworks(engine).data ?? [];
  const answer = useUserAccess(question);
  const ask = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (username === '' || engine === '') return;
    setQuestion({ username, engine, role, network: network.trim() || undefined });
  };
  return (
    <div className="space-y-3">
      <form onSubmit={ask} aria-label="Why can't" className="grid grid-cols-[repeat(4,minmax(0,1fr))_auto] items-end gap-3">
        <UserPicker id="why-user" value={username} onChange={setUsername} />
        <Picker
          id="why-engine"
          label="Engine"
          value={engine}
          options={engines.map((e) => ({ value: e.id, label: e.id }))}
          onChange={(e) => setEngine(e.target.value)}
        />
        <Picker id="why-role" label="Act as" value={role} options={ROLE_OPTIONS} onChange={(e) => setRole(e.target.value as Role)} />
        <Field
          id="why-network"
          label="Network (optional)"
          list="why-networks"
          autoComplete="off"
          placeholder="the whole engine"
          value={network}
          onChange={(e) => setNetwork(e.target.value)}
        />
        <datalist id="why-networks">
          {networks.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <Button type="submit" tone="primary" disabled={username === '' || engine === ''}>
          Ask
        </Button>
      </form>
      {answer.error && (
        <p role="alert" className="text-sm text-rose-600">
          {answer.error.message}
        </p>
      )}
      {question && answer.data && <Answer question={question} answer={answer.data} />}
    </div>
  );
}
