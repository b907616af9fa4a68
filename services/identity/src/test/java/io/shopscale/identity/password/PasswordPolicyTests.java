package io.shopscale.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private static final CommonPasswords COMMON = new CommonPasswords();
    private final PasswordPolicy policy = new PasswordPolicy(COMMON);

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.firstViolation("plum-orbit-Cascade-93", "ann")).isEmpty();
        assertThat(policy.firstViolation("correct lamp orbit tuba", "ann")).isEmpty();
    }

    @Test
    void needsTwelveToOneHundredTwentyEightCharacters() {
        assertThat(policy.firstViolation("x7#Kq9!mZ2@", "ann")).contains(PasswordRule.TOO_SHORT);
        assertThat(policy.firstViolation("x7#Kq9!mZ2@p", "ann")).isEmpty();
        assertThat(policy.firstViolation("", "ann")).contains(PasswordRule.TOO_SHORT);
        assertThat(policy.firstViolation("k9#Lm2$pQ7!z".repeat(10) + "abcdefgh", "ann")).isEmpty();
        assertThat(policy.firstViolation("k9#Lm2$pQ7!z".repeat(10) + "abcdefghi", "ann")).contains(PasswordRule.TOO_LONG);
    }

    @Test
    void countsUnicodeCharactersNotUtf16Units() {
        String sixEmoji = "\uD83C\uDF35\uD83D\uDE80\uD83C\uDF89\uD83E\uDD84\uD83C\uDF0A\uD83D\uDD11";
        assertThat(sixEmoji).hasSize(12);
        assertThat(policy.firstViolation(sixEmoji, "ann")).contains(PasswordRule.TOO_SHORT);
        assertThat(policy.firstViolation(sixEmoji + sixEmoji, "ann")).isEmpty();
    }

    @Test
    void mustNotContainTheEmailsLocalPart() {
        assertThat(policy.firstViolation("jane.doe.secret", "jane.doe")).contains(PasswordRule.CONTAINS_EMAIL);
        assertThat(policy.firstViolation("My-JANE.DOE-pass", "jane.doe")).contains(PasswordRule.CONTAINS_EMAIL);
        assertThat(policy.firstViolation("averylongname", "averylongname")).contains(PasswordRule.CONTAINS_EMAIL);
        // A one- or two-letter local part is refused only as the whole password, not as any letter inside it.
        assertThat(policy.firstViolation("plum-orbit-Cascade-93", "a")).isEmpty();
        assertThat(policy.firstViolation("plum-orbit-Cascade-93", "or")).isEmpty();
    }

    @Test
    void refusesCommonPasswordsAndTheirObviousVariants() {
        for (String common : new String[] {"password1234", "PASSWORD1234", "qwertyuiop123", "iloveyou2024!",
                "Password2024!", "123456789012", "1q2w3e4r5t6y", "abcabcabcabc", "111111111111", "zzzzzzzzzzzzzz",
                "correcthorsebatterystaple", "Shopscale2025", "qwertyuiopasdfghjkl", "football12345"}) {
            assertThat(policy.firstViolation(common, "someone")).as(common).contains(PasswordRule.COMMON);
        }
    }

    @Test
    void checksTheRulesInOrder() {
        Optional<PasswordRule> first = policy.firstViolation("password", "password");
        assertThat(first).contains(PasswordRule.TOO_SHORT);
        assertThat(policy.firstViolation("passwordpassword", "passwordpassword")).contains(PasswordRule.CONTAINS_EMAIL);
    }
}
