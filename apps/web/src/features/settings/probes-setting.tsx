import { useState } from 'react';
import { useSettings } from './settings-query';
import { useUpdateSettings } from './use-update-settings';

/**
 * The live-probes switch. Probes run a fixed ping script inside containers through the engine's
 * exec endpoints, which the server otherwise never calls (issue 5, point 3): off until an admin says so.
 */
export function ProbesSetting() {
  const settings = useSettings();
  const update = useUpdateSettings();
  // The asked-for state, shown at once (the mutation's own pending state arrives a tick late, and a
  // controlled checkbox would flip back meanwhile); the answer, or an error the cache toasts, settles it.
  const [asked, setAsked] = useState<boolean | null>(null);
  const on = asked ?? settings.data?.probesEnabled ?? false;
  return (
    <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-setting="probes">
      <label className="flex items-center gap-3 text-sm font-medium">
        <input
          type="checkbox"
          role="switch"
          className="h-4 w-4"
          checked={on}
          disabled={!settings.data || update.isPending}
          aria-describedby="probes-setting-why"
          onChange={(e) => {
            setAsked(e.target.checked);
            update.mutate({ probesEnabled: e.target.checked }, { onSettled: () => setAsked(null) });
          }}
        />
        Live probes
        <span aria-hidden className="text-slate-500">
          {settings.data ? (on ? 'on' : 'off') : ''}
        </span>
      </label>
      <p id="probes-setting-why" className="mt-1 text-sm text-slate-500">
        "Check live" on the Reachability page runs a fixed <code>ping</code> inside running containers to prove each predicted verdict. That
        needs the Docker engine's <strong>exec</strong> endpoints, which Bridgeboard otherwise never uses, so probes are{' '}
        <strong>off by default</strong>. Turn them on only if you accept that operators can make the server exec into containers.
      </p>
      {settings.error && (
        <p role="alert" className="text-sm text-rose-600">
          Could not load the settings: {settings.error.message}
        </p>
      )}
    </div>
  );
}
