package com.mailtrail.mail.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadsTests {

	@Test
	void keepsOnlyTheLastPathSegment() {
		assertThat(Downloads.safeFilename("../../etc/passwd", "x")).isEqualTo("passwd");
		assertThat(Downloads.safeFilename("C:\\Users\\pat\\quote.pdf", "x")).isEqualTo("quote.pdf");
	}

	@Test
	void dropsControlAndDirectionCharactersAndLeadingDots() {
		assertThat(Downloads.safeFilename("in\r\nvoice\u0000.pdf", "x")).isEqualTo("invoice.pdf");
		assertThat(Downloads.safeFilename("report\u202Efdp.exe", "x")).isEqualTo("reportfdp.exe");
		assertThat(Downloads.safeFilename(".htaccess", "x")).isEqualTo("htaccess");
	}

	@Test
	void fallsBackWhenNothingIsLeft() {
		assertThat(Downloads.safeFilename(null, "attachment")).isEqualTo("attachment");
		assertThat(Downloads.safeFilename(" / ", "attachment")).isEqualTo("attachment");
		assertThat(Downloads.safeFilename("...", "attachment")).isEqualTo("attachment");
	}

	@Test
	void encodesAnyNameSoItCannotBreakTheHeader() {
		assertThat(Downloads.contentDisposition("Angebot für \"Globex\"; size=1.pdf")).isEqualTo(
				"attachment; filename=\"Angebot f_r _Globex_; size=1.pdf\"; "
						+ "filename*=UTF-8''Angebot%20f%C3%BCr%20%22Globex%22%3B%20size%3D1.pdf");
		assertThat(Downloads.contentDisposition("日本.txt")).isEqualTo(
				"attachment; filename=\"__.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt");
	}

	@Test
	void onlyRasterImagesKeepTheirType() {
		assertThat(Downloads.attachmentType("image/PNG; name=a.png")).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(Downloads.attachmentType("text/html")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
		assertThat(Downloads.attachmentType("image/svg+xml")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
		assertThat(Downloads.attachmentType("application/pdf")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
		assertThat(Downloads.attachmentType(null)).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
	}

}
