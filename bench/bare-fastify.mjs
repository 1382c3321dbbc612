// The framework's floor for `npm run bench`: a bare Fastify route answering the same body as
// the product's /health, on a port of its own choosing, printed on stdout once listening.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
