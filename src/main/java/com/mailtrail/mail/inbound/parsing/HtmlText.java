package com.mailtrail.mail.inbound.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from an HTML body, keeping the line structure that forwarded-header blocks depend on (jsoup's own
 * {@code text()} joins everything onto one line).
 */
final class HtmlText {

	private HtmlText() {
	}

	static String toText(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document document = Jsoup.parse(html);
		document.select("script, style, head, title").remove();
		StringBuilder out = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					String words = text.getWholeText().replace('\u00A0', ' ').replaceAll("[\\r\\n\\t ]+", " ");
					if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
						// Markup indentation between rows must not become blank lines: they end header blocks.
						words = words.stripLeading();
					}
					out.append(words);
				}
				else if (node instanceof Element element && (element.nameIs("br") || isBlock(element))) {
					newLine(out);
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && isBlock(element)) {
					newLine(out);
				}
			}

		}, document.body());
		return out.toString().replaceAll("(?m)^ +| +$", "").replaceAll("\\n{3,}", "\n\n").strip();
	}

	private static boolean isBlock(Element element) {
		return switch (element.normalName()) {
			case "p", "div", "tr", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr", "pre",
					"ul", "ol", "dl", "dt", "dd", "address", "section", "article", "header", "footer" ->
				true;
			default -> false;
		};
	}

	private static void newLine(StringBuilder out) {
		if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
			out.append('\n');
		}
	}

}
