package ai.clavata.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's wire behaviour seen from plain HTTP, and its safety under concurrent use. */
class FakeServerProtocolTest {
  private final OkHttpClient http = new OkHttpClient();
  private FakeClavataServer server;
  private ClavataClient client;

  @BeforeEach
  void setUp() {
    server = FakeClavataServer.start();
    server.policy("p", FakePolicy.keywords("Threats", "kill"));
    client = ClavataClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  private Response send(Request request) throws IOException {
    return http.newCall(request).execute();
  }

  @Test
  void aMissingKeyGetsA401WithAStatusBody() throws IOException {
    try (Response response =
        send(new Request.Builder().url(server.baseUrl() + "/v1/jobs").build())) {
      assertThat(response.code()).isEqualTo(401);
      JsonNode body = Json.MAPPER.readTree(response.body().string());
      assertThat(body.path("code").asInt()).isEqualTo(16);
      assertThat(body.path("message").asText()).isNotEmpty();
    }
  }

  @Test
  void jobResponsesHaveTheGatewaysShape() throws IOException {
    Request request =
        new Request.Builder()
            .url(server.baseUrl() + "/v1/jobs")
            .header("Authorization", "Bearer " + server.apiKey())
            .post(
                RequestBody.create(
                    "{\"policyId\":\"p\",\"contentData\":[{\"text\":\"kill\"}],\"waitForCompletion\":true}",
                    MediaType.get("application/json")))
            .build();
    try (Response response = send(request)) {
      JsonNode job = Json.MAPPER.readTree(response.body().string()).path("job");
      assertThat(job.path("status").asText()).isEqualTo("JOB_STATUS_COMPLETED");
      assertThat(job.path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(job.has("metadata")).as("unpopulated fields are present").isTrue();
      JsonNode report = job.path("results").get(0).path("report");
      assertThat(report.path("exceptionEvaluationReport").isNull()).isTrue();
      assertThat(report.path("featureReports").isObject()).isTrue();
      assertThat(report.path("reviewResult").path("outcome").asText()).isEqualTo("OUTCOME_TRUE");
    }
  }

  @Test
  void storageRefusesAnAuthorizationHeaderAndChunkedUploads() throws IOException {
    BatchJobCreated created = client.batch().create("b", "p");
    RequestBody csv =
        RequestBody.create("ref_id,type,content\r\n1,text,hi\r\n", MediaType.get("text/csv"));
    Request withKey =
        new Request.Builder()
            .url(created.inputFileUploadUrl())
            .header("Authorization", "Bearer " + server.apiKey())
            .put(csv)
            .build();
    try (Response response = send(withKey)) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string()).contains("Only one auth mechanism allowed");
    }
    RequestBody chunked =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("text/csv");
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("ref_id,type,content\r\n1,text,hi\r\n");
          }
        };
    try (Response response =
        send(new Request.Builder().url(created.inputFileUploadUrl()).put(chunked).build())) {
      assertThat(response.code()).isEqualTo(411);
    }
    Request badSignature =
        new Request.Builder()
            .url(created.inputFileUploadUrl().replaceAll("Signature=.*", "Signature=forged"))
            .put(csv)
            .build();
    try (Response response = send(badSignature)) {
      assertThat(response.code()).isEqualTo(403);
    }
  }

  @Test
  void servesConcurrentClientsWithoutMixingTheirWork() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int worker = t;
        tasks.add(
            () -> {
              for (int i = 0; i < 10; i++) {
                String text = (i % 2 == 0 ? "kill " : "hello ") + worker + "-" + i;
                boolean flagged =
                    client
                        .jobs()
                        .create(
                            CreateJobRequest.builder()
                                .policyId("p")
                                .addContent(ContentData.text(text))
                                .waitForCompletion(true)
                                .build())
                        .reports()
                        .get(0)
                        .matchedLabels()
                        .containsKey("Threats");
                if (flagged != (i % 2 == 0)) {
                  return false;
                }
                try (EvaluationStream results =
                    client.stream()
                        .evaluate(
                            EvaluateRequest.builder()
                                .policyId("p")
                                .addContent(ContentData.text(text))
                                .addContent(ContentData.text("x"))
                                .build())) {
                  List<EvaluationResult> all = results.toList();
                  if (all.size() != 2 || !all.get(1).input().text().equals(text)) {
                    return false;
                  }
                }
              }
              return true;
            });
      }
      for (Future<Boolean> done : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        assertThat(done.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests()).hasSize(8 * 10 * 2);
  }
}
