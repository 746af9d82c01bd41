// Test support: runs a short broker call again when another test closed every connection under it.

/** `call()`, tried up to `attempts` times while it fails because the broker closed the connection. */
export async function retryOnClose<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const closed = /connection closed|channel closed|CONNECTION_FORCED|ECONNRESET/i.test(String(err));
      if (!closed || attempt >= attempts) throw err;
    }
  }
}
