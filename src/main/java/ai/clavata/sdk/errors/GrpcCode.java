package ai.clavata.sdk.errors;

import java.util.Optional;

/**
 * The canonical gRPC status codes that the API's error bodies carry in their {@code code} field.
 */
public enum GrpcCode {
  /** 0: not an error. */
  OK,
  /** 1: the request was cancelled; this API uses it for precheck refusals (HTTP 499). */
  CANCELLED,
  /** 2: an unknown server error (HTTP 500). */
  UNKNOWN,
  /** 3: the request was malformed (HTTP 400). */
  INVALID_ARGUMENT,
  /** 4: the server's deadline passed (HTTP 504). */
  DEADLINE_EXCEEDED,
  /** 5: no such resource (HTTP 404). */
  NOT_FOUND,
  /** 6: the resource exists already (HTTP 409). */
  ALREADY_EXISTS,
  /** 7: the key may not do this (HTTP 403). */
  PERMISSION_DENIED,
  /** 8: a rate limit or quota was hit (HTTP 429). */
  RESOURCE_EXHAUSTED,
  /** 9: the system is not in a state for this request (HTTP 400). */
  FAILED_PRECONDITION,
  /** 10: a concurrency conflict (HTTP 409). */
  ABORTED,
  /** 11: a value out of range (HTTP 400). */
  OUT_OF_RANGE,
  /** 12: not implemented, or the wrong HTTP verb (HTTP 501). */
  UNIMPLEMENTED,
  /** 13: an internal server error (HTTP 500). */
  INTERNAL,
  /** 14: the service is unavailable for now (HTTP 503). */
  UNAVAILABLE,
  /** 15: unrecoverable data loss (HTTP 500). */
  DATA_LOSS,
  /** 16: the API key is missing or invalid (HTTP 401). */
  UNAUTHENTICATED;

  private static final GrpcCode[] BY_NUMBER = values();

  /**
   * The code with a given number.
   *
   * @param number the numeric gRPC code
   * @return the code, or empty for a number outside 0 to 16
   */
  public static Optional<GrpcCode> forNumber(int number) {
    return number >= 0 && number < BY_NUMBER.length
        ? Optional.of(BY_NUMBER[number])
        : Optional.empty();
  }

  /**
   * The HTTP status the API's gateway answers with for this code.
   *
   * @return such as 429 for {@link #RESOURCE_EXHAUSTED} and 499 for {@link #CANCELLED}
   */
  public int httpStatus() {
    switch (this) {
      case OK:
        return 200;
      case CANCELLED:
        return 499;
      case INVALID_ARGUMENT:
      case FAILED_PRECONDITION:
      case OUT_OF_RANGE:
        return 400;
      case DEADLINE_EXCEEDED:
        return 504;
      case NOT_FOUND:
        return 404;
      case ALREADY_EXISTS:
      case ABORTED:
        return 409;
      case PERMISSION_DENIED:
        return 403;
      case RESOURCE_EXHAUSTED:
        return 429;
      case UNIMPLEMENTED:
        return 501;
      case UNAVAILABLE:
        return 503;
      case UNAUTHENTICATED:
        return 401;
      default:
        return 500;
    }
  }

  /**
   * The numeric value of this code.
   *
   * @return 0 to 16
   */
  public int number() {
    return ordinal();
  }
}
