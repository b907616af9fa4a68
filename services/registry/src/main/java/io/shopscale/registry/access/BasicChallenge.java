package io.shopscale.registry.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The answer to a request without the registry's credentials, or with wrong ones: 401 with an HTTP Basic challenge
 * (a browser opening the dashboard asks for the user name and password) and an RFC 9457 problem body. Missing and
 * wrong credentials get the same answer, so a caller learns nothing but "no".
 */
final class BasicChallenge implements AuthenticationEntryPoint {

	static final String CHALLENGE = "Basic realm=\"ShopScale registry\", charset=\"UTF-8\"";

	private final JsonMapper json;

	BasicChallenge(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), new Problem("about:blank", "Unauthorized", 401,
				"The registry needs HTTP Basic credentials: its user name and the platform's registry password "
						+ "(SHOPSCALE_REGISTRY_PASSWORD; ./shopscale keeps it in <state>/secrets/registry-password).",
				request.getRequestURI()));
	}

	/** RFC 9457's members; nothing about the request beyond its path. */
	record Problem(String type, String title, int status, String detail, String instance) {
	}

}
