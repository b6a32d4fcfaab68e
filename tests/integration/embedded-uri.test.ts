import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase, disconnectDatabase, uriDatabase } from "../../models/db/connection.server";
import { startOrReuseEmbedded } from "../../embedded-db/launcher";

const dataDir = mkdtempSync(path.join(tmpdir(), "congkhai-uri-"));
const uriFile = path.join(dataDir, "mongodb.uri");

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("$DATA_DIR/mongodb.uri", () => {
  it("names the app's database, and whoever reads it (server, scripts) connects to that database", async () => {
    const server = await startOrReuseEmbedded(dataDir, () => undefined);
    try {
      const written = readFileSync(uriFile, "utf8").trim();
      expect(written).toBe(server.uri);
      expect(new URL(written).pathname).toBe("/congkhai");
      // A second starter (a script while the server runs) reuses the running one, same database.
      const reused = await startOrReuseEmbedded(dataDir, () => undefined);
      expect(reused).toMatchObject({ owned: false, uri: written });
      await connectDatabase({ uri: written });
      expect(mongoose.connection.name).toBe("congkhai");
      await disconnectDatabase();
    } finally {
      await server.stop();
    }
    expect(existsSync(uriFile)).toBe(false);
  });

  it("reads the database out of any connection string, and none out of one without a path", () => {
    const named: [uri: string, database: string][] = [
      ["mongodb://127.0.0.1:27017/congkhai", "congkhai"],
      ["mongodb+srv://user:p%40ss@cluster0.example.net/province_db?retryWrites=true&w=majority", "province_db"],
      ["mongodb://a:27017,b:27017,c:27017/congkhai?replicaSet=rs0", "congkhai"],
    ];
    for (const [uri, database] of named) expect(uriDatabase(uri), uri).toBe(database);
    for (const uri of ["mongodb://127.0.0.1:27017/", "mongodb://127.0.0.1:27017", "mongodb://127.0.0.1:27017/?replicaSet=rs0"]) {
      expect(uriDatabase(uri), uri).toBe("");
    }
  });
});
