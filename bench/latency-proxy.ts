// A TCP proxy that delays every chunk by a fixed time each way: the round trip between a phone in
// Korea and Firestore in Seoul, which a localhost emulator does not have. Order is kept (equal
// delays fire in order), and nothing else changes.
import { createServer, connect, type Server, type Socket } from "node:net";

function delayed(from: Socket, to: Socket, ms: number) {
  from.on("data", (chunk) => setTimeout(() => to.write(chunk), ms));
  from.on("end", () => setTimeout(() => to.end(), ms));
  from.on("error", () => to.destroy());
}

export async function startLatencyProxy(target: { host: string; port: number }, oneWayMs: number) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    delayed(client, upstream, oneWayMs);
    delayed(upstream, client, oneWayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("proxy has no port");
  // Client apps keep their connections open: cut them, or close() would wait for them forever.
  const close = () => {
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  return { port: address.port, close };
}
