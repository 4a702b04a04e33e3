package ai.clavata.sdk.stream.internal;

import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataException;
import ai.clavata.sdk.errors.GrpcCode;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.internal.http.ErrorBodies;
import ai.clavata.sdk.internal.http.IoErrors;
import ai.clavata.sdk.internal.json.Json;
import ai.clavata.sdk.internal.ndjson.NdjsonReader;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Reads one evaluation stream: line by line from the socket, each line parsed into a result as
 * soon as it is complete. Tracks which inputs were answered, turns an error line into a
 * {@link StreamInterruptedException}, and resubmits unanswered inputs when asked to.
 */
final class StreamSession implements Iterator<EvaluationResult> {
  private static final ObjectReader LINE_READER = Json.MAPPER.readerFor(StreamWire.Line.class);

  private final RealStreamClient client;
  private final EvaluateRequest request;
  private final int inputCount;
  private final BitSet answered;
  private final ResponseHolder holder;
  private NdjsonReader<StreamWire.Line> lines;
  private long delivered;
  private int resubmissions;
  private EvaluationResult next;
  private boolean finished;

  StreamSession(RealStreamClient client, EvaluateRequest request, ResponseHolder holder) {
    this.client = client;
    this.request = request;
    this.inputCount = request.contentData().size();
    this.answered = new BitSet(inputCount);
    this.holder = holder;
    this.lines = reader(holder.response());
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
    delivered++;
    return result;
  }

  private EvaluationResult readNext() {
    while (true) {
      NdjsonReader.Value<StreamWire.Line> line = readLine();
      if (line == null) {
        finish();
        List<Integer> unanswered = unanswered();
        if (request.correlateInputs() && !unanswered.isEmpty()) {
          throw interrupted(
              new ClavataDecodeException(
                  "the result stream: it ended without an error but left "
                      + unanswered.size() + " input(s) unanswered",
                  0,
                  "",
                  null));
        }
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
        finish();
        throw interrupted(error);
      }
      if (parsed == null || parsed.result() == null) { // e.g. a line holding {} or null
        finish();
        throw decodeError(
            "it has neither \"result\" nor \"error\"", line.line(), lines.lastValueExcerpt(), null);
      }
      return toResult(parsed.result());
    }
  }

  private NdjsonReader.Value<StreamWire.Line> readLine() {
    try {
      return lines.next();
    } catch (NdjsonReader.MalformedLineException e) {
      finish();
      throw decodeError(e.getMessage(), e.line(), e.excerpt(), e.getCause());
    } catch (IOException e) {
      finish();
      if (holder.isReleased()) {
        throw new IllegalStateException("the stream was closed before it ended", e);
      }
      throw interrupted(IoErrors.toException("reading the result stream", e));
    }
  }

  private EvaluationResult toResult(StreamWire.EvaluateResponse response) {
    PolicyEvaluationReport report = response.policyEvaluationReport();
    int index = request.correlateInputs() ? StreamWire.inputIndex(report, inputCount) : -1;
    if (index >= 0) {
      answered.set(index);
    }
    return new EvaluationResult(
        index,
        index >= 0 ? request.contentData().get(index) : null,
        response.jobUuid(),
        response.contentHash(),
        request.correlateInputs() ? StreamWire.withoutTag(report) : report);
  }

  private boolean mayResubmit(ClavataApiException error) {
    GrpcCode code = error.grpcCode().orElse(null);
    boolean transientError = code == GrpcCode.RESOURCE_EXHAUSTED || code == GrpcCode.UNAVAILABLE;
    return request.resubmitUnanswered()
        && transientError
        && resubmissions < client.maxResubmissions()
        && !unanswered().isEmpty();
  }

  private void resubmit() {
    holder.closeResponse();
    Call call;
    Response response;
    try {
      client.backoff(resubmissions++);
      call = client.newCall(request, unanswered());
      response = client.execute(call);
    } catch (ClavataException e) {
      // Results were already delivered: report the failure with what is still unanswered.
      finish();
      throw interrupted(e);
    }
    holder.replace(call, response);
    lines = reader(response);
  }

  private List<Integer> unanswered() {
    List<Integer> missing = new ArrayList<>(inputCount - answered.cardinality());
    for (int i = answered.nextClearBit(0); i < inputCount; i = answered.nextClearBit(i + 1)) {
      missing.add(i);
    }
    return missing;
  }

  private StreamInterruptedException interrupted(ClavataException cause) {
    List<Integer> unanswered = request.correlateInputs() ? unanswered() : List.of();
    return new StreamInterruptedException(cause, List.of(), delivered, unanswered);
  }

  private ClavataDecodeException decodeError(
      String problem, long line, String excerpt, Throwable cause) {
    return new ClavataDecodeException(
        "the result stream: " + problem, line, client.redactor().redact(excerpt), cause);
  }

  private static NdjsonReader<StreamWire.Line> reader(Response response) {
    return new NdjsonReader<>(response.body().source(), LINE_READER);
  }

  private void finish() {
    finished = true;
    holder.closeResponse();
  }
}
