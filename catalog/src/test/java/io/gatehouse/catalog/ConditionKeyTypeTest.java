package io.gatehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Condition key types as the Service Authorization Reference names them. */
class ConditionKeyTypeTest {

    @Test
    void arrayTypesAreMultivaluedOverTheirElementType() {
        assertThat(ConditionKeyType.ofAwsName("ArrayOfString")).isEqualTo(ConditionKeyType.ARRAY_OF_STRING);
        assertThat(ConditionKeyType.ARRAY_OF_STRING.isMultivalued()).isTrue();
        assertThat(ConditionKeyType.ARRAY_OF_STRING.elementType()).isEqualTo(ConditionKeyType.STRING);
        assertThat(ConditionKeyType.ARRAY_OF_IP_ADDRESS.elementType()).isEqualTo(ConditionKeyType.IP_ADDRESS);
        assertThat(ConditionKeyType.ARRAY_OF_ARN.awsName()).isEqualTo("ArrayOfARN");
    }

    @Test
    void scalarTypesAreTheirOwnElementType() {
        for (ConditionKeyType type : ConditionKeyType.values()) {
            assertThat(type.elementType().isMultivalued()).isFalse();
            assertThat(type.isMultivalued()).isEqualTo(type.awsName().startsWith("ArrayOf"));
            assertThat(ConditionKeyType.ofAwsName(type.awsName())).isEqualTo(type);
        }
        assertThat(ConditionKeyType.IP_ADDRESS.elementType()).isEqualTo(ConditionKeyType.IP_ADDRESS);
    }

    @Test
    void unknownNameIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ConditionKeyType.ofAwsName("Strings"));
    }

    @Test
    void accessLevelsHaveTheirAwsNames() {
        assertThat(AccessLevel.ofAwsName("Permissions management")).isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(AccessLevel.ofAwsName("tagging")).isEqualTo(AccessLevel.TAGGING);
        assertThatIllegalArgumentException().isThrownBy(() -> AccessLevel.ofAwsName("Tagging, Write"));
    }
}
