package com.mailtrail.templates;

import java.util.Map;

import com.mailtrail.html.HtmlSanitizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template language on its own: parsing, the whitelist, escaping and what injection attempts get. */
class TemplateContentTests {

	private final TemplateContent content = new TemplateContent(new HtmlSanitizer());

	private static final Map<String, String> VALUES = Map.of("contact.first_name", "Zoë", "deal.title",
			"Renewal <b>2027</b> & more", "user.name", "Alice \"Al\" Anders");

	@Test
	void attributesAreFilledAndFallbacksUsedForMissingOrBlankValues() {
		String body = this.content.cleanBody(
				"<p>Hi {{contact.first_name}}, about {{ deal.title }} from {{contact.last_name | default: \"your team\"}}"
						+ "{{contact.phone}}.</p>",
				TemplateRecordType.DEAL);
		assertThat(this.content.renderBody(body, VALUES))
			.isEqualTo("<p>Hi Zoë, about Renewal &lt;b&gt;2027&lt;/b&gt; &amp; more from your team.</p>");
		assertThat(this.content.renderBody(body, Map.of("contact.last_name", "  ")))
			.as("a blank value renders the fallback, a missing one without fallback nothing")
			.isEqualTo("<p>Hi , about  from your team.</p>");
	}

	@Test
	void singleQuotedFallbacksAndFallbacksHoldingBracesOrMarkupStayText() {
		String body = this.content.cleanBody(
				"<p>{{contact.first_name | default: '&lt;i&gt;friend&lt;/i&gt; }}'}} / {{contact.company|default:\"{{7*7}}\"}}</p>",
				TemplateRecordType.CONTACT);
		assertThat(this.content.renderBody(body, Map.of()))
			.isEqualTo("<p>&lt;i&gt;friend&lt;/i&gt; }} / {{7*7}}</p>");
	}

	@Test
	void internationalTextSurvivesInTemplateValuesAndFallbacks() {
		String body = this.content.cleanBody(
				"<p>Guten Tag {{contact.first_name | default: \"Kundin\"}} — 你好 {{contact.last_name | default: \"朋友\"}} 🎉</p>",
				TemplateRecordType.CONTACT);
		assertThat(this.content.renderBody(body, Map.of("contact.first_name", "Łukasz Şahin")))
			.isEqualTo("<p>Guten Tag Łukasz Şahin — 你好 朋友 🎉</p>");
		assertThat(this.content.renderSubject(
				this.content.cleanSubject("Angebot für {{contact.first_name}} – Ümlaut", TemplateRecordType.CONTACT),
				Map.of("contact.first_name", "Ærøskøbing")))
			.isEqualTo("Angebot für Ærøskøbing – Ümlaut");
	}

	@Test
	void subjectIsOneLineWhateverTheValuesHold() {
		String subject = this.content.cleanSubject("Hello\r\n{{contact.first_name}}\tBcc: x@evil.test",
				TemplateRecordType.CONTACT);
		assertThat(subject).doesNotContain("\r", "\n", "\t");
		assertThat(this.content.renderSubject(subject,
				Map.of("contact.first_name", "Pat\r\nBcc: victim@evil.test\u2028\u0085 <b>x</b>")))
			.isEqualTo("Hello Pat Bcc: victim@evil.test <b>x</b> Bcc: x@evil.test")
			.doesNotContain("\r", "\n");
	}

	@Test
	void unknownAttributesAreRefusedWithTheirName() {
		assertThatThrownBy(() -> this.content.cleanBody("<p>{{contact.favourite_colour}}</p>", TemplateRecordType.CONTACT))
			.isInstanceOf(InvalidTemplateException.class)
			.hasMessageContaining("{{contact.favourite_colour}}");
		assertThatThrownBy(() -> this.content.cleanSubject("About {{deal.title}}", TemplateRecordType.CONTACT))
			.as("a deal attribute in a contact template")
			.isInstanceOf(InvalidTemplateException.class)
			.hasMessageContaining("deal.title")
			.hasMessageContaining("Contact templates");
		assertThatThrownBy(() -> this.content.cleanSubject("{{contact.first_name | upcase}}", TemplateRecordType.CONTACT))
			.isInstanceOf(InvalidTemplateException.class)
			.hasMessageContaining("only a fallback");
		assertThatThrownBy(() -> this.content.cleanBody("<p>Hi {{contact.first_name</p>", TemplateRecordType.CONTACT))
			.isInstanceOf(InvalidTemplateException.class)
			.hasMessageContaining("not closed");
		assertThatThrownBy(() -> this.content.cleanBody("<p>Hi {{contact.<b>first_name</b>}}</p>",
				TemplateRecordType.CONTACT))
			.as("an attribute split by formatting")
			.isInstanceOf(InvalidTemplateException.class);
	}

	/** Every syntax a reviewer would try: Mustache, Liquid, Handlebars, SpEL, Thymeleaf, JSP EL, Jinja. */
	@ParameterizedTest
	@ValueSource(strings = { "{{7*7}}", "{{> partial}}", "{{#contact}}x{{/contact}}", "{{^contact}}x{{/contact}}",
			"{{contact.getClass}}", "{{contact.class.forName}}", "{{{contact.first_name}}}", "{{&contact.first_name}}",
			"{{=<% %>=}}", "{{ contact.first_name | default: \"x\" | upcase }}", "{{'a'.concat('b')}}",
			"{{constructor.constructor('alert(1)')()}}", "{{T(java.lang.Runtime).getRuntime()}}",
			"{% include 'secrets' %}", "{%raw%}x{%endraw%}", "{{ user.password_hash }}", "{{company.id}}",
			"{{__proto__}}", "{{contact}}", "{{ }}" })
	void injectionAttemptsInAttributeSyntaxAreRefusedOnSave(String attempt) {
		assertThatThrownBy(() -> this.content.cleanBody("<p>Hi " + attempt + "</p>", TemplateRecordType.ACTIVITY))
			.isInstanceOf(InvalidTemplateException.class);
		assertThatThrownBy(() -> this.content.cleanSubject("Hi " + attempt, TemplateRecordType.ACTIVITY))
			.isInstanceOf(InvalidTemplateException.class);
	}

	/** Other engines' syntaxes are not ours: they are plain text and stay exactly that, escaped. */
	@ParameterizedTest
	@ValueSource(strings = { "${7*7}", "#{7*7}", "*{T(java.lang.Runtime).getRuntime().exec('id')}",
			"[[${7*7}]]", "[(${7*7})]", "__${7*7}__", "<%= 7*7 %>", "@{/x}", "~{fragments/layout :: flash}" })
	void otherTemplateSyntaxesAreLiteralText(String attempt) {
		String body = this.content.cleanBody("<p>" + attempt + "</p>", TemplateRecordType.CONTACT);
		String rendered = this.content.renderBody(body, Map.of());
		assertThat(org.jsoup.Jsoup.parseBodyFragment(rendered).text()).isEqualTo(attempt);
		assertThat(this.content.renderSubject(this.content.cleanSubject(attempt, TemplateRecordType.CONTACT), Map.of()))
			.isEqualTo(attempt);
	}

	@Test
	void entityEncodedBracesCannotSmuggleAnAttributePastTheCheck() {
		assertThatThrownBy(() -> this.content.cleanBody("<p>&#123;&#123;7*7&#125;&#125;</p>", TemplateRecordType.CONTACT))
			.isInstanceOf(InvalidTemplateException.class)
			.hasMessageContaining("7*7");
	}

	@Test
	void scriptIsRemovedOnSaveAndAttributesCannotSitInMarkup() {
		String body = this.content.cleanBody("<p onclick=\"x()\">Hi</p><script>alert(1)</script><img src=x onerror=alert(2)>",
				TemplateRecordType.CONTACT);
		assertThat(body).doesNotContain("script", "onclick", "onerror", "alert");
		assertThatThrownBy(() -> this.content.cleanBody("<a href=\"https://x.test/{{contact.email}}\">x</a>",
				TemplateRecordType.CONTACT))
			.isInstanceOf(InvalidTemplateException.class)
			.hasMessageContaining("only be used in text");
	}

	@Test
	void valuesThatLookLikeMarkupOrAttributesAreNeverInterpreted() {
		String body = this.content.cleanBody("<p>{{contact.first_name}}</p>", TemplateRecordType.CONTACT);
		String rendered = this.content.renderBody(body,
				Map.of("contact.first_name", "<script>alert(1)</script><img src=x onerror=alert(2)> {{user.email}}"));
		assertThat(rendered).doesNotContain("<script", "<img")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; {{user.email}}");
	}

	@Test
	void dealValuesAreFormattedWithTheirCurrency() {
		assertThat(RecordValues.money(new java.math.BigDecimal("12500"), "USD")).isEqualTo("$12,500.00");
		assertThat(RecordValues.money(new java.math.BigDecimal("9900.5"), "EUR")).isEqualTo("€9,900.50");
		assertThat(RecordValues.money(new java.math.BigDecimal("1200000"), "JPY")).isEqualTo("¥1,200,000");
		assertThat(RecordValues.money(new java.math.BigDecimal("10"), "XYZ")).isEqualTo("XYZ 10");
		assertThat(RecordValues.money(null, "USD")).isNull();
	}

}
