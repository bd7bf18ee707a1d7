import { createServer } from 'node:http';
import { findProducts } from '@shop/db';

createServer((request, response) => {
  if (request.url === '/health') return void response.end('ok');
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(findProducts()));
}).listen(3000);
