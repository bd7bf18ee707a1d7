import { createServer } from 'node:http';

createServer((request, response) => {
  response.setHeader('content-type', 'text/html');
  response.end('<h1>Shop</h1>');
}).listen(3000);
