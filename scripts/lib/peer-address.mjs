// Preloaded into the Next.js server by `npm start` (node --import): hands the socket's address to
// the app in a header the client cannot set (any value it sent is overwritten). The app reads it in
// lib/security/client-address.ts, and believes X-Forwarded-For only as far as TRUST_PROXY says.
import http from "node:http";

const HEADER = "x-pe-peer-address";
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, req, ...rest) {
  if (event === "request" && req && req.headers) {
    req.headers[HEADER] = (req.socket && req.socket.remoteAddress) || "";
  }
  return emit.call(this, event, req, ...rest);
};
