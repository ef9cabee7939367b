/** An error the emulator answers with, in the real services' body shape: {"code": …, "message": …}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = () =>
  new ApiError(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');

export const notAuthenticated = (why: string) =>
  new ApiError(
    401,
    'NotAuthenticated',
    `The required information to complete authentication was not provided or was incorrect. (${why})`,
  );

export const invalidParameter = (message: string) => new ApiError(400, 'InvalidParameter', message);
