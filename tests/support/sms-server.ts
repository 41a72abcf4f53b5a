// A real local HTTP server speaking the part of Brevo's transactional SMS API our driver uses
// (POST /v3/transactionalSMS/sms with the api-key header). Numbers in `refuse` get a 400, as the
// real API does for an invalid recipient.
import http from "node:http";

export interface ReceivedSms {
  apiKey: string | undefined;
  body: { sender: string; recipient: string; content: string; type: string; tag: string; webUrl?: string };
  messageId: number;
}

export async function startSmsServer(opts: { apiKey?: string; refuse?: string[] } = {}) {
  const received: ReceivedSms[] = [];
  let next = 1000;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== "POST" || req.url !== "/v3/transactionalSMS/sms") return send(404, { code: "not_found", message: "Not found" });
      if (opts.apiKey && req.headers["api-key"] !== opts.apiKey) return send(401, { code: "unauthorized", message: "Key not found" });
      const body = JSON.parse(raw) as ReceivedSms["body"];
      if (opts.refuse?.includes(body.recipient)) return send(400, { code: "invalid_parameter", message: "Invalid phone number" });
      const messageId = next++;
      received.push({ apiKey: req.headers["api-key"] as string | undefined, body, messageId });
      send(201, { reference: `ref-${messageId}`, messageId, smsCount: 1, usedCredits: 1, remainingCredits: 100 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
