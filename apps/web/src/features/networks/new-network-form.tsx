import { useState } from 'react';
import type { Network } from '@bridgeboard/topology';
import { EMPTY_FORM } from './network-form';
import { NetworkFormEditor } from './network-form-editor';
import { serverMessage } from './server-message';
import type { useCreateNetwork } from './use-create-network';

/** The network form, empty, creating the network on submit; the server's refusal shows under the fields. */
export function NewNetworkForm({
  create,
  onClose,
  onCreated,
}: {
  create: ReturnType<typeof useCreateNetwork>;
  onClose: () => void;
  onCreated: (n: Network) => void;
}) {
  const [serverError, setServerError] = useState<string | null>(null);
  return (
    <NetworkFormEditor
      initial={EMPTY_FORM}
      submitLabel="Create network"
      pendingText="Creating the network…"
      pending={create.isPending}
      serverError={serverError}
      onCancel={onClose}
      onSubmit={(body) => {
        setServerError(null);
        create.mutate(body, {
          onSuccess: (network) => {
            onCreated(network);
            onClose();
          },
          onError: (err) => setServerError(serverMessage(err)),
        });
      }}
    />
  );
}
