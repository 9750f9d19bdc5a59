import "server-only";
import { DomainError, type DomainErrorCode } from "@/domain/errors";

const statuses = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
} as const satisfies Record<DomainErrorCode, number>;

/** The same mapping as tRPC's for the plain HTTP routes: domain errors keep their message. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    return Response.json({ message: error.message }, { status: statuses[error.code] });
  }
  throw error;
}
