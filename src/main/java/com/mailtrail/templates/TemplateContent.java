package com.mailtrail.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.mailtrail.html.HtmlSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import org.springframework.stereotype.Component;

/**
 * Where the template language meets HTML and mail headers. Attributes in the body are only recognised in text:
 * the body is parsed as HTML and each text node is filled on its own, so a value becomes text content (escaped by
 * the serializer) and can never open a tag or an attribute. The result is sanitised again all the same. In the
 * subject every line break or control character, from the template or from a value, becomes a space, so no header
 * can be injected.
 */
@Component
class TemplateContent {

	static final int MAX_SUBJECT = 300;

	static final int MAX_BODY = 100_000;

	private final HtmlSanitizer sanitizer;

	TemplateContent(HtmlSanitizer sanitizer) {
		this.sanitizer = sanitizer;
	}

	/** The subject as it will be stored: one line, attributes checked against the record type's whitelist. */
	String cleanSubject(String subject, TemplateRecordType type) {
		String line = oneLine(subject == null ? "" : subject).strip();
		if (line.isEmpty()) {
			throw new InvalidTemplateException("subject", "Enter a subject.");
		}
		if (line.length() > MAX_SUBJECT) {
			throw new InvalidTemplateException("subject",
					"The subject is too long; keep it under " + MAX_SUBJECT + " characters.");
		}
		requireKnown(TemplateSyntax.attributes(line, "subject"), type, "subject");
		return line;
	}

	/** The body as it will be stored: sanitised HTML whose attributes are all in text and all whitelisted. */
	String cleanBody(String html, TemplateRecordType type) {
		String raw = html == null ? "" : html;
		if (raw.length() > MAX_BODY) {
			throw new InvalidTemplateException("body", "The body is too long; keep it under " + MAX_BODY
					+ " characters of HTML.");
		}
		String clean = this.sanitizer.sanitize(raw).strip();
		Document document = parse(clean);
		for (Element element : document.body().getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				if (attribute.getValue().contains("{{") || attribute.getValue().contains("{%")) {
					throw new InvalidTemplateException("body",
							"Attributes can only be used in text, not inside a link address or an image.");
				}
			}
		}
		List<TemplateSyntax.Attribute> used = new ArrayList<>();
		for (TextNode text : textNodes(document)) {
			used.addAll(TemplateSyntax.attributes(text.getWholeText(), "body"));
		}
		requireKnown(used, type, "body");
		return clean;
	}

	String renderSubject(String subject, Map<String, String> values) {
		return TemplateSyntax.render(TemplateSyntax.parse(subject, "subject"), values, TemplateContent::oneLine)
			.replaceAll(" {2,}", " ")
			.strip();
	}

	String renderBody(String storedHtml, Map<String, String> values) {
		Document document = parse(storedHtml);
		for (TextNode text : textNodes(document)) {
			// Values go in as text; the serializer escapes <, > and & when the document is written out.
			text.text(TemplateSyntax.render(TemplateSyntax.parse(text.getWholeText(), "body"), values,
					UnaryOperator.identity()));
		}
		return this.sanitizer.sanitize(document.body().html());
	}

	private void requireKnown(List<TemplateSyntax.Attribute> attributes, TemplateRecordType type, String field) {
		for (TemplateSyntax.Attribute attribute : attributes) {
			if (!TemplateAttributes.allowed(type, attribute.key())) {
				throw new InvalidTemplateException(field, "Unknown attribute " + attribute.source() + ": "
						+ type.label() + " templates cannot use \""
						+ attribute.key() + "\". Pick attributes from the list.");
			}
		}
	}

	/** Line breaks, tabs and every other control or separator character become a space. */
	static String oneLine(String value) {
		return value.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u0085]", " ");
	}

	private static Document parse(String html) {
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		return document;
	}

	private static List<TextNode> textNodes(Document document) {
		List<TextNode> texts = new ArrayList<>();
		document.body().traverse((node, depth) -> {
			if (node instanceof TextNode text) {
				texts.add(text);
			}
		});
		return texts;
	}

}
