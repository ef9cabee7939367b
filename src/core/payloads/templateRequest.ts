import { OutgoingRequest } from '../http/outgoingRequest';
import { RequestAuth } from '../http/requestAuth';

/** A request exactly as a platform sends it: the body as the bytes on the wire (Content-Length is their count). */
export interface TemplateRequest extends OutgoingRequest {
  readonly body: Buffer;
  /** What the sender should know about this request, such as a message its robot would lose. */
  readonly warnings: readonly string[];
  /** Credentials still to be turned into an Authorization header when the request is sent. */
  readonly auth?: RequestAuth;
}
