/** Opens and migrates the database when the server starts, so the first request finds it ready. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./server/database");
    const { recoverStagedImports } = await import("./server/services/datasets/import-staging");
    // Imports a crash interrupted: finished if they were publishing, else removed.
    recoverStagedImports(getDb());
  }
}
