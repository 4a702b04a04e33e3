package ai.clavata.sdk.internal.labels;

import ai.clavata.sdk.errors.ApiError;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.GrpcCode;
import ai.clavata.sdk.errors.PermissionDeniedException;

/**
 * The hint for an account that may not call the labels endpoint. The OpenAPI document says only "A
 * label-first account is required to use this endpoint", not how the gateway refuses others; the
 * gRPC codes for "not allowed for this account" are {@code PERMISSION_DENIED} (HTTP 403) and {@code
 * FAILED_PRECONDITION} (HTTP 400), so both get the hint. The exception rethrown is of the same
 * type, with the same status, code, details, request id and headers, and the hint appended to its
 * message; its cause is the original, whose message is the server's alone.
 */
final class LabelFirst {
  static final String HINT =
      "label evaluation needs a label-first Clavata account: if this API key's account is not"
          + " one, ask Clavata to enable labels for it, or evaluate against a policy with"
          + " client.jobs() or client.stream()";

  private LabelFirst() {}

  /** {@code e} with the hint when it may be the refusal of a non-label-first account, else e. */
  static ClavataApiException explain(ClavataApiException e) {
    ClavataApiException explained;
    if (e.getClass() == PermissionDeniedException.class) {
      explained = new PermissionDeniedException(withHint(e.error()));
    } else if (e.getClass() == BadRequestException.class
        && e.grpcCode().orElse(null) == GrpcCode.FAILED_PRECONDITION) {
      explained = new BadRequestException(withHint(e.error()));
    } else {
      return e;
    }
    explained.initCause(e);
    for (Throwable earlier : e.getSuppressed()) {
      explained.addSuppressed(earlier);
    }
    return explained;
  }

  private static ApiError withHint(ApiError error) {
    String message = error.message().isEmpty() ? HINT : error.message() + "; " + HINT;
    return new ApiError(
        error.httpStatus(),
        error.grpcCode(),
        message,
        error.details(),
        error.requestId(),
        error.headers());
  }
}
