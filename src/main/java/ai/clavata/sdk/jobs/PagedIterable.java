package ai.clavata.sdk.jobs;

import ai.clavata.sdk.errors.ClavataDecodeException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged listing, fetched one page at a time as the iteration reaches it. Only the
 * current page is held in memory. Each call to {@link #iterator()} or {@link #stream()} starts a
 * fresh pass from the first page.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Supplier<Page<T>> firstPage;

  private PagedIterable(Supplier<Page<T>> firstPage) {
    this.firstPage = firstPage;
  }

  /**
   * An iterable whose passes start by fetching {@code firstPage}; public for tests of your code.
   *
   * @param firstPage fetches the first page
   * @param <T> the item type
   * @return a new iterable
   */
  public static <T> PagedIterable<T> of(Supplier<Page<T>> firstPage) {
    return new PagedIterable<>(Objects.requireNonNull(firstPage, "firstPage"));
  }

  /**
   * Iterates every item; the first page is fetched on the first {@code hasNext()}.
   *
   * @return a new iterator
   */
  @Override
  public Iterator<T> iterator() {
    return new PageWalker();
  }

  /**
   * The items as a sequential stream, fetched lazily.
   *
   * @return a new stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private final class PageWalker implements Iterator<T> {
    private Page<T> page;
    private Iterator<T> items;

    @Override
    public boolean hasNext() {
      if (page == null) {
        page = firstPage.get();
        items = page.items().iterator();
      }
      while (!items.hasNext() && page.hasNextPage()) {
        String token = page.nextPageToken().orElseThrow();
        Page<T> next = page.nextPage();
        if (next.nextPageToken().filter(token::equals).isPresent()) {
          throw new ClavataDecodeException(
              "a page of the listing: the server returned the page token it was given, which"
                  + " would loop forever",
              0,
              token,
              null);
        }
        page = next;
        items = page.items().iterator();
      }
      return items.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more items");
      }
      return items.next();
    }
  }
}
