package ai.clavata.sdk.jobs;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a keyset-paged listing, and the way to the next.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final String nextPageToken;
  private final Function<String, Page<T>> fetchPage;

  private Page(List<T> items, String nextPageToken, Function<String, Page<T>> fetchPage) {
    this.items = List.copyOf(items);
    this.nextPageToken = nextPageToken == null || nextPageToken.isEmpty() ? null : nextPageToken;
    this.fetchPage = fetchPage;
  }

  /**
   * A page; public so that tests of your own code can build pages for a mocked client.
   *
   * @param items the page's items
   * @param nextPageToken the token of the next page, or {@code null} or empty on the last page
   * @param fetchPage fetches the page for a token
   * @param <T> the item type
   * @return a new page
   */
  public static <T> Page<T> of(
      List<T> items, String nextPageToken, Function<String, Page<T>> fetchPage) {
    return new Page<>(items, nextPageToken, fetchPage);
  }

  /**
   * The items on this page.
   *
   * @return the items, in server order; never {@code null}
   */
  public List<T> items() {
    return items;
  }

  /**
   * The token that fetches the next page.
   *
   * @return the token, or empty on the last page
   */
  public Optional<String> nextPageToken() {
    return Optional.ofNullable(nextPageToken);
  }

  /**
   * Whether there is a next page.
   *
   * @return {@code true} unless this is the last page
   */
  public boolean hasNextPage() {
    return nextPageToken != null;
  }

  /**
   * Fetches the next page, with the same filters.
   *
   * @return the next page
   * @throws NoSuchElementException on the last page
   */
  public Page<T> nextPage() {
    if (nextPageToken == null) {
      throw new NoSuchElementException("this is the last page; check hasNextPage() first");
    }
    return fetchPage.apply(nextPageToken);
  }

  @Override
  public String toString() {
    return "Page[" + items.size() + " items, " + (hasNextPage() ? "more" : "last") + "]";
  }
}
