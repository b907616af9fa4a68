package io.shopscale.identity.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The bundled list of passwords attackers try first ({@code identity/common-passwords.txt}), compared
 * case-insensitively. A password also counts as common when it is a listed one with a few digits or symbols
 * appended ({@code Password2024!}), or one short unit repeated ({@code abcabcabcabc}, {@code 111111111111}): those are
 * the first variations a guessing tool tries.
 */
@Component
public class CommonPasswords {

    static final String RESOURCE = "/identity/common-passwords.txt";
    /** At most this many trailing digits and symbols are stripped to find the word underneath. */
    static final int MAX_DECORATION = 6;
    static final int MIN_CORE = 4;
    private static final String DECORATION = "0123456789!@#$%^&*?._-+=~";

    private final Set<String> passwords;

    public CommonPasswords() {
        this(load());
    }

    CommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    public boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (passwords.contains(lower) || isRepetition(lower)) {
            return true;
        }
        int end = lower.length();
        while (end > 0 && lower.length() - end < MAX_DECORATION && DECORATION.indexOf(lower.charAt(end - 1)) >= 0) {
            end--;
            String core = lower.substring(0, end);
            if (core.length() >= MIN_CORE && passwords.contains(core)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return passwords.size();
    }

    /** One unit of up to four characters, repeated to fill the whole password. */
    static boolean isRepetition(String password) {
        for (int unit = 1; unit <= 4 && unit < password.length(); unit++) {
            if (password.length() % unit == 0 && password.equals(password.substring(0, unit).repeat(password.length() / unit))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    passwords.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return passwords;
    }
}
