import "server-only";
import { DomainError } from "@/domain/errors";
import { maxFileBytes } from "../services/datasets/uploads";

/**
 * tRPC bodies: the largest a real edit gets (5,000 spans, about 0.3 MB) with room to spare, and
 * below the 10 MB at which proxy.ts's proxy cuts a body it buffers, so this limit, not a cut body
 * ("Unterminated string in JSON"), is what a client hears.
 */
export const maxTrpcBodyBytes = 2 * 1024 ** 2;
/** Auth.js's own forms (sign-in, sign-out) hold a few short fields. */
export const maxAuthBodyBytes = 64 * 1024;
/** Uploads stream to disk, so they may be as large as the largest file an import reads. */
export const maxUploadBodyBytes = maxFileBytes;

/**
 * The request with a body refused once it is over `maxBytes`: at the first read when its
 * Content-Length says so, else as the bytes arrive (a chunked body declares no length). The
 * refusal, `refuse(message)`, is what reading the body throws; by default a PAYLOAD_TOO_LARGE
 * DomainError, which route handlers answer with 413.
 */
export function limitBody(
  request: Request,
  maxBytes: number,
  refuse: (message: string) => Error = (message) => new DomainError("PAYLOAD_TOO_LARGE", message),
): Request {
  if (!request.body) return request;
  const length = request.headers.get("content-length");
  const declared = Number(length ?? 0);
  // Node's HTTP parser reads a body to its declared length and no further, so a body declared
  // within the limit needs no counting (which cost a tenth of a save).
  if (length !== null && declared <= maxBytes) return request;
  const message = `the request body is over the ${formatBytes(maxBytes)} limit`;
  let received = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      if (declared > maxBytes) controller.error(refuse(message));
    },
    transform(chunk, controller) {
      received += chunk.byteLength;
      if (received > maxBytes) controller.error(refuse(message));
      else controller.enqueue(chunk);
    },
  });
  // Node's fetch wants `duplex` for a streamed body; the DOM types do not know it yet.
  const init = { body: request.body.pipeThrough(counter), duplex: "half" } as RequestInit;
  return new Request(request, init);
}

function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

/** The request with its whole body read (refused past `maxBytes`): for handlers that want it in hand. */
export async function bufferBody(request: Request, maxBytes: number): Promise<Request> {
  const body = await limitBody(request, maxBytes).arrayBuffer();
  return new Request(request, { body: request.body ? body : null });
}
