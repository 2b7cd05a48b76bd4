// tests/lib/raw.mjs: one HTTP request written by hand over TCP, for what
// fetch() will not send (two Hosts, Content-Length with Transfer-Encoding,
// a request cut short).
//
//   const res = await raw(srv.port, 'GET / HTTP/1.1\r\nHost: ...\r\n\r\n');
//   res.status, res.head (the status line and headers as sent), res.headers
//   (lower-case names, each a list of values), res.body
//
// Resolves at the first whole response (by its Content-Length), when the
// server closes, or after 5 seconds.  With { end: true } the client closes
// its side once the request is written.
import net from 'node:net';

export function raw(port, data, { end = false } = {}) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    const got = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(t);
      s.destroy();
      const text = Buffer.concat(got).toString('latin1');
      const stop = text.indexOf('\r\n\r\n');
      const head = text.slice(0, Math.max(stop, 0));
      const headers = {};
      for (const l of head.split('\r\n').slice(1)) {
        const i = l.indexOf(':');
        const k = l.slice(0, i).toLowerCase();
        (headers[k] ||= []).push(l.slice(i + 1).trim());
      }
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 0, head, headers, body: text.slice(stop + 4) });
    };
    const t = setTimeout(finish, 5000);
    s.on('data', (d) => {
      got.push(d);
      const b = Buffer.concat(got);
      const stop = b.indexOf('\r\n\r\n');
      const cl = /content-length: *(\d+)/i.exec(b.toString('latin1', 0, Math.max(stop, 0)));
      if (stop >= 0 && cl && b.length - stop - 4 >= Number(cl[1])) finish();
    });
    s.on('error', finish);
    s.on('close', finish);
    s.on('connect', () => (end ? s.end(data) : s.write(data)));
  });
}
