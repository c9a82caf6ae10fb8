import { useRef, useState } from 'react';
import type { TokenCreated } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';

/** The secret of a new token, shown once, with a copy button and a plain warning. */
export function TokenSecret({ token, onDone }: { token: TokenCreated; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const copy = () => {
    input.current?.select();
    // The clipboard API exists only in secure contexts (https or localhost); elsewhere the text is selected for Ctrl+C.
    if (!('clipboard' in navigator)) {
      setCopied('select');
      return;
    }
    navigator.clipboard.writeText(token.token).then(
      () => setCopied('yes'),
      () => setCopied('select'),
    );
  };
  return (
    <div className="space-y-3" data-token-secret>
      <p
        className="rounded-md bg-amber-100 px-3 py-2 text-sm font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100"
        role="alert"
      >
        Copy this token now: you will not see it again. Bridgeboard keeps only a hash of it.
      </p>
      <label htmlFor="token-secret" className="block text-sm">
        <span className="font-medium">
          Token “{token.name}” ({token.role})
        </span>
        <input
          id="token-secret"
          ref={input}
          readOnly
          value={token.token}
          onFocus={(e) => e.target.select()}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
        />
      </label>
      <p className="text-xs text-slate-500">
        Scripts send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <div className="flex items-center justify-end gap-2">
        {copied === 'yes' && <span className="text-sm text-emerald-600">Copied</span>}
        {copied === 'select' && <span className="text-sm text-slate-500">Selected: press Ctrl+C</span>}
        <Button onClick={copy} data-autofocus>
          Copy token
        </Button>
        <Button tone="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
