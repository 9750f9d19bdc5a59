import { describe, expect, it } from "vitest";
import { DomainError } from "@/domain/errors";
import { bufferBody, limitBody } from "./body-limit";

function streamOf(chunks: number, chunkBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === chunks) controller.close();
      else controller.enqueue(new Uint8Array(chunkBytes).fill(120));
    },
  });
}

async function refusalOf(read: Promise<unknown>): Promise<DomainError> {
  const error = await read.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("PAYLOAD_TOO_LARGE");
  return error as DomainError;
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

describe("limitBody", () => {
  it("passes a body within the limit unchanged", async () => {
    expect(await limitBody(post('{"a":1}'), 100).json()).toEqual({ a: 1 });
    expect(await limitBody(post("x".repeat(100)), 100).text()).toHaveLength(100);
  });

  it("refuses a declared Content-Length over the limit before reading, naming the limit", async () => {
    const error = await refusalOf(
      limitBody(
        post("x".repeat(10), { "content-length": String(3 * 1024 ** 2) }),
        2 * 1024 ** 2,
      ).text(),
    );
    expect(error.message).toBe("the request body is over the 2 MB limit");
  });

  it("counts a chunked body, which declares no length", async () => {
    const error = await refusalOf(limitBody(post(streamOf(100, 1024)), 64 * 1024).arrayBuffer());
    expect(error.message).toBe("the request body is over the 64 KB limit");
  });

  it("leaves a request without a body alone", () => {
    const request = new Request("http://localhost/");
    expect(limitBody(request, 1)).toBe(request);
  });
});

describe("bufferBody", () => {
  it("reads the whole body into a request that can be read again", async () => {
    const buffered = await bufferBody(post("a=1&b=2", { "content-type": "text/plain" }), 100);
    expect(await buffered.text()).toBe("a=1&b=2");
    expect(buffered.headers.get("content-type")).toBe("text/plain");
  });

  it("refuses a body over the limit", async () => {
    await refusalOf(bufferBody(post(streamOf(3, 1000)), 2000));
  });
});
