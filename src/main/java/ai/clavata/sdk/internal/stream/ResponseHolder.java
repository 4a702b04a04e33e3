package ai.clavata.sdk.internal.stream;

import okhttp3.Call;
import okhttp3.Response;

/**
 * The stream's current call and response, shared between the session that reads them and the
 * release action that the stream's {@code close()} or its Cleaner runs. It must not refer to the
 * stream, or the Cleaner could never run.
 */
final class ResponseHolder implements Runnable {
  private volatile Call call;
  private volatile Response response;
  private volatile boolean released;
  private final StreamOutcome outcome;

  ResponseHolder(Call call, Response response, StreamOutcome outcome) {
    this.call = call;
    this.response = response;
    this.outcome = outcome;
  }

  /** What the stream delivered and how it ended. */
  StreamOutcome outcome() {
    return outcome;
  }

  Response response() {
    return response;
  }

  /** Swaps in a resubmission's call; releases it at once if the stream was released meanwhile. */
  void replace(Call nextCall, Response nextResponse) {
    call = nextCall;
    response = nextResponse;
    if (released) {
      run();
    }
  }

  /** Whether the caller closed the stream (or dropped it) before it ended. */
  boolean isReleased() {
    return released;
  }

  /** The release action: cancels the call, which unblocks a read in progress, and closes. */
  @Override
  public void run() {
    released = true;
    call.cancel();
    closeResponse();
    outcome.released();
  }

  /** Closes the response after the session is done with it; the connection returns to the pool. */
  void closeResponse() {
    try {
      response.close();
    } catch (RuntimeException ignored) {
      // Closing a response that failed mid-read may throw; there is nothing left to release.
    }
  }
}
