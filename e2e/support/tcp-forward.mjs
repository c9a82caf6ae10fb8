// A plain TCP forwarder:
//   node tcp-forward.mjs <listen host> <listen port> <target host> <target port> [only from <address>]
// Bytes go through untouched, so HTTP and socket.io's websocket upgrade pass alike. With a fifth
// argument, connections from any other address are dropped (the host end listens on an address
// containers could reach too; only the browser's namespace may come in). Prints one "listening"
// line once it accepts connections (the global setup waits for it); SIGTERM ends it.
import net from 'node:net';
import process from 'node:process';

const [listenHost, listenPort, targetHost, targetPort, onlyFrom] = process.argv.slice(2);
if (!listenHost || !listenPort || !targetHost || !targetPort) {
  process.stderr.write('usage: tcp-forward.mjs <listen host> <listen port> <target host> <target port> [only from <address>]\n');
  process.exit(2);
}

const server = net.createServer((client) => {
  if (onlyFrom && client.remoteAddress !== onlyFrom) {
    client.destroy();
    return;
  }
  const upstream = net.connect({ host: targetHost, port: Number(targetPort) });
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
  client.on('close', close);
  upstream.on('close', close);
  client.pipe(upstream);
  upstream.pipe(client);
});

server.on('error', (err) => {
  process.stderr.write(`tcp-forward ${listenHost}:${listenPort}: ${err.message}\n`);
  process.exit(1);
});
server.listen(Number(listenPort), listenHost, () => {
  process.stdout.write(`listening ${listenHost}:${listenPort} -> ${targetHost}:${targetPort}\n`);
});

const stop = () => {
  server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
