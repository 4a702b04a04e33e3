package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ClavataException;
import ai.clavata.sdk.errors.GrpcCode;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.internal.http.ErrorBodies;
import ai.clavata.sdk.internal.ndjson.NdjsonReader;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Reads one evaluation stream: line by line from the socket, each line parsed into a result as soon
 * as it is complete. Tracks which inputs were answered, and resubmits unanswered inputs when asked
 * to.
 *
 * <p>Whatever ends the stream early (an error line, a broken connection, a line that cannot be
 * read, a result that answers no input or one already answered, an end with inputs unanswered) is a
 * {@link StreamInterruptedException}: the results delivered so far stay delivered, and the
 * exception says how many there were and which inputs got none.
 */
final class StreamSession implements Iterator<EvaluationResult> {
  private final RealStreamClient client;
  private final EvaluateRequest request;
  private final int inputCount;
  private final BitSet answered;
  private final ResponseHolder holder;
  private final long startedNanos;
  private NdjsonReader<StreamWire.Line> lines;

  private long delivered;
  private int resubmissions;
  private EvaluationResult next;
  private boolean finished;

  StreamSession(
      RealStreamClient client, EvaluateRequest request, ResponseHolder holder, long startedNanos) {
    this.client = client;
    this.request = request;
    this.inputCount = request.contentData().size();
    this.answered = new BitSet(inputCount);
    this.holder = holder;
    this.startedNanos = startedNanos;
    this.lines = client.reader(holder.response());
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (finished) {
      return false;
    }
    next = readNext();
    return next != null;
  }

  @Override
  public EvaluationResult next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream has no more results");
    }
    EvaluationResult result = next;
    next = null;
    holder.outcome().delivered(++delivered);
    return result;
  }

  private EvaluationResult readNext() {
    while (true) {
      NdjsonReader.Value<StreamWire.Line> line = readLine();
      if (line == null) {
        finish();
        checkEveryInputAnswered();
        holder.outcome().completed();
        return null;
      }
      StreamWire.Line parsed = line.value();
      if (parsed != null && parsed.error() != null && !parsed.error().isNull()) {
        ClavataApiException error =
            ErrorBodies.fromStatus(parsed.error(), holder.response().headers(), client.redactor());
        if (mayResubmit(error)) {
          resubmit();
          continue;
        }
        throw fail(error);
      }
      if (parsed == null || parsed.result() == null) { // e.g. a line holding {} or null
        throw fail(decodeError("it has neither \"result\" nor \"error\"", line.line()));
      }
      return toResult(parsed.result(), line.line());
    }
  }

  private NdjsonReader.Value<StreamWire.Line> readLine() {
    try {
      return lines.next();
    } catch (NdjsonReader.MalformedLineException e) {
      String remedy =
          e.tooLong() ? "; raise maxStreamLineSize(...) if results this large are expected" : "";
      String what = "the result stream: " + e.getMessage() + remedy;
      throw fail(client.redactor().decodeError(what, e.line(), e.excerpt(), e.getCause()));
    } catch (IOException e) {
      if (holder.isReleased()) {
        finish();
        throw new IllegalStateException("the stream was closed before it ended", e);
      }
      throw fail(client.ioError("reading the result stream", e, request));
    }
  }

  private EvaluationResult toResult(StreamWire.EvaluateResponse response, long line) {
    PolicyEvaluationReport report = response.policyEvaluationReport();
    if (report == null) {
      throw fail(decodeError("its result carries no policyEvaluationReport", line));
    }
    if (!request.correlateInputs()) {
      return new EvaluationResult(-1, null, response.jobUuid(), response.contentHash(), report);
    }
    int index = StreamWire.inputIndex(report, inputCount);
    if (index < 0) {
      throw fail(
          decodeError(
              "its report's contentMetadata has no valid \""
                  + EvaluateRequest.INPUT_INDEX_KEY
                  + "\", so it answers none of the "
                  + inputCount
                  + " input(s)",
              line));
    }
    if (answered.get(index)) {
      throw fail(decodeError("it answers input " + index + ", which was already answered", line));
    }
    answered.set(index);
    return new EvaluationResult(
        index,
        request.contentData().get(index),
        response.jobUuid(),
        response.contentHash(),
        StreamWire.withoutTag(report));
  }

  /** At a clean end of the body: every input must have its result. */
  private void checkEveryInputAnswered() {
    // Every result read before the end was handed out (a line is read only once the last was).
    long answeredCount = request.correlateInputs() ? answered.cardinality() : delivered;
    long missing = inputCount - answeredCount;
    if (missing > 0) {
      throw fail(
          client
              .redactor()
              .decodeError(
                  "the result stream: it ended without an error but left "
                      + missing
                      + " of "
                      + inputCount
                      + " input(s) unanswered",
                  0,
                  "",
                  null));
    }
  }

  private boolean mayResubmit(ClavataApiException error) {
    GrpcCode code = error.grpcCode().orElse(null);
    return request.resubmitUnanswered()
        && isBusy(code)
        && resubmissions < client.maxResubmissions()
        && !unanswered().isEmpty();
  }

  private void resubmit() {
    holder.closeResponse();
    Call call;
    Response response;
    try {
      client.backoff(resubmissions++);
      holder.outcome().resubmitted(resubmissions);
      call = client.newCall(request, unanswered(), startedNanos);
      response = client.execute(call, request);
    } catch (ClavataException e) {
      // Results were already delivered: report the failure with what is still unanswered.
      throw fail(e);
    }
    holder.replace(call, response);
    lines = client.reader(response);
  }

  /** Whether a gRPC code says the server is busy (rate limit, unavailable): worth a later try. */
  static boolean isBusy(GrpcCode code) {
    return code == GrpcCode.RESOURCE_EXHAUSTED || code == GrpcCode.UNAVAILABLE;
  }

  private List<Integer> unanswered() {
    List<Integer> missing = new ArrayList<>(inputCount - answered.cardinality());
    for (int i = answered.nextClearBit(0); i < inputCount; i = answered.nextClearBit(i + 1)) {
      missing.add(i);
    }
    return missing;
  }

  /** Ends the stream and wraps what ended it, with the count delivered and the inputs left. */
  private StreamInterruptedException fail(ClavataException cause) {
    finish();
    List<Integer> unanswered = request.correlateInputs() ? unanswered() : List.of();
    StreamInterruptedException interrupted =
        new StreamInterruptedException(cause, List.of(), delivered, unanswered);
    holder.outcome().interrupted(interrupted);
    return interrupted;
  }

  private ClavataException decodeError(String problem, long line) {
    return client
        .redactor()
        .decodeError("the result stream: " + problem, line, lines.lastValueExcerpt(), null);
  }

  private void finish() {
    finished = true;
    holder.closeResponse();
  }
}
