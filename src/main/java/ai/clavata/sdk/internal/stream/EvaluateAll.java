package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ClavataException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.stream.EvaluateAllOptions;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code evaluateAll}: reads the caller's items lazily, in batches, and keeps up to {@code
 * maxConcurrency} stream requests in flight on worker threads, each result mapped back to its
 * item's global index and handed over through a bounded queue. A full queue stops the workers
 * reading their streams and the source, so a slow consumer holds back everything behind it.
 *
 * <p>A 429 or 503 (at the opening or in the middle of a stream) halves the concurrency and resends
 * the batch's unanswered items after the wait the server asked for (or the retry backoff); the
 * concurrency then grows back by one per round of successful requests (by {@code 1 / limit} per
 * success, TCP's additive increase), up to the maximum. An item sent {@code maxAttempts} times
 * without an answer, or any other failure, stops the run: the results already received are still
 * delivered, then a {@link StreamInterruptedException} lists the unanswered items by global index.
 */
final class EvaluateAll implements Iterator<EvaluationResult>, Runnable {
  private static final Object END = new Object();

  private final RealStreamClient streams;
  private final String policyId;
  private final Iterator<? extends ContentData> source;
  private final EvaluateAllOptions options;
  private final BlockingQueue<Object> out;
  private final Set<EvaluationStream> open = ConcurrentHashMap.newKeySet();
  private final List<Thread> workers = new ArrayList<>();

  // Guarded by this:
  private final Deque<List<Item>> retries = new ArrayDeque<>();
  private final List<Integer> unanswered = new ArrayList<>();
  private int nextIndex;
  private boolean sourceDone;
  private int active;
  private double limit; // requests allowed in flight: grows by 1 per round of successes
  private boolean closed;
  private RuntimeException failure;
  private boolean ended;
  private long epoch; // counts decreases: one burst of 429s halves the concurrency once

  private long delivered; // the consumer's thread only
  private Object next;
  private boolean finished;

  private record Item(int index, ContentData content, int attempts) {}

  /** A batch being sent, and the decrease epoch it started in. */
  private record Batch(List<Item> items, long epoch) {}

  EvaluateAll(
      RealStreamClient streams,
      String policyId,
      Iterator<? extends ContentData> source,
      EvaluateAllOptions options) {
    this.streams = streams;
    this.policyId = policyId;
    this.source = source;
    this.options = options;
    this.out = new ArrayBlockingQueue<>(options.batchSize() * options.maxConcurrency() + 1);
    this.limit = options.maxConcurrency();
  }

  /** Starts the workers; the caller's thread then only consumes. */
  EvaluateAll start() {
    for (int i = 0; i < options.maxConcurrency(); i++) {
      Thread worker = new Thread(this::work, "clavata-evaluate-all-" + i);
      worker.setDaemon(true);
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    return this;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished && isClosed()) {
      throw new IllegalStateException("the evaluateAll stream was closed before it ended");
    }
    if (next == null && !finished) {
      try {
        next = out.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        run();
        throw new ClavataIoException(
            "interrupted while waiting for results", new InterruptedIOException());
      }
      if (next == END) {
        finished = true;
        next = null;
        RuntimeException failed = failureToThrow();
        if (failed != null) {
          throw failed;
        }
      }
    }
    return next != null;
  }

  @Override
  public EvaluationResult next() {
    if (!hasNext()) {
      throw new NoSuchElementException("evaluateAll has no more results");
    }
    EvaluationResult result = (EvaluationResult) next;
    next = null;
    delivered++;
    return result;
  }

  /** Stops everything: no new requests, open streams closed, workers ended. Idempotent. */
  @Override
  public void run() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      notifyAll();
    }
    open.forEach(EvaluationStream::close);
    workers.forEach(Thread::interrupt);
    out.clear();
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private synchronized RuntimeException failureToThrow() {
    if (!(failure instanceof ClavataException cause)) {
      return failure; // null, or the caller's own mistake such as a null item
    }
    List<Integer> missing = new ArrayList<>(unanswered);
    missing.sort(null);
    return new StreamInterruptedException(cause, List.of(), delivered, List.copyOf(missing));
  }

  private void work() {
    try {
      for (Batch batch = nextBatch(); batch != null; batch = nextBatch()) {
        send(batch);
      }
    } catch (RuntimeException unexpected) {
      fail(unexpected, List.of()); // a null item, or a bug: never a silent hang
    }
  }

  /** The next batch to send, or {@code null} when there is none, or the run is over. */
  private synchronized Batch nextBatch() {
    while (true) {
      if (closed || failure != null) {
        endIfIdle();
        return null;
      }
      if (active < (int) limit) {
        List<Item> batch = !retries.isEmpty() ? retries.poll() : read();
        if (!batch.isEmpty()) {
          active++;
          return new Batch(batch, epoch);
        }
        if (active == 0) {
          endIfIdle();
          return null;
        }
      }
      try {
        wait();
      } catch (InterruptedException e) {
        return null; // closed
      }
    }
  }

  /** Up to a batch of fresh items from the source (under the lock: the source is read by one). */
  private List<Item> read() {
    List<Item> batch = new ArrayList<>(options.batchSize());
    while (!sourceDone && batch.size() < options.batchSize()) {
      if (!source.hasNext()) {
        sourceDone = true;
        break;
      }
      ContentData item = source.next();
      if (item == null) {
        throw new IllegalArgumentException(
            "evaluateAll: item " + nextIndex + " is null; every item must be a ContentData");
      }
      batch.add(new Item(nextIndex++, item, 0));
    }
    return batch;
  }

  /** With nothing in flight, the run is over: the consumer gets the end marker. */
  private void endIfIdle() {
    if (active == 0 && !ended && (closed || failure != null || (sourceDone && retries.isEmpty()))) {
      ended = true;
      if (!closed) {
        out.add(END); // room is kept for it: the queue has one slot more than results in flight
      }
    }
    notifyAll();
  }

  private void send(Batch sent) {
    List<Item> batch = sent.items();
    EvaluateRequest.Builder request = EvaluateRequest.builder().policyId(policyId);
    batch.forEach(item -> request.addContent(item.content()));
    BitSet answered = new BitSet(batch.size());
    ClavataException error = null;
    EvaluationStream results = null;
    try {
      results = streams.evaluate(request.build());
      open.add(results);
      for (EvaluationResult r : results) {
        Item item = batch.get(r.inputIndex());
        answered.set(r.inputIndex());
        out.put(
            new EvaluationResult(
                item.index(), item.content(), r.jobUuid(), r.contentHash(), r.report()));
      }
    } catch (StreamInterruptedException e) {
      error = e.getCause();
    } catch (ClavataException e) {
      error = e;
    } catch (RuntimeException unexpected) {
      synchronized (this) {
        active--;
        if (!closed) { // a closed run cuts reads short; anything else is reported
          fail(unexpected, batchLeft(batch, answered));
        }
        endIfIdle();
      }
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed while the queue was full
    } finally {
      if (results != null) {
        open.remove(results);
        results.close();
      }
    }
    finish(batchLeft(batch, answered), error, sent.epoch());
  }

  private static List<Item> batchLeft(List<Item> batch, BitSet answered) {
    List<Item> left = new ArrayList<>();
    for (int i = answered.nextClearBit(0); i < batch.size(); i = answered.nextClearBit(i + 1)) {
      left.add(batch.get(i));
    }
    return left;
  }

  /** Ends a batch: counts it done and resends, fails or drops what it left unanswered. */
  private void finish(List<Item> left, ClavataException error, long startedIn) {
    Duration wait = null;
    synchronized (this) {
      active--;
      if (closed) {
        endIfIdle();
        return;
      }
      if (left.isEmpty()) {
        limit = Math.min(options.maxConcurrency(), limit + 1 / limit); // +1 per round trip
      } else if (error != null && isTransient(error) && retriable(left)) {
        if (startedIn == epoch) { // the first refusal of a burst: the others started with it
          limit = Math.max(1, limit / 2);
          epoch++;
        }
        List<Item> again = new ArrayList<>(left.size());
        left.forEach(i -> again.add(new Item(i.index(), i.content(), i.attempts() + 1)));
        wait = waitBefore(error, left.get(0).attempts());
        retries.add(again);
      } else {
        fail(error != null ? error : endedEarly(left), left);
        return;
      }
      notifyAll();
    }
    if (wait != null) {
      try {
        streams.pause(wait);
      } catch (ClavataIoException interrupted) {
        run();
      }
    }
  }

  private synchronized void fail(RuntimeException error, List<Item> left) {
    if (failure == null) {
      failure = error;
    }
    left.forEach(item -> unanswered.add(item.index()));
    for (List<Item> batch : retries) {
      batch.forEach(item -> unanswered.add(item.index()));
    }
    retries.clear();
    endIfIdle();
  }

  private boolean retriable(List<Item> left) {
    return left.stream().allMatch(item -> item.attempts() + 1 < options.maxAttempts());
  }

  private Duration waitBefore(ClavataException error, int attempt) {
    if (error instanceof RateLimitException limited && limited.retryAfter().isPresent()) {
      return limited.retryAfter().get();
    }
    return streams.backoffFor(attempt);
  }

  private static boolean isTransient(ClavataException error) {
    if (error instanceof ClavataApiException api) {
      return api.httpStatus() == 429
          || api.httpStatus() == 503
          || StreamSession.isBusy(api.grpcCode().orElse(null));
    }
    return error instanceof ClavataIoException;
  }

  private static ClavataException endedEarly(List<Item> left) {
    return new ClavataIoException(
        "a stream ended with " + left.size() + " item(s) unanswered", null);
  }
}
