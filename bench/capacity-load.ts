import http from "node:http";

/**
 * The capacity bench's simulated annotators: each signed in over HTTP as a browser would be,
 * each saving one span at a time through the body tRPC's batch link sends, with superjson's
 * envelope, and taking the layer's version from the answer.
 */
export type Annotator = {
  userId: number;
  documentId: number;
  cookie: string;
  /** Saves made so far: which word comes next, and whether it is added or deleted. */
  step: number;
  version: number;
};

export type Target = {
  base: string;
  path: string;
  headers: (annotator: Annotator) => Record<string, string>;
};
export type Measure = { saves: number; errors: number; seconds: number; latencies: number[] };

export const documentWords = 1_000;
export const documentText = Array.from({ length: documentWords }, (_, i) => `word${i}`).join(" ");
const wordStarts = [...documentText.matchAll(/\S+/g)].map((match) => match.index);

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/**
 * The one place a save's input is made: the annotator's next word, added on even passes over the
 * text and deleted on odd ones, so every save changes the layer and the layer stays small; made
 * against the layer's version from the last answer (0 before the layer exists).
 */
export function saveInput(annotator: Annotator, labelId: number) {
  const word = annotator.step % documentWords;
  const start = wordStarts[word] ?? 0;
  const span = { start, end: start + `word${word}`.length, labelId };
  const kind = Math.floor(annotator.step / documentWords) % 2 === 0 ? "add" : "delete";
  return {
    documentId: annotator.documentId,
    baseVersion: annotator.version,
    edits: [{ kind, spans: [span] }],
  };
}

export async function save(target: Target, annotator: Annotator, labelId: number) {
  const body = JSON.stringify({ 0: { json: saveInput(annotator, labelId) } });
  const answer = await request(target.base + target.path, {
    method: "POST",
    headers: { "content-type": "application/json", ...target.headers(annotator) },
    body,
  });
  if (answer.status !== 200) return false;
  const [first] = JSON.parse(answer.body) as [
    { result?: { data?: { json?: { version?: number } } } },
  ];
  annotator.version = first.result?.data?.json?.version ?? annotator.version;
  annotator.step++;
  return true;
}

/** As fast as answers come: each annotator sends its next save when the last one is answered. */
export async function closedLoop(
  target: Target,
  annotators: Annotator[],
  labelId: number,
  seconds: number,
): Promise<Measure> {
  const measure: Measure = { saves: 0, errors: 0, seconds, latencies: [] };
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    annotators.map(async (annotator) => {
      while (performance.now() < end) {
        const sent = performance.now();
        const ok = await save(target, annotator, labelId).catch(() => false);
        record(measure, ok, performance.now() - sent);
      }
    }),
  );
  // Saves answered late still count, over the time they really took.
  measure.seconds = (performance.now() - started) / 1000;
  return measure;
}

/**
 * Each annotator saves once a second, the annotators spread over the second. Latency counts from
 * when the save was due, so a server that falls behind is charged for the wait too.
 */
export async function openLoop(
  target: Target,
  annotators: Annotator[],
  labelId: number,
  seconds: number,
): Promise<Measure> {
  const measure: Measure = { saves: 0, errors: 0, seconds, latencies: [] };
  const started = performance.now();
  await Promise.all(
    annotators.map(async (annotator, i) => {
      for (let tick = 0; tick < seconds; tick++) {
        const due = started + (tick + i / annotators.length) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const ok = await save(target, annotator, labelId).catch(() => false);
        record(measure, ok, performance.now() - due);
      }
    }),
  );
  // Saves answered late still count, over the time they really took.
  measure.seconds = (performance.now() - started) / 1000;
  return measure;
}

function record(measure: Measure, ok: boolean, ms: number) {
  if (!ok) {
    measure.errors++;
    return;
  }
  measure.saves++;
  measure.latencies.push(ms);
}

export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;
}

/** Signs in through Auth.js's credentials endpoint (CSRF token, then the form post); the cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await request(`${base}/api/auth/csrf`, { method: "GET", headers: {} });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: base,
      cookie: lastOfEachName(csrf.cookies).join("; "),
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/projects" }).toString(),
  });
  const session = answer.cookies.find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed with status ${answer.status}`);
  return session;
}

/** A cookie set twice in one answer counts once, as the last one set, as in a browser. */
function lastOfEachName(cookies: string[]): string[] {
  return [...new Map(cookies.map((cookie) => [cookie.split("=")[0], cookie])).values()];
}

type Answer = { status: number; body: string; cookies: string[] };

type Options = { method: string; headers: Record<string, string>; body?: string };

/**
 * One HTTP exchange on a kept-alive connection. A connection the server closes as idle just as a
 * request goes out on it is reset before any answer; a browser sends the request again on a new
 * connection, and so does this (Node's documented pattern: `reusedSocket` and ECONNRESET).
 */
async function request(url: string, options: Options): Promise<Answer> {
  try {
    return await exchange(url, options);
  } catch (error) {
    if (!(error instanceof ResetOnReuse)) throw error;
    resent.count++;
    return exchange(url, options);
  }
}

/** How many requests went out again after such a reset, for the benches to report. */
export const resent = { count: 0 };

class ResetOnReuse extends Error {}

function exchange(url: string, options: Options): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { ...options, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          cookies: (response.headers["set-cookie"] ?? []).map((line) => line.split(";")[0] ?? ""),
        }),
      );
      response.on("error", reject);
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        outgoing.reusedSocket && error.code === "ECONNRESET"
          ? new ResetOnReuse(error.message)
          : error,
      ),
    );
    outgoing.end(options.body);
  });
}
