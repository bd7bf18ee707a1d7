import { createServer } from 'node:http';

createServer((request, response) => {
  if (request.url === '/healthz') return void response.end('ok');
  response.end(`billing trusts ${process.env.NODE_EXTRA_CA_CERTS}\n`);
}).listen(3000);
