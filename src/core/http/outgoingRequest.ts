/** A request as it goes on the wire: the body as bytes, so that Content-Length and signatures are theirs. */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}
