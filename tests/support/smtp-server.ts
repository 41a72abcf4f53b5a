// A minimal SMTP server on loopback for tests (RFC 5321 happy path: EHLO, MAIL, RCPT, DATA, QUIT).
// The `smtp-server` package is not installed; this is enough to receive what nodemailer sends.
import net from "node:net";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export async function startSmtpServer(opts: { failFirst?: number } = {}) {
  const received: ReceivedMail[] = [];
  let toFail = opts.failFirst ?? 0;
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let mail: ReceivedMail = { from: "", to: [], raw: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 localhost ESMTP test");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let idx: number;
      while ((idx = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(mail);
            mail = { from: "", to: [], raw: "" };
            reply("250 OK queued");
          } else {
            mail.raw += `${line.startsWith("..") ? line.slice(1) : line}\r\n`;
          }
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") reply("250 localhost");
        else if (cmd === "MAIL") {
          if (toFail > 0) {
            toFail--;
            reply("451 4.3.0 Temporary failure, try again later");
          } else {
            mail.from = line.slice(10).trim();
            reply("250 OK");
          }
        } else if (cmd === "RCPT") {
          mail.to.push(line.slice(8).trim());
          reply("250 OK");
        } else if (cmd === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (cmd === "RSET" || cmd === "NOOP") reply("250 OK");
        else if (cmd === "QUIT") {
          reply("221 Bye");
          socket.end();
        } else reply("502 Command not implemented");
      }
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Decodes the parts of a MIME message as nodemailer writes them (quoted-printable or base64). */
export function parseMail(raw: string): { headers: Record<string, string>; parts: Record<string, string> } {
  const [head = "", ...rest] = raw.split("\r\n\r\n");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  const body = rest.join("\r\n\r\n");
  const boundary = /boundary="?([^";]+)"?/.exec(headers["content-type"] ?? "")?.[1];
  const parts: Record<string, string> = {};
  const chunks = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`];
  for (const chunk of chunks) {
    const [ph = "", ...pb] = chunk.replace(/^\r\n/, "").split("\r\n\r\n");
    const type = /content-type:\s*([^;\r\n]+)/i.exec(ph)?.[1]?.trim() ?? "text/plain";
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(ph)?.[1]?.toLowerCase();
    const content = pb.join("\r\n\r\n").replace(/\r\n$/, "");
    parts[type] = decodeBody(content, encoding);
  }
  return { headers, parts };
}

function decodeBody(content: string, encoding: string | undefined): string {
  if (encoding === "base64") return Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const soft = content.replace(/=\r\n/g, "");
    return Buffer.from(soft.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  }
  return content;
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=) in headers. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
    );
}
