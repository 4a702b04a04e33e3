package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Turns an I/O failure into a {@link ClavataIoException} whose message says what to change. The
 * failure's text may quote the network (a malformed status line, say), so it is redacted.
 */
public final class IoErrors {
  /** What bounds a whole unary call, for its timeout message. */
  public static final String CALL_TIMEOUT =
      "the call timeout, retries included; raise timeout(...)";

  private IoErrors() {}

  /**
   * The exception for a failed unary call.
   *
   * @param what the call, such as {@code "GET /v1/jobs/abc"}
   * @param failure what OkHttp threw
   * @param redactor masks the API key in the failure's text
   */
  public static ClavataIoException toException(
      String what, IOException failure, Redactor redactor) {
    return toException(what, failure, redactor, CALL_TIMEOUT);
  }

  /**
   * The exception for a failed call whose overall deadline is described by {@code deadline}.
   *
   * @param what the call, such as {@code "reading the result stream"}
   * @param failure what OkHttp threw
   * @param redactor masks the API key in the failure's text
   * @param deadline what bounds the whole call and how to raise it, such as {@link #CALL_TIMEOUT}
   */
  public static ClavataIoException toException(
      String what, IOException failure, Redactor redactor, String deadline) {
    IOException cause = redactor.scrub(failure);
    String reason =
        failure.getMessage() == null
            ? failure.getClass().getSimpleName()
            : redactor.redact(failure.getMessage());
    if (failure instanceof ExchangeFailures.WriteTimeout) {
      return new ClavataTimeoutException(
          what + " timed out sending the request; raise writeTimeout(...) or check the network",
          cause);
    }
    if (failure instanceof SocketTimeoutException) {
      boolean connecting = reason.toLowerCase(Locale.ROOT).contains("connect");
      return new ClavataTimeoutException(
          what
              + (connecting
                  ? " timed out while connecting; raise connectTimeout(...) or check the network"
                  : " timed out waiting for data; raise readTimeout(...) if responses are slow")
              + " ("
              + reason
              + ")",
          cause);
    }
    if (failure instanceof InterruptedIOException && "timeout".equals(reason)) {
      return new ClavataTimeoutException(what + " did not finish within " + deadline, cause);
    }
    if (failure instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
      return new ClavataIoException(what + " was interrupted or canceled (" + reason + ")", cause);
    }
    return new ClavataIoException(what + " failed: " + reason, cause);
  }
}
