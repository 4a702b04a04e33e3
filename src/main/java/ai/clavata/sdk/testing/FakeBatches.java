package ai.clavata.sdk.testing;

import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.model.BatchJobState;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The fake's batch jobs and their storage. A job waits in INITIALIZED for its upload; after it,
 * each poll that lists the job moves it one state along the progression (QUEUED, PREPROCESSING,
 * SUBMITTED, POSTPROCESSING, COMPLETED by default); an input that is not valid CSV ends in ERROR.
 * The presigned URLs live on the fake's own host under {@code /_storage/} and, like S3, refuse
 * requests that carry an {@code Authorization} header and uploads without a Content-Length.
 */
final class FakeBatches {
  static final String STORAGE = "/_storage/";
  private static final CsvMapper CSV = new CsvMapper();

  /** One batch job. */
  private static final class Batch {
    final String id;
    final String name;
    final FakeClavataServer.Policy policy;
    final Instant created = Instant.now();
    final String uploadSignature = UUID.randomUUID().toString();
    final Set<String> outputSignatures = new java.util.HashSet<>();
    Instant updated = created;
    BatchJobState state = BatchJobState.INITIALIZED;
    int step = -1;
    List<String[]> rows;
    boolean invalidInput;

    Batch(String id, String name, FakeClavataServer.Policy policy) {
      this.id = id;
      this.name = name;
      this.policy = policy;
    }
  }

  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private final String baseUrl;
  private volatile List<BatchJobState> progression =
      List.of(
          BatchJobState.QUEUED,
          BatchJobState.PREPROCESSING,
          BatchJobState.SUBMITTED,
          BatchJobState.POSTPROCESSING,
          BatchJobState.COMPLETED);

  FakeBatches(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  void progression(List<BatchJobState> states) {
    if (states.isEmpty() || !states.get(states.size() - 1).isTerminal()) {
      throw new IllegalArgumentException("a batch progression must end in a terminal state");
    }
    progression = List.copyOf(states);
  }

  synchronized ObjectNode create(FakeClavataServer.Policy policy, String name) {
    Batch batch = new Batch(UUID.randomUUID().toString(), name, policy);
    batches.put(batch.id, batch);
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.put("batchJobId", batch.id);
    response.put("name", name);
    response.putNull("error");
    response.put(
        "inputFileUploadUrl",
        baseUrl + STORAGE + "upload/" + batch.id + "?X-Amz-Signature=" + batch.uploadSignature);
    return response;
  }

  /** The GetBatchJobsResponse; every listed job that is running moves one state on. */
  synchronized ObjectNode list(List<String> ids, List<String> states) {
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode array = response.putArray("batchJobs");
    for (Batch batch : batches.values()) {
      if (!ids.isEmpty() && !ids.contains(batch.id)) {
        continue;
      }
      advance(batch);
      if (!states.isEmpty() && !states.contains(batch.state.wireName())) {
        continue;
      }
      array.add(json(batch));
    }
    return response;
  }

  /**
   * The StartBatchJobResponse (empty), or {@code null} for an unknown id. A job starts by itself
   * after its upload, so starting changes nothing.
   */
  synchronized ObjectNode started(String id) {
    return batches.containsKey(id) ? Json.MAPPER.createObjectNode() : null;
  }

  /** The CancelBatchJobResponse, or {@code null} for an unknown id. */
  synchronized ObjectNode cancel(String id) {
    Batch batch = batches.get(id);
    if (batch == null) {
      return null;
    }
    if (!batch.state.isTerminal()) {
      batch.state = BatchJobState.CANCELLED;
      batch.updated = Instant.now();
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.put("batchJobId", id);
    response.put("state", batch.state.wireName());
    response.putNull("error");
    return response;
  }

  /** Answers a request to a presigned URL. */
  void storage(FakeExchange exchange) throws IOException {
    if (exchange.header("Authorization") != null) {
      sendS3Error(exchange, 400, "InvalidArgument", "Only one auth mechanism allowed");
      return;
    }
    String[] parts = exchange.path.substring(STORAGE.length()).split("/", 2);
    String signature = exchange.queryValue("X-Amz-Signature");
    if (parts.length == 2 && parts[0].equals("upload") && exchange.method.equals("PUT")) {
      upload(exchange, parts[1], signature);
    } else if (parts.length == 2 && parts[0].equals("output") && exchange.method.equals("GET")) {
      download(exchange, parts[1], signature);
    } else {
      sendS3Error(exchange, 403, "AccessDenied", "Access Denied");
    }
  }

  private void upload(FakeExchange exchange, String id, String signature) throws IOException {
    if (exchange.header("Content-Length") == null) {
      sendS3Error(
          exchange,
          411,
          "MissingContentLength",
          "You must provide the Content-Length HTTP header.");
      return;
    }
    synchronized (this) {
      Batch batch = batches.get(id);
      if (batch == null || !batch.uploadSignature.equals(signature)) {
        sendS3Error(exchange, 403, "SignatureDoesNotMatch", "The request signature does not match");
        return;
      }
      try {
        batch.rows = readInput(new String(exchange.body, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException invalid) {
        batch.rows = List.of();
        batch.invalidInput = true;
      }
      batch.updated = Instant.now();
    }
    exchange.send(200, "text/plain", new byte[0]);
  }

  private void download(FakeExchange exchange, String id, String signature) throws IOException {
    String csv;
    synchronized (this) {
      Batch batch = batches.get(id);
      if (batch == null || !batch.outputSignatures.contains(signature)) {
        sendS3Error(exchange, 403, "AccessDenied", "Request has expired");
        return;
      }
      csv = results(batch);
    }
    exchange.send(200, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private void advance(Batch batch) {
    if (batch.rows == null || batch.state.isTerminal()) {
      return;
    }
    batch.step = Math.min(batch.step + 1, progression.size() - 1);
    BatchJobState next = progression.get(batch.step);
    if (batch.invalidInput && next.ordinal() > BatchJobState.PREPROCESSING.ordinal()) {
      next = BatchJobState.ERROR;
    }
    batch.state = next;
    batch.updated = Instant.now();
  }

  private ObjectNode json(Batch batch) {
    ObjectNode job = Json.MAPPER.createObjectNode();
    job.put("batchJobId", batch.id);
    job.put("name", batch.name);
    job.put("state", batch.state.wireName());
    job.put("createdAt", batch.created.toString());
    job.put("updatedAt", batch.updated.toString());
    job.put("policyId", batch.policy.id());
    job.put("policyVersionId", batch.policy.versionId());
    String url = "";
    if (batch.state == BatchJobState.COMPLETED) {
      String signature = UUID.randomUUID().toString(); // each read gets a fresh URL
      batch.outputSignatures.add(signature);
      url = baseUrl + STORAGE + "output/" + batch.id + "?X-Amz-Signature=" + signature;
    }
    job.put("outputFileUrl", url);
    return job;
  }

  private static List<String[]> readInput(String csv) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> cells =
        CSV.readerForArrayOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(new StringReader(csv))) {
      String[] header = cells.next();
      if (header.length != 3 || !header[0].equals("ref_id")) {
        throw new IOException("bad header");
      }
      while (cells.hasNextValue()) {
        String[] row = cells.nextValue();
        if (row.length != 3) {
          throw new IOException("bad row");
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String results(Batch batch) throws IOException {
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("ref_id")
            .addColumn("type")
            .addColumn("labels")
            .addColumn("content")
            .addColumn("error")
            .build()
            .withHeader();
    StringWriter out = new StringWriter();
    try (SequenceWriter writer = CSV.writer(schema).writeValues(out)) {
      for (String[] row : batch.rows) {
        boolean known = row[1].equals("text") || row[1].equals("image_url");
        String error =
            !known ? "unsupported type " + row[1] : row[2].isEmpty() ? "empty content" : "";
        String labels =
            error.isEmpty() ? FakeEvaluator.labelsCell(batch.policy.labels(), row[2]) : "";
        writer.write(new String[] {row[0], row[1], labels, row[2], error});
      }
    }
    return out.toString();
  }

  private static void sendS3Error(FakeExchange exchange, int status, String code, String message)
      throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error>";
    exchange.send(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
  }
}
