import type { Command } from "commander";
import { registerExportCommand } from "./export-command";
import { registerImportCommand } from "./import-command";

export function registerDataCommands(program: Command) {
  registerImportCommand(program);
  registerExportCommand(program);
}
