import { Command, CommanderError } from "commander";
import { DomainError } from "@/domain/errors";
import { ConfigurationError } from "@/server/env";
import { registerCopyCommand } from "./copy-command";
import { startDatabaseForCommands } from "./database-lifecycle";
import { registerDataCommands } from "./data-commands";
import { registerMaintenanceCommands } from "./maintenance-commands";
import { registerReviewCommands } from "./review-commands";
import { registerSetupCommands } from "./setup-commands";

const program = new Command("concord")
  .description("Concord command line: works on the database named by DATABASE_URL")
  .showHelpAfterError()
  .exitOverride();

startDatabaseForCommands(program);
registerSetupCommands(program);
registerDataCommands(program);
registerReviewCommands(program);
registerMaintenanceCommands(program);
registerCopyCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof DomainError || error instanceof ConfigurationError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
