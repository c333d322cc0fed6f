package org.newsdesk.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRepairTest {

  /** Characters of every class the repair steps look at, and ordinary ones. */
  private static final String ALPHABET =
      "aZ09 .,;:!?\"'-\t\n\r\u0000\u0001\u001F\u007F\u0080\u0093\u009D\u009F\u00A0\u00A9"
          + "\u00C1\u00C2\u00C3\u00E2\u00E9\u00F4\u00F5\u00FF\u0152\u0160\u0178\u02DC"
          + "\u2013\u2014\u2015\u201C\u201D\u20AC\u2122\u4E2D\uD83D\uDE00\uE000\uFFFD"
          + "\uFFFE\uFFFF\u0410\u05D0";

  @Test
  void untouchedTextIsWhatTheFullRepairLeavesAlone() {
    java.util.Random random = new java.util.Random(7);
    int untouched = 0;
    for (int k = 0; k < 20_000; k++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(12);
      boolean plain = random.nextBoolean();
      for (int i = 0; i < len; i++) {
        sb.append(
            plain && random.nextInt(8) > 0
                ? (char) (0x20 + random.nextInt(0x5F))
                : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String s = sb.toString();
      TextRepair.Repair full = TextRepair.repairScan(s);
      if (TextRepair.untouched(s)) {
        untouched++;
        assertThat(full.text()).as(s).isEqualTo(s);
        assertThat(full.repairs()).as(s).isZero();
        assertThat(TextRepair.fix(s)).isSameAs(s);
      }
      assertThat(TextRepair.repair(s)).as(s).isEqualTo(full);
      assertThat(TextRepair.fix(s)).as(s).isEqualTo(full.text());
    }
    assertThat(untouched).isGreaterThan(4_000);
  }

  @Test
  void sloppyEmDashFromTheSeedArticle() {
    TextRepair.Repair r =
        TextRepair.repair("the Islamic State group \u00e2\u20ac\" a largely symbolic victory");
    assertThat(r.text()).isEqualTo("the Islamic State group \u2014 a largely symbolic victory");
    assertThat(r.repairs()).isEqualTo(1);
    assertThat(r.changes()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cafÃ©|café",
        "Ãœber|Über",
        "donâ€™t|don’t",
        "â€œquotedâ€\u009d|“quoted”",
        "â€œquotedâ€ and more|“quoted” and more",
        "â€œquotedâ€�|“quoted”",
        "1990â€\"1995|1990–1995",
        "â‚¬100|€100",
        "Ã¢â‚¬â„¢|’",
        "SÃ£o Paulo|São Paulo",
        "naÃ¯ve|naïve",
        "ðŸ˜€ smile|😀 smile",
        "Ã\u00a0 la carte|à la carte",
        "Ã\u0083Â©|é",
      })
  void repairsMojibake(String broken, String expected) {
    assertThat(TextRepair.fix(broken)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SÃO PAULO",
        "CÂMARA",
        "Ångström",
        "naïve",
        "Mötley Crüe",
        "€100",
        "Καλημέρα κόσμε",
        "Здравствуй, мир",
        "你好，世界",
        "こんにちは",
        "© 2024 Example",
        "café",
        "CAFÉ’S MENU",
        "Ça va? À bientôt. Où est l’hôtel?",
        "ÉCOLE «NORMALE»",
        "Smörgåsbord — Ærøskøbing",
        "plain ascii text \"quoted\" - dash",
        "Café\u00A0…",
        "Caf\u00E9\u00A0\u2026 et caf\u00E9\u00A0\u00BB",
        "À bientôt…",
        "Ça coûte 5 €",
        "naïve café",
        "Señor Nuñez",
        "Größe",
        "Œuvre",
        "“quoted”",
        "L’ÉTÉ… ÇA «\u00A0OUI\u00A0»",
        "déjà\u00A0«\u00A0vu\u00A0»",
        "",
      })
  void leavesGoodTextAlone(String good) {
    TextRepair.Repair r = TextRepair.repair(good);
    assertThat(r.text()).isEqualTo(good);
    assertThat(r.repairs()).isZero();
  }

  @Test
  void stripsCharactersPostgresCannotStore() {
    String s = "a\u0000b\ud800c\udc00d\u0007e\tf\ng";
    assertThat(TextRepair.fix(s)).isEqualTo("abcde\tf\ng");
    assertThat(TextRepair.fix("ok 😀")).isEqualTo("ok 😀");
  }

  @Test
  void mapsC1ControlsToWindows1252() {
    assertThat(TextRepair.fix("\u0093hi\u0094 \u0085 \u0080")).isEqualTo("“hi” … €");
    assertThat(TextRepair.fix("a\u0081b")).isEqualTo("ab");
  }

  @Test
  void damagedClosingQuoteInTheSeed() {
    assertThat(TextRepair.fix("sees its \"caliphate\u2015 crumble"))
        .isEqualTo("sees its \"caliphate\u201d crumble");
    assertThat(TextRepair.fix("\u2015 Dialogue dash stays"))
        .isEqualTo("\u2015 Dialogue dash stays");
  }

  @Test
  void isIdempotent() {
    String once = TextRepair.fix("Ã¢â‚¬â„¢ cafÃ© â€\" x");
    assertThat(TextRepair.fix(once)).isEqualTo(once);
  }

  @Test
  void decodedEntitiesOfOrdinaryFrenchAreNotMojibake() {
    String decoded = Html.decodeEntityText("Caf&eacute;&nbsp;&hellip;");
    assertThat(decoded).isEqualTo("Caf\u00E9\u00A0\u2026");
    assertThat(TextRepair.repair(decoded).repairs()).isZero();
  }

  @Test
  void cjkMojibakeNeedsARunOrAnOddSource() {
    assertThat(TextRepair.fix("ä¸­æ–‡")).isEqualTo("中文");
    assertThat(TextRepair.fix("\u00E3\u0081\u201C\u00E3\u201A\u201C")).isEqualTo("こん");
    assertThat(TextRepair.fix("ÐŸÑ€Ð¸Ð²ÐµÑ‚")).isEqualTo("Привет");
  }

  @Test
  void nullStaysNull() {
    assertThat(TextRepair.repair(null).text()).isNull();
  }
}
