package io.routemcp.simulators;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The accounts a simulator holds (HubSpot portals, Zoho organizations, Pipedrive companies,
 * GoHighLevel locations), by id and in creation order, which is how consent pages and control
 * routes list them.
 */
public final class Accounts<A> {

  private final Function<A, String> id;
  private final Map<String, A> byId = new ConcurrentHashMap<>();
  private final List<A> inCreationOrder = new CopyOnWriteArrayList<>();
  private final AtomicLong created = new AtomicLong();

  public Accounts(Function<A, String> id) {
    this.id = id;
  }

  /** 1 for the first account, 2 for the next…: what providers derive their ids and sample data from. */
  public long nextNumber() {
    return created.incrementAndGet();
  }

  public A add(A account) {
    byId.put(id.apply(account), account);
    inCreationOrder.add(account);
    return account;
  }

  /** An account by id, or null. */
  public A get(String accountId) {
    return accountId == null ? null : byId.get(accountId);
  }

  public List<A> all() {
    return List.copyOf(inCreationOrder);
  }

  /** The account a consent page's choice names; a new one for "new" or any id it does not know. */
  public A chosen(String choice, Supplier<A> create) {
    A account = get(choice);
    return account != null ? account : create.get();
  }
}
