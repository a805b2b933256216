// Serves one browser script, bundled by esbuild, as a page on 127.0.0.1 (a free port) for the browser tests.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";

export interface PageServer {
  /** The page's address, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Bundles `entry` for the browser and serves it as the only script of an empty page at `/`. */
export async function servePage(entry: string, projectId: string): Promise<PageServer> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  const html = `<!doctype html><html data-project="${projectId}"><meta charset="utf-8"><title>e2e</title><script type="module" src="/main.js"></script></html>`;

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://page").pathname;
    if (path === "/") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    else if (path === "/main.js") response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        // The browser keeps connections alive; drop them so close() does not wait for it.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
