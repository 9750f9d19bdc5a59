import { NextRequest } from "next/server";
import { handlers } from "@/server/auth";
import { bufferBody, maxAuthBodyBytes } from "@/server/http/body-limit";
import { errorResponse } from "@/server/http/error-response";

export const { GET } = handlers;

/** Auth.js checks its own CSRF token; the size limit is ours, answered before Auth.js reads. */
export async function POST(request: NextRequest) {
  let buffered: Request;
  try {
    buffered = await bufferBody(request, maxAuthBodyBytes);
  } catch (error) {
    return errorResponse(error);
  }
  return handlers.POST(new NextRequest(buffered));
}
