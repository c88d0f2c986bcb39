package io.gatehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class TsvTest {

    @Test
    void fieldsKeepEmptyTrailingFields() {
        assertThat(Tsv.fields("A\tGetObject\tRead\t\t", 5)).containsExactly("A", "GetObject", "Read", "", "");
    }

    @Test
    void wrongFieldCountIsAnError() {
        assertThatIllegalStateException().isThrownBy(() -> Tsv.fields("A\tGetObject", 5));
    }

    @Test
    void listsAreCommaSeparatedAndEmptyWhenBlank() {
        assertThat(Tsv.list("")).isEmpty();
        assertThat(Tsv.list("a")).containsExactly("a");
        assertThat(Tsv.list("aws:TagKeys,s3:prefix")).containsExactly("aws:TagKeys", "s3:prefix");
    }

    @Test
    void commentsAndBlankLinesCarryNoRecord() {
        assertThat(Tsv.isComment("# header")).isTrue();
        assertThat(Tsv.isComment("")).isTrue();
        assertThat(Tsv.isComment("S\ts3\tAmazon S3")).isFalse();
    }
}
