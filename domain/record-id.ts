import { z } from "zod";

/**
 * The largest integer a column holds on both databases: PostgreSQL's `integer` is 32 bits, and
 * a larger number there is not "no such row" but a failed query. Inputs stored or compared with
 * a column (ids, offsets, versions) are bounded by it, so a larger one is refused with the input.
 */
export const largestStoredInteger = 2 ** 31 - 1;

/** The id of a stored row, as the API takes one. */
export const recordIdSchema = z.int().positive().max(largestStoredInteger);

/** An offset, a version or a position, as the API takes one: a whole number a column holds. */
export const storedCountSchema = z.int().nonnegative().max(largestStoredInteger);
