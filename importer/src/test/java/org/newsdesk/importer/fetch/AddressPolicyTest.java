package org.newsdesk.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  private final AddressPolicy policy = AddressPolicy.guarded(List.of());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // loopback, however written
        "http://127.0.0.1/                      | BLOCKED_ADDRESS",
        "http://127.0.0.1:8080/feed             | BLOCKED_ADDRESS",
        "http://127.1/                          | BLOCKED_ADDRESS",
        "http://127.0.1/                        | BLOCKED_ADDRESS",
        "http://2130706433/                     | BLOCKED_ADDRESS",
        "http://0x7f000001/                     | BLOCKED_ADDRESS",
        "http://0x7f.1/                         | BLOCKED_ADDRESS",
        "http://0x7F.0x0.0x0.0x1/               | BLOCKED_ADDRESS",
        "http://017700000001/                   | BLOCKED_ADDRESS",
        "http://0177.0.0.01/                    | BLOCKED_ADDRESS",
        "http://127.0.0.1./                     | BLOCKED_ADDRESS",
        "http://127.255.255.254/                | BLOCKED_ADDRESS",
        "http://localhost/                      | BLOCKED_ADDRESS",
        "http://localhost./                     | BLOCKED_ADDRESS",
        "http://LOCALHOST:8080/                 | BLOCKED_ADDRESS",
        "http://feeds.localhost/                | BLOCKED_ADDRESS",
        "http://[::1]/                          | BLOCKED_ADDRESS",
        "http://[0:0:0:0:0:0:0:1]/              | BLOCKED_ADDRESS",
        // IPv4 embedded in IPv6
        "http://[::ffff:127.0.0.1]/             | BLOCKED_ADDRESS",
        "http://[::ffff:7f00:1]/                | BLOCKED_ADDRESS",
        "http://[::ffff:169.254.169.254]/       | BLOCKED_ADDRESS",
        "http://[::127.0.0.1]/                  | BLOCKED_ADDRESS",
        "http://[64:ff9b::a00:1]/               | BLOCKED_ADDRESS",
        "http://[64:ff9b::127.0.0.1]/           | BLOCKED_ADDRESS",
        "http://[2002:a00:1::]/                 | BLOCKED_ADDRESS",
        "http://[2002:7f00:1::1]/               | BLOCKED_ADDRESS",
        // unspecified
        "http://0.0.0.0/                        | BLOCKED_ADDRESS",
        "http://0/                              | BLOCKED_ADDRESS",
        "http://[::]/                           | BLOCKED_ADDRESS",
        // private, link-local, CGNAT, reserved
        "http://10.0.0.1/                       | BLOCKED_ADDRESS",
        "http://012.0.0.1/                      | BLOCKED_ADDRESS",
        "http://167772161/                      | BLOCKED_ADDRESS",
        "http://172.16.0.1/                     | BLOCKED_ADDRESS",
        "http://172.31.255.255/                 | BLOCKED_ADDRESS",
        "http://192.168.1.1/                    | BLOCKED_ADDRESS",
        "http://0xc0.0xa8.1.1/                  | BLOCKED_ADDRESS",
        "http://169.254.169.254/latest/meta-data| BLOCKED_ADDRESS",
        "http://2852039166/                     | BLOCKED_ADDRESS",
        "http://100.64.0.1/                     | BLOCKED_ADDRESS",
        "http://100.127.255.255/                | BLOCKED_ADDRESS",
        "http://224.0.0.1/                      | BLOCKED_ADDRESS",
        "http://239.255.255.250/                | BLOCKED_ADDRESS",
        "http://255.255.255.255/                | BLOCKED_ADDRESS",
        "http://240.0.0.1/                      | BLOCKED_ADDRESS",
        "http://198.18.0.1/                     | BLOCKED_ADDRESS",
        "http://192.0.2.1/                      | BLOCKED_ADDRESS",
        "https://[fc00::1]/                     | BLOCKED_ADDRESS",
        "http://[fd12:3456::1]/                 | BLOCKED_ADDRESS",
        "http://[fe80::1]/                      | BLOCKED_ADDRESS",
        "http://[fe80::1%25eth0]/               | BLOCKED_ADDRESS",
        "http://[febf::1]/                      | BLOCKED_ADDRESS",
        "http://[fec0::1]/                      | BLOCKED_ADDRESS",
        "http://[ff02::1]/                      | BLOCKED_ADDRESS",
        "http://[2001:db8::1]/                  | BLOCKED_ADDRESS",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/ | BLOCKED_ADDRESS",
        // not http(s), credentials, malformed
        "ftp://example.com/feed                 | BAD_URL",
        "file:///etc/passwd                     | BAD_URL",
        "gopher://127.0.0.1:6379/_INFO          | BAD_URL",
        "javascript:alert(1)                    | BAD_URL",
        "//example.com/feed                     | BAD_URL",
        "http:///feed                           | BAD_URL",
        "http://user@evil@127.0.0.1/            | BAD_URL",
        "http://evil.com@127.0.0.1/             | BAD_URL",
        "http://user:pass@example.com/          | BAD_URL",
        "http://example.com:0/                  | BAD_URL",
        "http://example.com:65536/              | BAD_URL",
        "http://example.com:80a/                | BAD_URL",
        "http://1.2.3.4.5/                      | BAD_URL",
        "http://256.1.1.1/                      | BAD_URL",
        "http://0x1g.1/                         | BAD_URL",
        "http://[::1/                           | BAD_URL",
        "http://[example.com]/                  | BAD_URL",
        "http://exa%6dple.com/                  | BAD_URL",
        "http://-example.com/                   | BAD_URL",
        // public: permitted (the resolved address is checked again on connect)
        "http://example.com/feed.xml            | ALLOWED",
        "https://EXAMPLE.com./feed              | ALLOWED",
        "http://8.8.8.8/                        | ALLOWED",
        "http://134744072/                      | ALLOWED",
        "http://0x8.0x8.0x8.0x8/                | ALLOWED",
        "http://1.1/                            | ALLOWED",
        "http://172.32.0.1/                     | ALLOWED",
        "http://100.128.0.1/                    | ALLOWED",
        "http://192.169.0.1/                    | ALLOWED",
        "http://[2606:4700:4700::1111]/         | ALLOWED",
        "http://[::ffff:8.8.8.8]/               | ALLOWED",
        "http://[64:ff9b::808:808]/             | ALLOWED",
        "http://[2002:808:808::1]/              | ALLOWED",
        "http://news.example:8080/rss?x=1       | ALLOWED",
        "http://bücher.example/feed             | ALLOWED",
        "http://under_score.example.com/        | ALLOWED",
        "http://127.0.0.1.example.com/          | ALLOWED",
        "http://localhost.example.com/          | ALLOWED",
      })
  void checksUrlsAsWritten(String url, String expected) {
    AddressPolicy.Verdict verdict = policy.check(url);

    if (expected.equals("ALLOWED")) {
      assertThat(verdict.permitted()).as(verdict.message()).isTrue();
    } else {
      assertThat(verdict.permitted()).isFalse();
      assertThat(verdict.reason()).as(verdict.message()).isEqualTo(FailureReason.valueOf(expected));
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "2130706433, 127.0.0.1",
    "0x7f.1, 127.0.0.1",
    "017700000001, 127.0.0.1",
    "127.1, 127.0.0.1",
    "127.0.0.1., 127.0.0.1",
    "0x7f.0.0.1, 127.0.0.1",
    "0177.0.0.1, 127.0.0.1",
    "10.1, 10.0.0.1",
    "10.0.258, 10.0.1.2",
    "0x, 0.0.0.0",
    "[::ffff:7f00:1], 127.0.0.1",
    "[fe80::1%eth0], fe80:0:0:0:0:0:0:1",
    "[::], 0:0:0:0:0:0:0:0",
  })
  void readsOddAddressSpellings(String host, String address) {
    assertThat(AddressPolicy.literal(host)).map(InetAddress::getHostAddress).contains(address);
  }

  @ParameterizedTest
  @CsvSource({"example.com", "1.2.3.4.5", "256.0.0.1", "08.1.1.1", "[g::1]", "[1::2::3]", "1..2.3"})
  void namesAndNonsenseAreNotLiterals(String host) {
    assertThat(AddressPolicy.literal(host)).isEmpty();
  }

  @Test
  void normalizesTheTargetToTheAddressItStandsFor() {
    AddressPolicy open = AddressPolicy.unguarded();

    AddressPolicy.Target target = open.check("HTTP://0x7f.1:8080/a/b?c=d#frag").target();

    assertThat(target.uri()).hasToString("http://127.0.0.1:8080/a/b?c=d");
    assertThat(target.host()).isEqualTo("127.0.0.1");
    assertThat(target.port()).isEqualTo(8080);
    assertThat(open.check("https://Example.COM.").target().uri())
        .hasToString("https://example.com/");
    assertThat(open.check("http://[::FFFF:8.8.8.8]").target().host()).isEqualTo("8.8.8.8");
    assertThat(open.check("https://bücher.example/").target().host())
        .isEqualTo("xn--bcher-kva.example");
    assertThat(open.check("http://example.com/ein café?q=ü").target().uri())
        .hasToString("http://example.com/ein%20caf%C3%A9?q=%C3%BC");
  }

  @Test
  void theAllowListOpensExactlyTheNamedAddressAndPort() throws Exception {
    AddressPolicy allowing =
        AddressPolicy.guarded(List.of("127.0.0.1:8089", " 10.1.0.0/16 ", "[::1]:9000", "fd00::/8"));

    assertThat(allowing.check("http://127.0.0.1:8089/feed").permitted()).isTrue();
    assertThat(allowing.check("http://localhost:8089/feed").permitted()).isTrue();
    assertThat(allowing.check("http://2130706433:8089/feed").permitted()).isTrue();
    assertThat(allowing.check("http://127.0.0.1:8090/feed").reason())
        .isEqualTo(FailureReason.BLOCKED_ADDRESS);
    assertThat(allowing.check("http://127.0.0.2:8089/").reason())
        .isEqualTo(FailureReason.BLOCKED_ADDRESS);
    assertThat(allowing.check("http://127.0.0.1/").reason())
        .isEqualTo(FailureReason.BLOCKED_ADDRESS);
    assertThat(allowing.check("http://10.1.200.3:1234/").permitted()).isTrue();
    assertThat(allowing.check("http://10.2.0.1/").permitted()).isFalse();
    assertThat(allowing.check("http://[::1]:9000/").permitted()).isTrue();
    assertThat(allowing.check("http://[::1]:9001/").permitted()).isFalse();
    assertThat(allowing.check("http://[fd00::5]/").permitted()).isTrue();
    assertThat(allowing.permits(InetAddress.getByName("169.254.169.254"), 8089)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "internal.example:80",
        "localhost:8089",
        "127.0.0.1:99999",
        "127.0.0.1:",
        "10.0.0.0/33",
        "8089",
        "127.1:8089",
        "010.0.0.1",
        "0x7f.1/8",
        "[::1"
      })
  void theAllowListTakesPlainAddressesOnly(String entry) {
    assertThatThrownBy(() -> AddressPolicy.guarded(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(entry);
  }

  @Test
  void decidesOnResolvedAddresses() throws Exception {
    assertThat(policy.permits(InetAddress.getByName("93.184.216.34"), 443)).isTrue();
    assertThat(policy.permits(InetAddress.getByName("127.0.0.1"), 80)).isFalse();
    assertThat(policy.permits(InetAddress.getByName("::1"), 80)).isFalse();
    assertThat(policy.permits(InetAddress.getByName("169.254.169.254"), 80)).isFalse();
    assertThat(policy.permits(InetAddress.getByName("::ffff:10.0.0.1"), 80)).isFalse();
    assertThat(AddressPolicy.blockedRange(InetAddress.getByName("169.254.169.254")))
        .contains("link-local");
    assertThat(AddressPolicy.blockedRange(InetAddress.getByName("64:ff9b::a00:1")))
        .contains("private address embedded in NAT64");
  }

  @Test
  void withTheGuardOffEveryAddressIsPermittedButUrlsAreStillChecked() throws Exception {
    AddressPolicy open = AddressPolicy.unguarded();

    assertThat(open.permits(InetAddress.getByName("127.0.0.1"), 80)).isTrue();
    assertThat(open.check("http://169.254.169.254/").permitted()).isTrue();
    assertThat(open.check("file:///etc/passwd").reason()).isEqualTo(FailureReason.BAD_URL);
  }
}
