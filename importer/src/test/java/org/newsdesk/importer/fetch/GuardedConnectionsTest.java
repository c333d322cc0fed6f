package org.newsdesk.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

/** The checks on what is actually connected to, below any URL: resolved names and sockets. */
class GuardedConnectionsTest {

  @Test
  void aNameThatResolvesOnlyToRefusedAddressesIsRefused() {
    DnsResolver resolver = new GuardedConnections(AddressPolicy.guarded(List.of())).resolver();

    assertThatThrownBy(() -> resolver.resolve("localhost", 80))
        .isInstanceOf(GuardedConnections.BlockedHostException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void onlyThePermittedAddressesOfANameAreHandedOn() throws Exception {
    DnsResolver resolver =
        new GuardedConnections(AddressPolicy.guarded(List.of("127.0.0.1:8089"))).resolver();

    List<InetSocketAddress> addresses = resolver.resolve("localhost", 8089);

    assertThat(addresses)
        .containsExactly(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8089));
    assertThatThrownBy(() -> resolver.resolve("localhost", 8090))
        .isInstanceOf(GuardedConnections.BlockedHostException.class);
  }

  @Test
  void oddlyWrittenLiteralsAreReadAsThePolicyReadsThem() throws Exception {
    DnsResolver resolver = new GuardedConnections(AddressPolicy.unguarded()).resolver();

    assertThat(resolver.resolve("0x7f.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
    assertThat(resolver.resolveCanonicalHostname("example.com")).isEqualTo("example.com");
  }

  @Test
  void theSocketRefusesToConnectToARefusedAddress() throws IOException {
    GuardedConnections guard = new GuardedConnections(AddressPolicy.guarded(List.of()));

    try (Socket socket = guard.socketFactory().create(Proxy.NO_PROXY)) {
      assertThatThrownBy(
              () ->
                  socket.connect(
                      new InetSocketAddress(InetAddress.getByName("169.254.169.254"), 80), 100))
          .isInstanceOf(BlockedAddressException.class)
          .hasMessageContaining("link-local");
      assertThat(socket.isConnected()).isFalse();
    }
    try (Socket socket = guard.socketFactory().create(Proxy.NO_PROXY)) {
      assertThatThrownBy(
              () -> socket.connect(InetSocketAddress.createUnresolved("example.com", 80), 100))
          .isInstanceOf(BlockedAddressException.class);
    }
  }
}
