package vn.ocop.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void removesVietnameseDiacriticsAndCase() {
        assertThat(SearchText.normalize("Lạp xưởng bò Tân Châu")).isEqualTo("lap xuong bo tan chau");
        assertThat(SearchText.normalize("  ĐƯỜNG thốt nốt   sệt Palmania ")).isEqualTo("duong thot not set palmania");
        assertThat(SearchText.normalize("Khô cá tra phồng – Châu Đốc")).isEqualTo("kho ca tra phong – chau doc");
        assertThat(SearchText.normalize(null)).isEmpty();
    }

    @Test
    void queriesAreMatchedLiterally() {
        String regex = SearchText.containsRegex("Trà (xạ) đen.*");
        assertThat(Pattern.compile(regex).matcher("tra (xa) den.* loai 1").find()).isTrue();
        assertThat(Pattern.compile(regex).matcher("tra xa den loai 1").find()).isFalse();
    }
}
