/**
 * Opens and migrates the database when the server starts, so the first request finds it ready;
 * a setting it cannot run with stops the server there, rather than failing every request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { ConfigurationError } = await import("./server/env");
    const { startDatabase } = await import("./server/database");
    const { recoverStagedImports } = await import("./server/services/datasets/import-staging");
    try {
      const db = await startDatabase();
      // Imports a crash interrupted: finished if they were publishing, else removed.
      await recoverStagedImports(db);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      console.error(`Concord cannot start: ${error.message}`);
      process.exit(1);
    }
  }
}
