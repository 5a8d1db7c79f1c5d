/**
 * A child process that runs one autocannon load (the load generator gets its own process, so it does not share
 * an event loop with the benchmark's bookkeeping). With `distinctClients`, every request carries an
 * X-Forwarded-For of its own: a new household each time, as a crowd of visitors would be.
 */
import autocannon from 'autocannon';
import { householdIp } from './site.ts';

export type LoadCommand = {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  seconds: number;
  connections: number;
  /** First household number for X-Forwarded-For, when each request should come from a different network. */
  distinctClientsFrom?: number;
};
export type LoadReport = { event: 'ready' } | ({ event: 'done' } & LoadResult);
export type LoadResult = {
  ok: number;
  other: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
};

process.once('message', async (command: LoadCommand) => {
  let household = command.distinctClientsFrom ?? 0;
  const result = await autocannon({
    url: command.url,
    connections: command.connections,
    duration: command.seconds,
    requests: [
      {
        method: command.method,
        body: command.body,
        headers: { 'content-type': 'application/json' },
        ...(command.distinctClientsFrom !== undefined && {
          setupRequest: (request: autocannon.Request) => {
            return { ...request, headers: { ...request.headers, 'x-forwarded-for': householdIp(household++) } };
          },
        }),
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, Number(stat.count)]),
  );
  process.send!({
    event: 'done',
    ok: result['2xx'],
    other: result.non2xx,
    errors: result.errors,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statusCodes,
  } satisfies LoadReport);
  process.disconnect?.();
});

process.send!({ event: 'ready' } satisfies LoadReport);
