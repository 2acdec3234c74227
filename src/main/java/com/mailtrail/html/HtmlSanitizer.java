package com.mailtrail.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import org.springframework.stereotype.Component;

/**
 * Turns untrusted HTML (a received email, a signature) into markup with formatting only: no script, no active
 * content, no forms, no styles that load or run anything, and links that can only go to the web or to a mail
 * address. There is one {@link Safelist}, here, so that every caller gets the same rules. Stateless and thread-safe;
 * usable as a bean or with {@code new}.
 */
@Component
public final class HtmlSanitizer {

	private static final Safelist SAFELIST = new EmailSafelist();

	/** CSS functions that only compute values; any other function (url, image-set, expression, ...) may fetch or run. */
	private static final Set<String> CSS_FUNCTIONS = Set.of("rgb", "rgba", "hsl", "hsla", "calc", "min", "max",
			"clamp", "var");

	private static final Pattern CSS_FUNCTION = Pattern.compile("([a-z0-9_-]*)\\s*\\(");

	/** Words that mean "load or run something" in some browser's CSS, old ones included. */
	private static final List<String> CSS_FORBIDDEN = List.of("expression", "url(", "behavior", "behaviour",
			"-moz-binding", "@import", "javascript", "vbscript", "image-set", "\\", "/*", "*/", "<", ">");

	/** Raster images only: an SVG document is a script host, and no other data: type belongs in an img. */
	private static final Pattern DATA_IMAGE = Pattern.compile("^data:image/(png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\\s]*$",
			Pattern.CASE_INSENSITIVE);

	/** Sanitises a fragment and returns the body markup. Images keep their http(s), cid: or data: image sources. */
	public String sanitize(String html) {
		return sanitize(html, UnaryOperator.identity());
	}

	/**
	 * Sanitises a fragment, then lets the caller rewrite each remaining image source (e.g. cid: to a download URL);
	 * an answer of {@code null} removes the source.
	 */
	public String sanitize(String html, UnaryOperator<String> imageSource) {
		return clean(html, imageSource).body().html();
	}

	/**
	 * A complete, standalone HTML document for the sanitised fragment, for serving on its own (in a sandboxed frame).
	 * It never sends a referrer and sets its own modest typography, since the frame gets none of the app's CSS.
	 */
	public String sanitizeDocument(String html, UnaryOperator<String> imageSource) {
		Document clean = clean(html, imageSource);
		Document document = Document.createShell("");
		document.head().appendElement("meta").attr("charset", "utf-8");
		document.head().appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
		document.head().appendElement("title").text("Message body");
		document.head()
			.appendElement("style")
			.appendText("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:14px;"
					+ "line-height:1.45;margin:0;padding:12px;overflow-wrap:anywhere;color:#1f2a37;background:#fff}"
					+ "img{max-width:100%;height:auto}pre{white-space:pre-wrap}table{max-width:100%}");
		for (var child : new ArrayList<>(clean.body().childNodes())) {
			document.body().appendChild(child);
		}
		document.outputSettings(outputSettings());
		return "<!DOCTYPE html>\n" + document.outerHtml();
	}

	private static Document clean(String html, UnaryOperator<String> imageSource) {
		// A whole document: what its head holds (title, styles, meta) is never content, and is dropped with it.
		Document dirty = Jsoup.parse(html == null ? "" : html, "");
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		for (Element img : clean.select("img[src]")) {
			String rewritten = imageSource.apply(img.attr("src"));
			if (rewritten == null || rewritten.isBlank()) {
				img.removeAttr("src");
			}
			else {
				img.attr("src", rewritten);
			}
		}
		clean.outputSettings(outputSettings());
		return clean;
	}

	private static Document.OutputSettings outputSettings() {
		return new Document.OutputSettings().prettyPrint(false)
			.charset("UTF-8")
			.escapeMode(Entities.EscapeMode.base);
	}

	/** Keeps the declarations of an inline style that only set values; null when none is left. */
	static String filterStyle(String style) {
		List<String> kept = new ArrayList<>();
		for (String declaration : style.split(";")) {
			String d = declaration.trim();
			if (!d.isEmpty() && d.contains(":") && safeDeclaration(d.toLowerCase(Locale.ROOT))) {
				kept.add(d);
			}
		}
		String result = String.join("; ", kept);
		// Whatever the split did with quotes, the whole must pass the same test as each part.
		return result.isEmpty() || !safeDeclaration(result.toLowerCase(Locale.ROOT)) ? null : result;
	}

	private static boolean safeDeclaration(String d) {
		for (int i = 0; i < d.length(); i++) {
			if (Character.isISOControl(d.charAt(i))) {
				return false;
			}
		}
		for (String forbidden : CSS_FORBIDDEN) {
			if (d.contains(forbidden)) {
				return false;
			}
		}
		Matcher function = CSS_FUNCTION.matcher(d);
		while (function.find()) {
			if (!CSS_FUNCTIONS.contains(function.group(1))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Formatting, tables, lists, links and images; on top of tag, attribute and protocol checks, inline styles are
	 * filtered and data: sources must be raster images.
	 */
	private static final class EmailSafelist extends Safelist {

		EmailSafelist() {
			addTags("a", "abbr", "address", "b", "bdi", "bdo", "big", "blockquote", "br", "caption", "center", "cite",
					"code", "col", "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
					"font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
					"pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
					"tfoot", "th", "thead", "tr", "tt", "u", "ul", "wbr");
			addAttributes(":all", "style", "title", "dir", "lang", "align", "class");
			// data-mailtrail-notrack: the marker of a link that open and click tracking leaves alone (see tracking's
			// TrackingHtmlRewriter); composed HTML passes here before the rewriter sees it, so it must survive.
			addAttributes("a", "href", "data-mailtrail-notrack");
			addAttributes("img", "src", "alt", "width", "height", "border", "hspace", "vspace");
			addAttributes("table", "width", "border", "cellpadding", "cellspacing", "bgcolor", "summary");
			addAttributes("td", "width", "height", "colspan", "rowspan", "valign", "bgcolor", "nowrap");
			addAttributes("th", "width", "height", "colspan", "rowspan", "valign", "bgcolor", "scope", "nowrap");
			addAttributes("tr", "valign", "bgcolor");
			addAttributes("col", "span", "width");
			addAttributes("colgroup", "span", "width");
			addAttributes("font", "color", "face", "size");
			addAttributes("ol", "start", "type");
			addAttributes("ul", "type");
			addAttributes("li", "value");
			addAttributes("blockquote", "cite");
			addAttributes("q", "cite");
			addAttributes("hr", "width", "size", "noshade");
			// "#" keeps in-page anchors (#top), which jsoup otherwise drops as relative links.
			addProtocols("a", "href", "http", "https", "mailto", "tel", "#");
			addProtocols("blockquote", "cite", "http", "https");
			addProtocols("q", "cite", "http", "https");
			addProtocols("img", "src", "http", "https", "cid", "data");
			addEnforcedAttribute("a", "rel", "noopener noreferrer");
			addEnforcedAttribute("a", "target", "_blank");
			preserveRelativeLinks(false);
		}

		@Override
		public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
			if (!super.isSafeAttribute(tagName, el, attr)) {
				return false;
			}
			String key = attr.getKey().toLowerCase(Locale.ROOT);
			if (key.equals("style")) {
				String filtered = filterStyle(attr.getValue());
				if (filtered == null) {
					return false;
				}
				attr.setValue(filtered);
				return true;
			}
			if (tagName.equals("img") && key.equals("src")) {
				String src = attr.getValue().trim();
				return !src.regionMatches(true, 0, "data:", 0, 5) || DATA_IMAGE.matcher(src).matches();
			}
			return true;
		}

	}

}
