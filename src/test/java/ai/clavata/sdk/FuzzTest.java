package ai.clavata.sdk;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.clavata.sdk.batch.CreateBatchJobRequest;
import ai.clavata.sdk.batch.ListBatchJobsRequest;
import ai.clavata.sdk.errors.ClavataException;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of everything the SDK parses from the API: job, listing and batch JSON, error
 * bodies, and result streams. Whatever the bytes, only a {@link ClavataException} may escape, and
 * its message never shows the API key. Each run is the same: a fixed corpus of the cases that once
 * broke the SDK, then random mutations of valid bodies. Bodies are served by an interceptor in
 * place of the network, so thousands of cases take about a second.
 */
class FuzzTest {
  private static final long SEED = 20_261_202L;
  private static final int CASES = 8_000;

  private static final String REPORT =
      "{\"policyId\":\"p\",\"policyKey\":\"k\",\"result\":\"OUTCOME_TRUE\",\"threshold\":0.5,"
          + "\"contentMetadata\":{\""
          + EvaluateRequest.INPUT_INDEX_KEY
          + "\":\"0\",\"mine\":\"x\"},"
          + "\"sectionEvaluationReports\":[{\"name\":\"Threats\",\"result\":\"OUTCOME_TRUE\",\"score\":0.9,"
          + "\"assertionEvaluationReports\":[{\"message\":\"m\",\"result\":\"OUTCOME_TRUE\"}]}],"
          + "\"reviewResult\":{\"outcome\":\"OUTCOME_TRUE\",\"score\":\"0.9\"},\"labelMatches\":{\"Threats\":0.9},"
          + "\"tokenUsage\":{\"inputTokens\":3,\"outputTokens\":\"4\"}}";
  private static final String JOB =
      "{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_COMPLETED\",\"created\":\"2026-01-02T03:04:05.123Z\","
          + "\"contentData\":[{\"contentHash\":\"md5::1\",\"metadata\":{\"a\":\"b\"}}],"
          + "\"results\":[{\"uuid\":\"r\",\"jobUuid\":\"j1\",\"report\":"
          + REPORT
          + "}],\"threshold\":\"0.5\"}";
  private static final String BATCH_JOB =
      "{\"batchJobId\":\"b1\",\"name\":\"n\",\"state\":\"BATCH_JOB_STATE_COMPLETED\","
          + "\"createdAt\":\"2026-01-02T03:04:05Z\",\"outputFileUrl\":\"https://s.example.com/o.csv?sig=1\"}";
  private static final String STATUS =
      "{\"code\":1,\"message\":\"refused\",\"details\":[{\"@type\":"
          + "\"type.googleapis.com/clavata.gateway.v1.PrecheckFailure\",\"type\":\"PRECHECK_FAILURE_TYPE_NCMEC\","
          + "\"message\":\"m\",\"details\":\"md5::x\",\"matchConfidence\":\"PRECHECK_MATCH_CONFIDENCE_EXACT\"}]}";
  private static final String STREAM =
      "{\"result\":{\"jobUuid\":\"j\",\"contentHash\":\"h\",\"policyEvaluationReport\":"
          + REPORT
          + "}}\n"
          + "{\"result\":{\"jobUuid\":\"j\",\"contentHash\":\"h\",\"policyEvaluationReport\":"
          + REPORT.replace("\"0\",\"mine\"", "\"1\",\"mine\"")
          + "}}\n"
          + "{\"error\":"
          + STATUS
          + "}\n";

  /** Bodies that broke the SDK once, each served as a 200 and as an error. */
  private static final List<String> CORPUS =
      List.of(
          "{\"jobs\":[null]}",
          "{\"batchJobs\":[null]}",
          "{\"job\":null}",
          "{\"job\":{\"results\":[null],\"contentData\":[null]}}",
          "{\"job\":{\"threshold\":\"Bearer " + TestClients.API_KEY + "\"}}",
          "{\"result\":{}}\n{\"result\":{\"policyEvaluationReport\":null}}\n",
          "{\"result\":{\"policyEvaluationReport\":{\"contentMetadata\":{\""
              + EvaluateRequest.INPUT_INDEX_KEY
              + "\":\"-5\"}}}}\n",
          "{\"error\":\"just text\"}\n",
          "{\"error\":{\"code\":\"RESOURCE_EXHAUSTED\",\"details\":[null,1,\"x\",[]]}}\n",
          "[".repeat(5_000) + "]".repeat(5_000),
          "{\"code\":1e999,\"message\":[],\"details\":{}}",
          "",
          "null",
          "\uFEFF{\"job\":{\"jobUuid\":\"j\"}}",
          "{\"batchJobId\":\"b\",\"inputFileUploadUrl\":\"ftp://x/y\",\"error\":{\"errorCode\":\"X\"}}");

  private final Canned canned = new Canned();
  private final ClavataClient client =
      ClavataClient.builder()
          .apiKey(TestClients.API_KEY)
          .baseUrl("http://127.0.0.1:1")
          .maxRetries(0)
          .timing(new FakeTiming())
          .addInterceptor(canned)
          .build();

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** Answers every request with the next canned status, headers and body, without a network. */
  private static final class Canned implements Interceptor {
    private volatile int code = 200;
    private volatile Headers headers = Headers.of();
    private volatile byte[] body = new byte[0];

    void set(int code, Headers headers, byte[] body) {
      this.code = code;
      this.headers = headers;
      this.body = body;
    }

    @Override
    public Response intercept(Chain chain) {
      return new Response.Builder()
          .request(chain.request())
          .protocol(Protocol.HTTP_1_1)
          .code(code)
          .message("fuzz")
          .headers(headers)
          .body(ResponseBody.create(body, MediaType.get("application/json")))
          .build();
    }
  }

  private static final EvaluateRequest TWO_ITEMS =
      EvaluateRequest.builder()
          .policyId("p")
          .addContent(ContentData.text("a"))
          .addContent(ContentData.text("b"))
          .build();

  /** Every call that parses a response, reading what it returns as a caller would. */
  private final List<Consumer<ClavataClient>> calls =
      List.of(
          c -> touch(c.jobs().get("j1")),
          c -> touch(c.jobs().create(createJob())),
          c -> c.jobs().list(ListJobsRequest.builder().build()).items().forEach(FuzzTest::touch),
          c -> c.batch().list(ListBatchJobsRequest.builder().build()).forEach(j -> j.isTerminal()),
          c -> c.batch().get("b1").toString(),
          c -> c.batch().create(CreateBatchJobRequest.of("n", "p")).toString(),
          c -> c.batch().cancel("b1"),
          c -> {
            try (EvaluationStream stream = c.stream().evaluate(TWO_ITEMS)) {
              stream.toList().forEach(r -> touch(r.report()));
            }
          },
          c -> touch(c.stream().evaluateOne("p", ContentData.text("x"))));

  private static void touch(Job job) {
    job.toString();
    job.reports().forEach(FuzzTest::touch);
  }

  private static void touch(PolicyEvaluationReport report) {
    report.toString();
    report.outcome();
    report.score();
    report.matchedLabels();
    report.actions();
  }

  private void expectOnlyClavataExceptions(int code, Headers headers, byte[] body, int call) {
    canned.set(code, headers, body);
    try {
      calls.get(call).accept(client);
    } catch (ClavataException expected) {
      assertThat(expected.getMessage()).doesNotContain(TestClients.API_KEY);
    } catch (RuntimeException | StackOverflowError unexpected) {
      fail(
          "call "
              + call
              + " on HTTP "
              + code
              + " "
              + headers.toMultimap()
              + " with body <"
              + new String(body, StandardCharsets.UTF_8)
              + "> threw "
              + unexpected,
          unexpected);
    }
  }

  @Test
  void theCorpusYieldsOnlyClavataExceptions() {
    for (String body : CORPUS) {
      for (int call = 0; call < calls.size(); call++) {
        for (int code : new int[] {200, 400, 429, 499, 503}) {
          expectOnlyClavataExceptions(
              code, Headers.of(), body.getBytes(StandardCharsets.UTF_8), call);
        }
      }
    }
  }

  @Test
  void retryAfterHeadersOfAnyShapeYieldOnlyClavataExceptions() {
    List<String> values =
        List.of("99999999999", "-1", "1e400", "NaN", "soon", "", "Wed, 21 Oct 2015 07:28:00 GMT");
    for (String value : values) {
      for (int code : new int[] {408, 429, 503}) {
        Headers headers = Headers.of("Retry-After", value, "Retry-After-Ms", value);
        expectOnlyClavataExceptions(code, headers, STATUS.getBytes(StandardCharsets.UTF_8), 0);
        expectOnlyClavataExceptions(code, headers, STATUS.getBytes(StandardCharsets.UTF_8), 7);
      }
    }
  }

  @Test
  void mutatedBodiesYieldOnlyClavataExceptions() {
    Mutator mutator = new Mutator(SEED);
    List<String> unary =
        List.of(
            "{\"job\":" + JOB + "}",
            "{\"jobs\":[" + JOB + "," + JOB + "],\"nextPageToken\":\"t\"}",
            "{\"batchJobs\":[" + BATCH_JOB + "]}",
            "{\"batchJobId\":\"b1\",\"name\":\"n\",\"inputFileUploadUrl\":\"https://s.example.com/i?sig=1\"}",
            "{\"batchJobId\":\"b1\",\"state\":\"BATCH_JOB_STATE_CANCELLED\"}");
    int[] unaryCalls = {0, 1, 2, 3, 4, 5, 6};
    for (int i = 0; i < CASES; i++) {
      int kind = mutator.random().nextInt(3);
      if (kind == 0) {
        int call = unaryCalls[mutator.random().nextInt(unaryCalls.length)];
        String seed = unary.get(call <= 1 ? 0 : call == 2 ? 1 : call <= 4 ? 2 : call == 5 ? 3 : 4);
        expectOnlyClavataExceptions(200, Headers.of(), mutator.mutate(seed), call);
      } else if (kind == 1) {
        int code = 400 + mutator.random().nextInt(200);
        expectOnlyClavataExceptions(
            code, Headers.of(), mutator.mutate(STATUS), mutator.random().nextInt(calls.size()));
      } else {
        expectOnlyClavataExceptions(
            200, Headers.of(), mutator.mutate(STREAM), 7 + mutator.random().nextInt(2));
      }
    }
  }
}
