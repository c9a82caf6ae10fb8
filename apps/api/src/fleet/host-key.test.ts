import { describe, expect, it } from 'vitest';
import { HostKeyCheck } from './host-key-check.js';
import { hostKeyAlgorithms, hostKeyOfKnownHosts, parseHostKey } from './host-key.js';

// Made with ssh-keygen; each fingerprint is what `ssh-keygen -lf` printed for it.
const A = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBM4ucvBatTdIQtoUMTsF98iktfcEWikX62+if0FGp0V';
const A_FP = 'SHA256:Ney/RP7Q9IePh3uODAC0uym018HBtijU5vbwl4dnzmY';
const B = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHCeTHd5kI0DHy15s0WoN1Yu8C7/VIEqZNo4Qgn6cum8';
const B_FP = 'SHA256:UlbzpT0FG/xnQ17Tmgkigbp3N74LfunzZ0R9DW6XV2o';
const ECDSA =
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHHr2HtfhvEiVkXKie6/qoBNB8QP8hHe8Pa+iu/6LQxBgtmVrSZKrrDMM7Z1jdZ6NXRALag2MoWli1gXRJhc6fo=';
const ECDSA_FP = 'SHA256:92BQGHrRZip0WFAkpf0SU59gkbC5YxL+H+A0WCyma0c';
const RSA =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDGjWPH4Lt5re3hb+G4fqkRN++CPQeN+mUPpkXhBlCjMFOiQEg6vSoLrW9ajycOhItbjmkXsMI22YU5vTouFl02Fu4mVg3QF6JwEv2RbWr7CwJudKu4eve9f/e7Z9a6Ox6U8wS2Ub8P3iCfcgBz0ZpVCBVmqy0doquyrLdiBy4J1Q==';
const RSA_FP = 'SHA256:KgLHVAenPhOrK3ckPxgbnlrmcyACdxuCjdPSSkSJvQE';
/** `[edge-1]:2222` and B, hashed by `ssh-keygen -H`. */
const HASHED_B = `|1|/ZvOWgVJO/Yk+JJkltT8gfaIlw8=|IMYse58Gr8YPEqoKLMENzyyH9rE= ${B}`;

describe('parseHostKey', () => {
  it('an OpenSSH public key, with or without its comment: the fingerprint ssh-keygen -lf prints', () => {
    for (const [line, fp] of [
      [A, A_FP],
      [`${A} host a`, A_FP],
      [`  ${ECDSA} root@vm\n`, ECDSA_FP],
      [`${RSA} rsa`, RSA_FP],
    ] as const) {
      expect(parseHostKey(line).fingerprint).toBe(fp);
    }
    expect(parseHostKey(`${A} host a`).line).toBe(A);
  });
  it('a known_hosts line: only the key counts, whatever names it gives', () => {
    expect(parseHostKey(`10.250.0.2 ${A}`)).toMatchObject({ type: 'ssh-ed25519', line: A, fingerprint: A_FP });
    expect(parseHostKey(`[edge-1]:2222,10.0.0.5 ${B} comment`).fingerprint).toBe(B_FP);
    expect(parseHostKey(HASHED_B).fingerprint).toBe(B_FP);
  });
  it('refuses what is not one key, saying what to give', () => {
    expect(() => parseHostKey('SHA256:Ney/RP7Q9IePh3uODAC0uym018HBtijU5vbwl4dnzmY')).toThrow(/not an SSH public key/);
    // The type word must be the one inside the key: a relabelled key is not that key.
    expect(() => parseHostKey(A.replace('ssh-ed25519', 'ssh-rsa'))).toThrow(/not an SSH public key/);
    expect(() => parseHostKey(`${A}\n${B}`)).toThrow(/one line/);
    expect(() => parseHostKey(`@cert-authority *.example ${A}`)).toThrow(/@cert-authority/);
    expect(() => parseHostKey('ssh-ed25519 AAAA!!')).toThrow(/not an SSH public key/);
  });
});

describe('hostKeyOfKnownHosts', () => {
  const file = [
    '# a comment',
    `other.example ${A}`,
    `10.250.0.2 ${RSA}`,
    `10.250.0.2,bb-node-1 ${B}`,
    `[10.250.0.2]:2222 ${ECDSA}`,
    `@revoked 10.250.0.3 ${A}`,
    '',
  ].join('\n');
  it("picks the host's line; of several, the key type OpenSSH prefers (ed25519 over rsa)", () => {
    expect(hostKeyOfKnownHosts(file, '10.250.0.2', 22).fingerprint).toBe(B_FP);
    expect(hostKeyOfKnownHosts(file, 'BB-NODE-1', 22).fingerprint).toBe(B_FP);
    expect(hostKeyOfKnownHosts(file, 'other.example', 22).fingerprint).toBe(A_FP);
  });
  it('off port 22, the [host]:port line; hashed names and wildcards match too', () => {
    expect(hostKeyOfKnownHosts(file, '10.250.0.2', 2222).fingerprint).toBe(ECDSA_FP);
    expect(hostKeyOfKnownHosts(`${HASHED_B}\n${A.replace(/^/, 'x ')}`, 'edge-1', 2222).fingerprint).toBe(B_FP);
    expect(hostKeyOfKnownHosts(`*.lab,!db.lab ${A}\nz ${B}`, 'edge.lab', 22).fingerprint).toBe(A_FP);
    expect(() => hostKeyOfKnownHosts(`*.lab,!db.lab ${A}\nz ${B}`, 'db.lab', 22)).toThrow(/no line for db\.lab/);
  });
  it("a file of one key pins that key, whatever host it names (ssh-keyscan's answer, a *.pub file)", () => {
    expect(hostKeyOfKnownHosts(`somewhere-else ${A}\n`, '10.0.0.9', 22).fingerprint).toBe(A_FP);
    expect(hostKeyOfKnownHosts(`${A} host a\n`, '10.0.0.9', 22).fingerprint).toBe(A_FP);
  });
  it('no key for the host among several, or none at all: says so', () => {
    expect(() => hostKeyOfKnownHosts(file, '10.9.9.9', 22)).toThrow(/no line for 10\.9\.9\.9 among its 4 keys/);
    expect(() => hostKeyOfKnownHosts(file, '10.9.9.9', 2200)).toThrow(/no line for \[10\.9\.9\.9\]:2200 .*ssh-keyscan -p 2200 10\.9\.9\.9/);
    expect(() => hostKeyOfKnownHosts('# nothing\n', 'h', 22)).toThrow(/no host key in it/);
  });
});

describe('HostKeyCheck (ssh2 hostVerifier)', () => {
  const blobOf = (line: string) => parseHostKey(line).blob;
  it('takes the pinned key, and offers only its algorithms', () => {
    const check = new HostKeyCheck('10.250.0.2', parseHostKey(A));
    expect(check.verify(blobOf(A))).toBe(true);
    expect(check.seen?.fingerprint).toBe(A_FP);
    expect(check.algorithms()).toEqual({ serverHostKey: ['ssh-ed25519'] });
    expect(hostKeyAlgorithms(parseHostKey(RSA))).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
  });
  it('refuses another key, naming both fingerprints, and remembers the one it saw', () => {
    const check = new HostKeyCheck('[edge-1]:2222', parseHostKey(A));
    expect(() => check.verify(blobOf(B))).toThrow(`ssh: the host key of [edge-1]:2222 is ${B_FP}, not the pinned ${A_FP}`);
    expect(check.seen?.line).toBe(B);
  });
  it('with nothing pinned, refuses every key, telling which it saw', () => {
    const check = new HostKeyCheck('10.250.0.2', null);
    expect(() => check.verify(blobOf(A))).toThrow(`ssh: no host key is pinned for 10.250.0.2; it showed ${A_FP} (ssh-ed25519)`);
    expect(check.seen?.line).toBe(A);
    expect(check.algorithms()).toBeUndefined();
  });
});
