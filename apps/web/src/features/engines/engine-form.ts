import {
  ENGINE_HOST_PATTERN,
  ENGINE_ID_PATTERN,
  SSH_HOST_KEY_PATTERN,
  type EngineBody,
  type EngineSummary,
  type EngineUpdateBody,
} from '@bridgeboard/contract';

/** What the Add engine form holds: text as typed. */
export interface EngineForm {
  id: string;
  name: string;
  host: string;
  ca: string;
  cert: string;
  key: string;
  sshKey: string;
  passphrase: string;
  /** ssh:// only: the host key to pin, one line (`ssh-ed25519 AAAA…`). */
  hostKey: string;
}

export const emptyEngineForm: EngineForm = {
  id: '',
  name: '',
  host: '',
  ca: '',
  cert: '',
  key: '',
  sshKey: '',
  passphrase: '',
  hostKey: '',
};

/** How the host says the engine is reached, which decides the fields the form shows. */
export function schemeOf(host: string): 'unix' | 'tcp' | 'ssh' | null {
  const scheme = /^([a-z]+):\/\//.exec(host.trim())?.[1];
  return scheme === 'unix' || scheme === 'tcp' || scheme === 'ssh' ? scheme : null;
}

/** The form for an engine being edited: its id, name and address; the keys blank (left blank, the stored ones stay). */
export const formOf = (engine: EngineSummary): EngineForm => ({
  ...emptyEngineForm,
  id: engine.id,
  name: engine.name,
  host: engine.endpoint.address,
});

/**
 * The problems the server would name, by field, before anything is sent. Editing, a blank key keeps
 * the stored one. A Test (`testing`) may leave the host key blank: the answer says which key the engine showed.
 */
export function checkEngineForm(form: EngineForm, editing = false, testing = false): Partial<Record<keyof EngineForm, string>> {
  const problems: Partial<Record<keyof EngineForm, string>> = {};
  if (!new RegExp(ENGINE_ID_PATTERN).test(form.id.trim()))
    problems.id = 'lower-case letters, digits and dashes, 32 at most, starting with a letter or digit';
  if (!new RegExp(ENGINE_HOST_PATTERN).test(form.host.trim()))
    problems.host = 'unix:///path/docker.sock, tcp://host:port or ssh://user@host';
  const scheme = schemeOf(form.host);
  const pem = (text: string) => /-----BEGIN [A-Z0-9 ]+-----/.test(text);
  if (scheme === 'tcp') {
    const given = [form.ca, form.cert, form.key].filter((t) => t.trim() !== '').length;
    if (given > 0 && given < 3) problems.key = 'TLS needs all three: the CA, the client certificate and its key';
    for (const f of ['ca', 'cert', 'key'] as const) if (form[f].trim() && !pem(form[f])) problems[f] = 'paste the PEM text (-----BEGIN …)';
  }
  if (scheme === 'ssh' && !(editing && form.sshKey.trim() === '') && !pem(form.sshKey))
    problems.sshKey = 'paste the private key to sign in with (-----BEGIN … PRIVATE KEY-----)';
  if (scheme === 'ssh' && form.hostKey.trim() !== '' && !new RegExp(SSH_HOST_KEY_PATTERN).test(form.hostKey.trim()))
    problems.hostKey = 'one line: ssh-ed25519 AAAA… (the host’s *.pub file, or its known_hosts line)';
  else if (scheme === 'ssh' && form.hostKey.trim() === '' && !editing && !testing)
    problems.hostKey = 'press Test to see the key the engine shows, compare its fingerprint on the engine, then add';
  return problems;
}

/** The edit's body: the declaration without its id (keys left blank are left out, so the server keeps them). */
export function engineUpdateOf(form: EngineForm): EngineUpdateBody {
  const { id: _, ssh: __, ...update } = engineBodyOf(form);
  const ssh = {
    ...(form.sshKey.trim() ? { privateKey: form.sshKey.trim(), ...(form.passphrase ? { passphrase: form.passphrase } : {}) } : {}),
    ...(form.hostKey.trim() ? { hostKey: form.hostKey.trim() } : {}),
  };
  return { ...update, ...(schemeOf(form.host) === 'ssh' && Object.keys(ssh).length > 0 ? { ssh } : {}) };
}

/** The request body: only the fields the host's scheme uses. */
export function engineBodyOf(form: EngineForm): EngineBody {
  const scheme = schemeOf(form.host);
  const tls = scheme === 'tcp' && form.ca.trim() && form.cert.trim() && form.key.trim();
  return {
    id: form.id.trim(),
    ...(form.name.trim() ? { name: form.name.trim() } : {}),
    host: form.host.trim(),
    ...(tls ? { tls: { ca: form.ca.trim(), cert: form.cert.trim(), key: form.key.trim() } } : {}),
    ...(scheme === 'ssh' && form.sshKey.trim()
      ? {
          ssh: {
            privateKey: form.sshKey.trim(),
            ...(form.passphrase ? { passphrase: form.passphrase } : {}),
            ...(form.hostKey.trim() ? { hostKey: form.hostKey.trim() } : {}),
          },
        }
      : {}),
  };
}
