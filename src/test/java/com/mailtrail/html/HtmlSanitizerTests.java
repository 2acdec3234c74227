package com.mailtrail.html;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTests {

	private final HtmlSanitizer sanitizer = new HtmlSanitizer();

	private String clean(String html) {
		return this.sanitizer.sanitize(html);
	}

	@Test
	void keepsFormattingTablesListsAndText() {
		String html = "<p><b>Bold</b> <i>it</i> <u>u</u></p><table><tr><td colspan=\"2\">cell</td></tr></table>"
				+ "<ul><li>one</li></ul><blockquote>quoted</blockquote>";
		assertThat(clean(html)).contains("<b>Bold</b>", "<i>it</i>", "<td colspan=\"2\">cell</td>", "<li>one</li>",
				"<blockquote>quoted</blockquote>");
	}

	@Test
	void removesScriptElementsAndTheirContent() {
		String out = clean("<p>Hi</p><script>alert('x')</script><SCRIPT src=//evil.example/x.js></SCRIPT>");
		assertThat(out).isEqualTo("<p>Hi</p>");
	}

	@Test
	void removesEventHandlerAttributes() {
		String out = clean("<img src=\"https://ex.example/a.png\" onerror=\"alert(1)\"><p onclick=alert(1) "
				+ "ONMOUSEOVER='x()'>t</p><body onload=alert(1)>");
		assertThat(out.toLowerCase()).doesNotContain("onerror", "onclick", "onmouseover", "onload", "alert");
		assertThat(out).contains("<img src=\"https://ex.example/a.png\">");
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
			"jav&#x61;script:alert(1)", "jav&#97;script:alert(1)", "java\tscript:alert(1)", "java&#x09;script:alert(1)",
			"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)", "vbscript:msgbox(1)",
			"VBScript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "file:///etc/passwd",
			"/relative/path", "//evil.example/protocol-relative" })
	void dropsLinksThatAreNotWebOrMail(String href) {
		String out = clean("<a href=\"" + href + "\">link</a>");
		assertThat(out).doesNotContain("href").contains(">link</a>");
		assertThat(out.toLowerCase()).doesNotContain("script:", "data:", "file:");
	}

	@Test
	void keepsWebAndMailLinksAndOpensThemApartWithoutReferrer() {
		assertThat(clean("<a href=\"https://example.com/a?b=1&amp;c=2\">x</a>")).isEqualTo(
				"<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer\" target=\"_blank\">x</a>");
		assertThat(clean("<a href=\"MAILTO:pat@example.com\" target=\"_self\" rel=\"opener\">x</a>"))
			.containsIgnoringCase("href=\"mailto:pat@example.com\"")
			.contains( "rel=\"noopener noreferrer\"", "target=\"_blank\"")
			.doesNotContain("_self", "\"opener\"");
	}

	@Test
	void keepsPhoneLinksInPageAnchorsAndTheMarkerOfUntrackedLinks() {
		assertThat(clean("<a href=\"tel:+15550100\">call</a>")).contains("href=\"tel:+15550100\"");
		assertThat(clean("<a href=\"#pricing\">see pricing</a>")).contains("href=\"#pricing\"");
		assertThat(clean("<a href=\"https://example.com/unsubscribe\" data-mailtrail-notrack>stop</a>"))
			.contains("href=\"https://example.com/unsubscribe\"", "data-mailtrail-notrack");
		assertThat(clean("<a href=\"https://example.com\" data-other=\"x\">x</a>")).doesNotContain("data-other");
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
			"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+", "DATA:text/plain,hello", "ftp://x.example/a.png",
			"/local.png", "jav&#x61;script:alert(1)" })
	void dropsImageSourcesThatAreNotWebCidOrRasterData(String src) {
		String out = clean("<img src=\"" + src + "\" alt=\"a\">");
		assertThat(out).isEqualTo("<img alt=\"a\">");
	}

	@Test
	void keepsWebCidAndRasterDataImages() {
		assertThat(clean("<img src=\"https://ex.example/a.png\">")).contains("src=\"https://ex.example/a.png\"");
		assertThat(clean("<img src=\"cid:logo@acme\">")).contains("src=\"cid:logo@acme\"");
		assertThat(clean("<img src=\"data:image/png;base64,iVBORw0KGgo=\">"))
			.contains("src=\"data:image/png;base64,iVBORw0KGgo=\"");
	}

	@Test
	void letsTheCallerRewriteImageSourcesAfterCleaning() {
		UnaryOperator<String> cid = src -> src.equals("cid:logo@acme") ? "/emails/1/attachments/2" : null;
		String out = this.sanitizer.sanitize("<img src=\"cid:logo@acme\"><img src=\"cid:unknown\">", cid);
		assertThat(out).isEqualTo("<img src=\"/emails/1/attachments/2\"><img>");
	}

	@Test
	void keepsHarmlessInlineStyles() {
		assertThat(clean("<p style=\"color: red; font-family: 'Curlz MT', Arial; margin: calc(1px + 2px)\">x</p>"))
			.contains("style=\"color: red; font-family: 'Curlz MT', Arial; margin: calc(1px + 2px)\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "width: expression(alert(1))", "background: url(javascript:alert(1))",
			"background-image: URL('https://tracker.example/p.gif')", "behavior: url(x.htc)", "-moz-binding: url(x.xml#x)",
			"@import 'https://evil.example/x.css'", "background: u\\72l(javascript:alert(1))",
			"width: exp/**/ression(alert(1))", "background: image-set('x.png' 1x)", "x: \\65xpression(alert(1))",
			"background:url (x)", "color: red; background: url(https://t.example/x)" })
	void removesStylesThatLoadOrRunSomething(String style) {
		String out = clean("<div style=\"" + style.replace("\"", "&quot;") + "\">x</div>").toLowerCase();
		assertThat(out).doesNotContain("expression", "url", "behavior", "binding", "@import", "image-set", "\\");
	}

	@Test
	void keepsTheSafePartOfAMixedStyle() {
		assertThat(clean("<div style=\"color: red; background: url(https://t.example/x)\">x</div>"))
			.isEqualTo("<div style=\"color: red\">x</div>");
	}

	@Test
	void removesSvgAndMathWithTheirActiveParts() {
		String out = clean("<svg onload=\"alert(1)\"><use href=\"data:image/svg+xml;base64,PHN2Zz4=#x\"/>"
				+ "<script>alert(2)</script><a xlink:href=\"javascript:alert(3)\">svg link</a></svg>"
				+ "<math><mtext><a href=\"javascript:alert(4)\">m</a></mtext></math>");
		assertThat(out.toLowerCase()).doesNotContain("<svg", "<use", "onload", "alert", "<math", "xlink", "href");
	}

	@Test
	void removesFormsInputsAndButtons() {
		String out = clean("<form action=\"https://phish.example/steal\" method=\"post\"><input name=\"password\" "
				+ "type=\"password\"><button formaction=\"https://phish.example\">Log in</button>"
				+ "<select><option>a</option></select><textarea>t</textarea></form>");
		assertThat(out.toLowerCase()).doesNotContain("<form", "<input", "<button", "<select", "<textarea", "action",
				"phish");
	}

	@Test
	void removesMetaRefreshBaseLinkAndStyleElements() {
		String out = clean("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"
				+ "<base href=\"https://evil.example/\"><link rel=\"stylesheet\" href=\"https://evil.example/x.css\">"
				+ "<style>body{background:url(https://t.example/x)}</style><p>text</p>");
		assertThat(out).isEqualTo("<p>text</p>");
	}

	@Test
	void removesFramesObjectsAndEmbeds() {
		String out = clean("<iframe src=\"https://evil.example\"></iframe><object data=\"x.swf\"></object>"
				+ "<embed src=\"x.swf\"><frameset><frame src=\"x\"></frameset><applet code=\"x\"></applet><p>ok</p>");
		assertThat(out.toLowerCase()).doesNotContain("iframe", "object", "embed", "frame", "applet", "x.swf");
		assertThat(out).contains("<p>ok</p>");
	}

	@Test
	void neutralisesNestedAndBrokenMarkup() {
		String out = clean("<scr<script>ipt>alert(1)</scr</script>ipt><<img src=x onerror=alert(1)//>"
				+ "<p><a href=\"https://ok.example\"<script>alert(1)</script>>x</a></p><!--<script>alert(1)</script>-->"
				+ "<![CDATA[<script>alert(1)</script>]]><div><table><td><p>unclosed");
		assertThat(out.toLowerCase()).doesNotContain("<script", "onerror", "<!--", "cdata");
	}

	@Test
	void removesConditionalCommentsAndNoscript() {
		String out = clean("<!--[if IE]><script>alert(1)</script><![endif]--><noscript><p title=\"</noscript>"
				+ "<img src=x onerror=alert(1)>\"></p></noscript><template><script>alert(1)</script></template>");
		// what noscript held is now harmless, escaped attribute text
		assertThat(out.toLowerCase()).doesNotContain("<script", "<img", "<noscript", "<template", "<!--");
	}

	@Test
	void escapesTextSoItCannotBecomeMarkup() {
		assertThat(clean("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
			.isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
		assertThat(clean("<p title='\"><script>alert(1)</script>'>x</p>")).doesNotContain("<script");
	}

	@Test
	void aFullDocumentHasOnlyTheSanitisedBodyAndNoReferrer() {
		String doc = this.sanitizer.sanitizeDocument(
				"<html><head><script>alert(1)</script><meta http-equiv=refresh content=0></head><body onload=x()>"
						+ "<p>Hello</p></body></html>",
				UnaryOperator.identity());
		assertThat(doc).startsWith("<!DOCTYPE html>")
			.contains("<meta name=\"referrer\" content=\"no-referrer\">", "<p>Hello</p>")
			.doesNotContain("<script", "refresh", "onload");
	}

	@Test
	void theHeadOfADocumentNeverBecomesContent() {
		String out = clean("<html><head><title>Newsletter title</title><style>p{color:red}</style>"
				+ "<meta http-equiv=\"refresh\" content=\"0\"></head><body><p>Body text</p></body></html>");
		assertThat(out).isEqualTo("<p>Body text</p>");
	}

	@Test
	void nullAndEmptyInputGiveEmptyOutput() {
		assertThat(clean(null)).isEmpty();
		assertThat(clean("")).isEmpty();
	}

}
