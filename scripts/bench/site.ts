/** What benchmarks do on the site the way its pages do: sign up creators, and tell clients' networks apart. */

export type Creator = { id: string; username: string; cookie: string };

// Each simulated client is a household of its own (guest passes, sign-ups and event streams are limited per
// network); the backend trusts X-Forwarded-For from its loopback proxy. Distinct across a whole `pnpm bench` run.
let nextHousehold = 1 + Math.floor(Math.random() * 1_000_000);

/** Household number n as an address in 10.0.0.0/8. */
export const householdIp = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

export function nextClientIp(): string {
  return householdIp(nextHousehold++);
}

/** Sets aside `count` households for a load generator in another process; returns the first one's number. */
export function reserveHouseholds(count: number): number {
  const first = nextHousehold;
  nextHousehold += count;
  return first;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function signUpCreator(baseUrl: string, prefix: string): Promise<Creator> {
  const username = `${prefix}_${Math.random().toString(16).slice(2, 10)}`;
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl, 'X-Forwarded-For': nextClientIp() },
    body: JSON.stringify({ email: `${username}@example.test`, password: 'correct-horse-battery', name: username, username }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const { user } = await json<{ user: { id: string; username: string } }>(response);
  // Not recorded: every recording is an egress re-encoding video beside what is measured (recording.bench measures that).
  await json(
    await fetch(`${baseUrl}/api/recordings/settings`, {
      method: 'PUT',
      headers: { Cookie: cookie, Origin: baseUrl, 'Content-Type': 'application/json' },
      body: JSON.stringify({ recordingEnabled: false }),
    }),
  );
  return { id: user.id, username: user.username, cookie };
}

/** The token the go-live page gets to publish the creator's camera (identity = user id). */
export async function publisherToken(baseUrl: string, creator: Creator): Promise<{ token: string; wsUrl: string }> {
  const response = await fetch(`${baseUrl}/api/stream/publisher-token`, {
    method: 'POST',
    headers: { Cookie: creator.cookie, Origin: baseUrl, 'Content-Type': 'application/json' },
    body: '{}',
  });
  return json(response);
}

/** Polls `check` (state that an asynchronous event, e.g. a LiveKit webhook, will change) until it holds. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
