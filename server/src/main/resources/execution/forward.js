// Runs inside a sandbox next to the project's commands. The sandbox has no network the server can
// reach, so the preview comes in through a Unix socket in the shared control folder: the server
// writes the dev server's port and a newline, then the bytes of the browser's connection, which
// this script pipes to that port on the sandbox's own loopback.
'use strict';
const net = require('net');
const fs = require('fs');

const socketPath = process.argv[2];
try {
  fs.unlinkSync(socketPath);
} catch {
  // nothing to remove
}

function connect(port, hosts, client, rest) {
  const upstream = net.connect({ port, host: hosts[0] });
  upstream.once('connect', () => {
    upstream.removeAllListeners('error');
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    if (rest.length > 0) upstream.write(rest);
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  });
  upstream.once('error', () => {
    if (hosts.length > 1) connect(port, hosts.slice(1), client, rest);
    else client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
}

const server = net.createServer((client) => {
  let head = Buffer.alloc(0);
  client.on('error', () => {});
  const onData = (chunk) => {
    head = Buffer.concat([head, chunk]);
    const newline = head.indexOf(10);
    if (newline < 0) {
      if (head.length > 16) client.destroy();
      return;
    }
    client.removeListener('data', onData);
    client.pause();
    const port = Number(head.subarray(0, newline).toString('ascii'));
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      client.destroy();
      return;
    }
    connect(port, ['127.0.0.1', '::1'], client, head.subarray(newline + 1));
  };
  client.on('data', onData);
});
server.listen(socketPath);
