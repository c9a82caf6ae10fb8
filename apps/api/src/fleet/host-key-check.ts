import type { EngineConnection } from './engine-client.js';
import { hostKeyAlgorithms, hostKeyOfBlob, type HostKey } from './host-key.js';

/** ssh2's `algorithms` option, as dockerode's types reach it. */
type SshAlgorithms = NonNullable<NonNullable<EngineConnection['sshOptions']>['algorithms']>;

/**
 * The check of an ssh:// engine's host key, given to ssh2 as its `hostVerifier`: without one ssh2
 * takes any key ("Host accepted by default (no verification)", ssh2/lib/protocol/kex.js), and
 * whoever sits on the path could pose as the engine. The key it shows must be the pinned one; with
 * none pinned (an admin's test, asking which key to pin) it is refused too, and remembered.
 *
 * A refusal throws rather than answering false: ssh2 reports a false as a bare "Host denied
 * (verification failed)", while an error thrown here ends the handshake the same way (ssh2's
 * client catches what its parser throws and emits it as the connection's 'error') with a reason
 * that names both keys. That error is what dockerode's call fails with, so the test's answer and
 * the watcher's log say it. Either way the refusal comes before the sign-in: the far side runs nothing.
 */
export class HostKeyCheck {
  /** The key the engine showed last (null before any handshake got that far). */
  seen: HostKey | null = null;

  /**
   * @param name the host as ssh says it: `10.0.0.5`, or `[10.0.0.5]:2222` off port 22.
   * @param pinned the key it must show; null refuses every key (and tells which was seen).
   */
  constructor(
    readonly name: string,
    readonly pinned: HostKey | null,
  ) {}

  /** ssh2's `hostVerifier`: handed the key's raw blob (no `hostHash` is set). */
  readonly verify = (blob: Buffer): true => {
    const seen = hostKeyOfBlob(Buffer.from(blob));
    this.seen = seen;
    if (this.pinned === null) {
      throw new Error(
        `ssh: no host key is pinned for ${this.name}; it showed ${seen.fingerprint} (${seen.type}): compare that with the engine's own (ssh-keygen -lf /etc/ssh/ssh_host_${seen.type.replace(/^ssh-|-.*$/g, '')}_key.pub, on it) and pin it as ssh.hostKey`,
      );
    }
    if (!seen.blob.equals(this.pinned.blob)) {
      throw new Error(`ssh: the host key of ${this.name} is ${seen.fingerprint}, not the pinned ${this.pinned.fingerprint}`);
    }
    return true;
  };

  /** ssh2's `algorithms`: only the pinned key's type, so a host with several keys shows that one. */
  algorithms(): SshAlgorithms | undefined {
    // The names come from ssh2's own list (host-key.ts): its type is that list, as literals.
    return this.pinned ? { serverHostKey: hostKeyAlgorithms(this.pinned) as SshAlgorithms['serverHostKey'] } : undefined;
  }
}
