package org.newsdesk.importer.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * Where the {@link AddressPolicy} meets the HTTP client: a resolver that looks a host up once and
 * hands the client only the permitted addresses, and sockets that check the address again as they
 * connect. What is checked is what is connected to, so DNS rebinding gains nothing.
 */
final class GuardedConnections {

  private final AddressPolicy policy;

  GuardedConnections(AddressPolicy policy) {
    this.policy = policy;
  }

  DnsResolver resolver() {
    return new Resolver();
  }

  DetachedSocketFactory socketFactory() {
    return proxy -> new GuardedSocket();
  }

  private static InetAddress[] lookUp(String host) throws UnknownHostException {
    Optional<InetAddress> literal = AddressPolicy.literal(host);
    if (literal.isPresent()) {
      return new InetAddress[] {literal.get()};
    }
    return InetAddress.getAllByName(host);
  }

  private final class Resolver implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return lookUp(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      InetAddress[] addresses = lookUp(host);
      List<InetSocketAddress> permitted = new ArrayList<>();
      for (InetAddress address : addresses) {
        if (policy.permits(address, port)) {
          permitted.add(new InetSocketAddress(address, port));
        }
      }
      if (permitted.isEmpty()) {
        throw new BlockedHostException(host, addresses[0]);
      }
      return permitted;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }

  /**
   * The resolver's refusal; an {@link UnknownHostException} because that is what the resolver
   * contract allows, told apart from a real one by its type.
   */
  static final class BlockedHostException extends UnknownHostException {

    BlockedHostException(String host, InetAddress example) {
      super(
          host
              + " resolves only to refused addresses ("
              + example.getHostAddress()
              + ": "
              + AddressPolicy.blockedRange(example).orElse("not allowed")
              + ")");
    }
  }

  /** A plain socket that refuses to connect to an address the policy does not permit. */
  private final class GuardedSocket extends Socket {

    GuardedSocket() {
      super(Proxy.NO_PROXY);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress address) || address.getAddress() == null) {
        throw new BlockedAddressException("refusing to connect to an unresolved " + endpoint);
      }
      if (!policy.permits(address.getAddress(), address.getPort())) {
        throw new BlockedAddressException(
            "refusing to connect to "
                + address.getAddress().getHostAddress()
                + ":"
                + address.getPort()
                + " ("
                + AddressPolicy.blockedRange(address.getAddress()).orElse("not allowed")
                + ")");
      }
      super.connect(endpoint, timeout);
    }
  }
}
