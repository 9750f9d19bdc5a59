/**
 * A square matrix of (possibly fractional) counts indexed by category code, stored row-major in
 * one typed array so that per-token loops add into it without allocating.
 */
export type CountMatrix = { size: number; cells: Float64Array };

export function createCountMatrix(size: number): CountMatrix {
  return { size, cells: new Float64Array(size * size) };
}

export function cellOf(matrix: CountMatrix, row: number, column: number): number {
  return matrix.cells[row * matrix.size + column] as number;
}

export function addToCell(matrix: CountMatrix, row: number, column: number, amount: number) {
  const index = row * matrix.size + column;
  matrix.cells[index] = (matrix.cells[index] as number) + amount;
}

// Plain loops below: these run once per document, and typed-array map/forEach/subarray cost more
// than the handful of cells they touch.

/** target += factor × source, cell by cell. */
export function addMatrix(target: CountMatrix, source: CountMatrix, factor = 1) {
  for (let i = 0; i < source.cells.length; i++) {
    target.cells[i] = (target.cells[i] as number) + factor * (source.cells[i] as number);
  }
}

export function scaleMatrix(matrix: CountMatrix, factor: number): CountMatrix {
  const scaled = createCountMatrix(matrix.size);
  addMatrix(scaled, matrix, factor);
  return scaled;
}

export function rowSums(matrix: CountMatrix): number[] {
  const sums = new Array<number>(matrix.size).fill(0);
  for (let i = 0; i < matrix.cells.length; i++) {
    const row = Math.floor(i / matrix.size);
    sums[row] = (sums[row] as number) + (matrix.cells[i] as number);
  }
  return sums;
}

export function trace(matrix: CountMatrix): number {
  let sum = 0;
  for (let i = 0; i < matrix.size; i++) sum += cellOf(matrix, i, i);
  return sum;
}

/** The matrix as nested arrays, keeping only the given rows and columns, in the given order. */
export function toRows(matrix: CountMatrix, keep: readonly number[]): number[][] {
  return keep.map((row) => keep.map((column) => cellOf(matrix, row, column)));
}
