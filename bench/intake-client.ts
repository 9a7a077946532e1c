import { createReadStream, createWriteStream } from 'node:fs';
import { request } from 'node:http';

/**
 * The bulk-intake client, run as its own process as a submitter would be (so its 100 MB body
 * and the answer do not share the server's heap and event loop): streams an NDJSON file to
 * POST /api/findings/batch and writes the streamed answer to a file.
 * Prints one JSON line: { status, seconds }.
 */
const args = JSON.parse(process.argv[2]!) as { url: string; token: string; bodyFile: string; outFile: string };
const start = performance.now();
const req = request(
  `${args.url}/api/findings/batch`,
  { method: 'POST', headers: { authorization: `Bearer ${args.token}`, 'content-type': 'application/x-ndjson' } },
  (res) => {
    const out = createWriteStream(args.outFile);
    res.pipe(out);
    out.on('finish', () => process.stdout.write(`${JSON.stringify({ status: res.statusCode, seconds: (performance.now() - start) / 1000 })}\n`));
  },
);
req.on('error', (err) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
createReadStream(args.bodyFile).pipe(req);
