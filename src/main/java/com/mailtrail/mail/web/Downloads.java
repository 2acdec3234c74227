package com.mailtrail.mail.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Headers for bytes a sender controls. They are always downloads, never rendered as pages: the name is the
 * sender's only as far as it is a harmless file name, and only raster images keep their type (so that they can show
 * in the message frame); everything else, HTML and SVG included, is an octet stream.
 */
final class Downloads {

	private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
			"image/bmp");

	/** Nothing a downloaded file could run, even if a browser were talked into rendering it. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

	private Downloads() {
	}

	static HttpHeaders headers(String filename, MediaType type, long length) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		headers.setContentLength(length);
		headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(safeFilename(filename, "attachment")));
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		return headers;
	}

	static MediaType attachmentType(String contentType) {
		String base = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		return IMAGE_TYPES.contains(base) ? MediaType.parseMediaType(base) : MediaType.APPLICATION_OCTET_STREAM;
	}

	/**
	 * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>} (RFC 6266, RFC 5987): every
	 * octet outside the few safe characters is encoded, so no name can end the header or add a parameter.
	 */
	static String contentDisposition(String filename) {
		StringBuilder fallback = new StringBuilder();
		filename.codePoints()
			.map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '%' ? '_' : c)
			.forEach(fallback::appendCodePoint);
		StringBuilder encoded = new StringBuilder();
		for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}

	/**
	 * The last path segment, without control characters or characters file systems refuse, at most 150 characters;
	 * the fallback when nothing is left. the header then carries it percent-encoded, so any name is safe in the
	 * header.
	 */
	static String safeFilename(String name, String fallback) {
		String n = name == null ? "" : name;
		n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		n.codePoints()
			.filter(c -> !Character.isISOControl(c) && "<>:\"|?*".indexOf(c) < 0 && Character.isDefined(c)
					&& Character.getType(c) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		if (result.codePointCount(0, result.length()) > 150) {
			result = result.substring(0, result.offsetByCodePoints(0, 150));
		}
		return result.isBlank() ? fallback : result;
	}

}
