// `npm start`: the Next.js production server, plus the one thing `next start` cannot
// give the app: the client's socket address. It travels to the request pipeline in
// a header whose name is chosen at random per process, so a client cannot forge it
// (see server/platform/client-ip.ts). On Vercel this file is not used.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import next from 'next';

const socketIpHeader = `x-socket-ip-${randomBytes(12).toString('hex')}`;
process.env.SOCKET_IP_HEADER = socketIpHeader;

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  request.headers[socketIpHeader] = request.socket.remoteAddress ?? '';
  handle(request, response);
}).listen(port, hostname, () => {
  console.log(`Lean SaaS listening on http://localhost:${port}`);
});
