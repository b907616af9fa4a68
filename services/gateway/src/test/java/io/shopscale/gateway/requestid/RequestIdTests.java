package io.shopscale.gateway.requestid;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTests {

	@Test
	void acceptsIdsMadeOfSafeCharactersUpTo128Long() {
		assertThat(RequestId.isValid("a")).isTrue();
		assertThat(RequestId.isValid("Client-42.retry_A")).isTrue();
		assertThat(RequestId.isValid(UUID.randomUUID().toString())).isTrue();
		assertThat(RequestId.isValid("x".repeat(RequestId.MAX_LENGTH))).isTrue();
	}

	@Test
	void rejectsEmptyOverlongOrUnsafeIds() {
		assertThat(RequestId.isValid(null)).isFalse();
		assertThat(RequestId.isValid("")).isFalse();
		assertThat(RequestId.isValid("x".repeat(RequestId.MAX_LENGTH + 1))).isFalse();
		for (String unsafe : List.of("a b", "a\tb", "a\r\nb", "a;b", "a/b", "a\"b", "é", "a,b")) {
			assertThat(RequestId.isValid(unsafe)).as(unsafe).isFalse();
		}
	}

	@Test
	void acceptsOnlyASingleValue() {
		assertThat(RequestId.isAcceptable(List.of("abc"))).isTrue();
		assertThat(RequestId.isAcceptable(List.of("abc", "def"))).isFalse();
		assertThat(RequestId.isAcceptable(List.of())).isFalse();
		assertThat(RequestId.isAcceptable(null)).isFalse();
	}

	@Test
	void generatesDistinctVersion4Uuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String id = RequestId.generate();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(RequestId.isValid(id)).isTrue();
			ids.add(id);
		}
		assertThat(ids).hasSize(1000);
	}

}
