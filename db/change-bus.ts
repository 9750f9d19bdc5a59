import { EventEmitter } from "node:events";
import pg from "pg";

/**
 * Notices that something changed (a layer saved, a document curated), for pages to refresh.
 * A notice names its topic (say `layer:42`) and carries a short message; it says *that* data
 * changed, never the data, which the page reads again.
 */
export type ChangeBus = {
  publish(topic: string, message: string): Promise<void>;
  /** Listens to a topic until the returned function is called. */
  subscribe(topic: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

/** One process serves a SQLite file, so its notices stay in the process. */
export function inProcessBus(): ChangeBus {
  const emitter = new EventEmitter().setMaxListeners(0);
  return {
    publish: async (topic, message) => void emitter.emit(topic, message),
    subscribe: async (topic, listener) => {
      emitter.on(topic, listener);
      return async () => void emitter.off(topic, listener);
    },
    close: async () => void emitter.removeAllListeners(),
  };
}

// One PostgreSQL channel carries every topic; each process picks out what its pages listen to.
const channel = "concord_changes";

/**
 * PostgreSQL's LISTEN/NOTIFY: a notice published through any server reaches every server on the
 * database. Publishing takes a pooled connection for one statement; listening keeps one
 * connection of its own, opened on the first subscription.
 */
export function postgresBus(pool: pg.Pool, url: string): ChangeBus {
  const local = inProcessBus();
  let listener: Promise<pg.Client> | undefined;

  function listen(): Promise<pg.Client> {
    listener ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      client.on("notification", ({ payload }) => {
        const { topic, message } = JSON.parse(payload ?? "{}") as {
          topic: string;
          message: string;
        };
        void local.publish(topic, message);
      });
      // A lost connection is made again by the next subscription.
      client.on("error", () => (listener = undefined));
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      return client;
    })();
    return listener;
  }

  return {
    publish: async (topic, message) => {
      await pool.query("SELECT pg_notify($1, $2)", [channel, JSON.stringify({ topic, message })]);
    },
    subscribe: async (topic, handle) => {
      await listen();
      return local.subscribe(topic, handle);
    },
    close: async () => {
      await local.close();
      if (listener) await (await listener).end();
    },
  };
}
