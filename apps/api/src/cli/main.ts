#!/usr/bin/env node
import { Command, Option } from 'commander';
import { DEFAULT_ENGINE_ID, ROLES } from '@bridgeboard/contract';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { CliError } from './cli-error.js';
import { addEngine, editEngine, listContexts, listEngines, removeEngine, testEngine, type EngineFlags } from './engines.js';
import { editNetwork, type NetworkEditFlags } from './network-edit.js';
import { createToken } from './token.js';
import { printTopology } from './topology.js';
import { addUser, listUsers } from './users.js';

/**
 * `bridgeboard`: the server and the chores around it, for scripts and shells. Settings come from
 * the same environment as the server's (`DATA_DIR`, `DATABASE_PATH`, `DOCKER_HOST`, …); the
 * users and token commands write the server's own database, which is safe while it runs (WAL).
 */
function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}

const role = () => new Option('--role <role>', 'viewer, operator or admin').choices(ROLES).makeOptionMandatory();

const program = new Command('bridgeboard').description('Bridgeboard: a live board of Docker networks').showHelpAfterError();

program
  .command('serve')
  .description('run the server (as `node dist/server.js`); settings from the environment')
  // Loaded only here: the whole server (Fastify, socket.io, every plugin) is most of a command's start-up time.
  .action(async () => (await import('../serve.js')).serve(config()));

const users = program.command('users').description('accounts in the database');
users
  .command('add <name>')
  .description('create an account; the password comes from stdin or a prompt, never from the command line')
  .addOption(role())
  .option('--password-stdin', 'read the password from stdin (one line)')
  .action(async (name: string, opts: { role: (typeof ROLES)[number]; passwordStdin?: boolean }) =>
    addUser(config(), name, opts.role, opts.passwordStdin === true),
  );
users
  .command('list')
  .description('list the accounts')
  .option('--json', 'print JSON')
  .action((opts: { json?: boolean }) => listUsers(config(), opts.json === true));

program
  .command('token')
  .description('API tokens for scripts')
  .command('create <name>')
  .description('create an API token and print its secret (shown this once) on stdout')
  .addOption(role())
  .action((name: string, opts: { role: (typeof ROLES)[number] }) => createToken(config(), name, opts.role));

program
  .command('topology')
  .description('print the networks and containers: from a running server with --url, else read from the engine (DOCKER_HOST)')
  .option('--json', 'print the snapshot as JSON ({ engine, rev, topology }, as GET /api/engines/:engine/topology answers)')
  .option('--url <url>', 'a running Bridgeboard (default: BRIDGEBOARD_URL)')
  .option('--engine <id>', 'which of its engines, with --url', DEFAULT_ENGINE_ID)
  // No --token flag: a secret in argv shows in the process list and the shell's history.
  .action(async (opts: { json?: boolean; url?: string; engine: string }) => printTopology(config(), opts));

const engines = program
  .command('engines')
  .description("the fleet's engines on a running server (--url or BRIDGEBOARD_URL), with an API token in BRIDGEBOARD_TOKEN");
const url = () => new Option('--url <url>', 'a running Bridgeboard (default: BRIDGEBOARD_URL)');
// As the docker CLI finds its contexts: DOCKER_CONFIG, else ~/.docker.
const dockerConfig = () =>
  new Option('--docker-config <dir>', "the docker CLI's config directory (default: ~/.docker)").env('DOCKER_CONFIG');
// Files only: a certificate's key or a passphrase in argv would show in the process list and the shell's history.
// `edit` takes the same flags, each changing only what it names (`engines edit` says what stays).
const declaration = (command: Command, edit = false) =>
  command
    .addOption(url())
    .option(
      '--host <host>',
      `unix:///path (a socket on the server's machine), tcp://host:port or ssh://user@host${edit ? ' (its keys stay while the scheme does)' : ''}`,
    )
    .option(
      '--context <name>',
      'a Docker context of yours (`bridgeboard engines contexts`) instead of --host; `default` is DOCKER_HOST or the local socket',
    )
    .option('--name <name>', edit ? 'what people call it' : "what people call it (default: the context's name, else the id)")
    .option('--tls-ca <file>', "tcp:// with TLS: the CA's certificate (PEM)")
    .option('--tls-cert <file>', 'tcp:// with TLS: the client certificate (PEM)')
    .option('--tls-key <file>', 'tcp:// with TLS: the client key (PEM)')
    .option('--ssh-key <file>', 'ssh://: the private key to sign in with (PEM)')
    .option(
      '--ssh-passphrase-file <file>',
      edit
        ? "ssh://: a file holding the key's passphrase (alone: for the key the engine keeps)"
        : "ssh://: a file holding the key's passphrase",
    )
    .option('--ssh-host-key <line>', "ssh://: the engine's host key to pin (ssh-ed25519 AAAA…, or its known_hosts line)")
    .option('--ssh-known-hosts <file>', "ssh://: a known_hosts file holding the engine's host key")
    .addOption(dockerConfig());
engines
  .command('list')
  .description('the engines, how they are reached and whether they answer')
  .option('--json', 'print JSON ({ engines }, as GET /api/engines answers)')
  .addOption(url())
  .action(async (opts: { json?: boolean; url?: string }) => listEngines(config(), opts));
declaration(
  engines.command('test <id>').description('ask the server whether it can reach an engine, before adding it (exit code 1 if not)'),
).action(async (id: string, opts: EngineFlags) => testEngine(config(), id, opts));
declaration(
  engines.command('add <id>').description('add an engine (admin); its certificates and keys are kept encrypted by the server'),
).action(async (id: string, opts: EngineFlags) => addEngine(config(), id, opts));
declaration(
  engines
    .command('edit <id>')
    .description(
      'change an engine an admin added (admin): only what the flags name; its keys stay unless replaced or the scheme changes, its pinned host key while the host does; prints it as `list` does',
    ),
  true,
).action(async (id: string, opts: EngineFlags) => editEngine(config(), id, opts));
engines
  .command('remove <id>')
  .description('remove an engine an admin added')
  .addOption(url())
  .action(async (id: string, opts: { url?: string }) => removeEngine(config(), id, opts));
engines
  .command('contexts')
  .description('your Docker contexts (`docker context ls`), which `engines add --context` imports')
  .option('--json', 'print JSON')
  .addOption(dockerConfig())
  .action((opts: { json?: boolean; dockerConfig?: string }) => listContexts(config(), opts));

const onOff = (flag: string, what: string) => new Option(flag, what).choices(['on', 'off']);
const collect = (value: string, previous: string[] = []) => [...previous, value];
program
  .command('networks')
  .description('networks on a running server (--url or BRIDGEBOARD_URL), with an API token in BRIDGEBOARD_TOKEN')
  .command('edit <network>')
  .description(
    'change a network: prints the plan (every step as the docker command it stands for, what each endpoint keeps, who loses connectivity); with --apply, runs it and checks every endpoint, rolling everything back on any failure or difference',
  )
  .addOption(url())
  .option('--engine <id>', 'which engine of the server', DEFAULT_ENGINE_ID)
  .option('--name <name>', 'a new name')
  .option('--mtu <bytes>', 'com.docker.network.driver.mtu')
  .addOption(onOff('--icc <on|off>', 'containers on the network may talk to each other (enable_icc)'))
  .addOption(onOff('--masquerade <on|off>', 'NAT for traffic leaving the host (enable_ip_masquerade)'))
  .option('--host-binding <ipv4>', 'the host address published ports bind to by default (host_binding_ipv4)')
  .addOption(onOff('--internal <on|off>', 'no way out of the network'))
  .addOption(onOff('--attachable <on|off>', 'standalone containers may attach (overlay)'))
  .addOption(onOff('--ipv6 <on|off>', 'IPv6 on the network'))
  .option('--subnet <cidr>', 'the first subnet (its gateway and range go unless given again)')
  .option('--gateway <ip>', "the first subnet's gateway")
  .option('--ip-range <cidr>', "the first subnet's range for addresses the engine chooses")
  .option('--label <key=value>', 'set a label (repeatable)', collect)
  .option('--unlabel <key>', 'remove a label (repeatable)', collect)
  .option('--map-addresses', 'move addresses the new subnet does not hold to the same host number inside it (else the plan is refused)')
  .option('--apply', 'apply the plan (without it, nothing changes)')
  .option('--json', 'print the plan (or, with --apply, the report) as JSON')
  .action(async (network: string, opts: NetworkEditFlags) => editNetwork(config(), network, opts));

// `bridgeboard topology | head`: a reader that stops early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

try {
  await program.parseAsync();
} catch (err) {
  if (!(err instanceof CliError)) throw err;
  process.stderr.write(`bridgeboard: ${err.message}\n`);
  process.exitCode = 1;
}
