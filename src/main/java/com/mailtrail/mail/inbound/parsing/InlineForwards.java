package com.mailtrail.mail.inbound.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the forwarded-header block that mail clients write into the body of an inline forward, and reads the
 * original sender, recipients, subject and date from it. This is text, not MIME: Gmail, Outlook (desktop, web and
 * new), Apple Mail, Thunderbird, Yahoo, HubSpot and Pine each write their own block, in the user's language.
 *
 * <p>
 * A block introduced by an explicit "forwarded" marker is a forward whatever the subject says. Blocks that replies
 * use as well (Outlook's "-----Original Message-----", a line of underscores, a bare From/Sent block, "On ...
 * wrote:") count only when the subject carries a forward prefix.
 */
final class InlineForwards {

	enum Field {

		FROM, TO, CC, SUBJECT, DATE, OTHER

	}

	/** Header labels as clients write them, lower-cased, by language: en, de, fr, es, it, pt, nl, ru, ja, others. */
	private static final Map<String, Field> LABELS = labels();

	/** Words in an explicit forward marker line, in the languages of the clients we know. */
	private static final Pattern FORWARD_MARKER = Pattern.compile("(?iu)^[-_=*\\s]*(?:"
			+ "forwarded message|forwarded e-?mail|begin forwarded message|weitergeleitete nachricht"
			+ "|anfang der weitergeleiteten nachricht|message transf[ée]r[ée]|d[ée]but du message r[ée]exp[ée]di[ée]"
			+ "|message r[ée]exp[ée]di[ée]|mensaje reenviado|inicio del mensaje reenviado|messaggio inoltrato"
			+ "|inizio messaggio inoltrato|mensagem encaminhada|in[íi]cio da mensagem reencaminhada"
			+ "|mensagem reencaminhada|doorgestuurd bericht|begin doorgestuurd bericht|перенаправленное сообщение"
			+ "|пересылаемое сообщение|пересланное сообщение|начало переадресованного сообщения|転送メッセージ"
			+ "|転送されたメッセージ|メッセージを転送|転送済みメッセージ|videresendt meddelelse|vidarebefordrat meddelande|wiadomość przekazana dalej"
			+ ")\\s*:?[-_=*\\s]*(.*)$");

	/** Markers that replies use too. */
	private static final Pattern AMBIGUOUS_MARKER = Pattern.compile("(?iu)^(?:-{2,}\\s*(?:original message"
			+ "|urspr[üu]ngliche nachricht|originalnachricht|message d'origine|mensaje original|messaggio originale"
			+ "|mensagem original|oorspronkelijk bericht|исходное сообщение|元のメッセージ)\\s*-{2,}|_{8,}|-{8,})\\s*$");

	private static final Pattern LABEL_LINE = Pattern
		.compile("^[*\\s]*([\\p{L}][\\p{L}\\p{M} .'\\-]{0,30}?)[*\\s]*[:：](?:\\*(?=\\s))?\\s*(.*)$");

	/** Yahoo flattens its block onto one line: "From: a <a@x>To: b <b@x>Cc: ...Sent: ...Subject: ...". */
	private static final Pattern GLUED_LABEL = Pattern.compile("(?<!\\p{L})(From|To|Cc|CC|Sent|Date|Subject)\\s?:");

	private static final Pattern ATTRIBUTION = Pattern.compile("(?iu)^(?:on|le|am|el|il|em|op|den|w dniu)\\s(.+?)\\s*"
			+ "(?:wrote|a écrit|schrieb|escribió|ha scritto|escreveu|schreef|skrev|napisał|написал)\\s*:\\s*$");

	private static final Pattern ANGLE_ADDRESS = Pattern.compile("\"?([^\"<>,]*?)\"?\\s*<([^<>\\s]+@[^<>\\s]+)>");

	private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+\\.[\\p{L}]{2,}");

	private static final Pattern QUOTE_PREFIX = Pattern.compile("^((?:>[ \\t]?)+)");

	private InlineForwards() {
	}

	/** The forwarded original quoted in the text, if the text holds a forward block. */
	static Optional<ForwardedMessage> find(String body, String outerSubject) {
		if (body == null || body.isBlank()) {
			return Optional.empty();
		}
		List<String> lines = unglue(normalise(body).split("\n", -1));
		boolean subjectSaysForward = Subjects.isForward(outerSubject);
		for (int i = 0; i < lines.size(); i++) {
			String quote = quotePrefix(lines.get(i));
			String line = lines.get(i).substring(quote.length()).strip();
			if (line.isEmpty()) {
				continue;
			}
			Optional<ForwardedMessage> found = Optional.empty();
			Matcher explicit = FORWARD_MARKER.matcher(line);
			if (explicit.matches() && (explicit.group(1).isBlank() || fieldOf(explicit.group(1).strip()) != null)) {
				found = block(lines, explicit.group(1).isBlank() ? i + 1 : i, quote, i, outerSubject,
						!explicit.group(1).isBlank());
			}
			else if (subjectSaysForward && AMBIGUOUS_MARKER.matcher(line).matches()) {
				found = block(lines, i + 1, quote, i, outerSubject, false);
			}
			else if (subjectSaysForward && fieldOf(line) == Field.FROM) {
				found = block(lines, i, quote, i, outerSubject, false);
			}
			else if (subjectSaysForward) {
				found = attribution(lines, i, quote, outerSubject);
			}
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** Reads the header block starting at {@code start} (after at most two blank lines). */
	private static Optional<ForwardedMessage> block(List<String> lines, int start, String quote, int markerLine,
			String outerSubject, boolean markerLineHoldsBlock) {
		int i = start;
		int blanks = 0;
		while (i < lines.size() && unquote(lines.get(i), quote).isBlank() && blanks < 2 && !markerLineHoldsBlock) {
			i++;
			blanks++;
		}
		String from = null;
		String to = null;
		String cc = null;
		String subject = null;
		String date = null;
		Field last = null;
		int fields = 0;
		for (; i < lines.size(); i++) {
			String line = unquote(lines.get(i), quote).strip();
			if (i == markerLine && markerLineHoldsBlock) {
				Matcher explicit = FORWARD_MARKER.matcher(line);
				line = explicit.matches() ? explicit.group(1) : line;
			}
			if (line.isEmpty()) {
				break;
			}
			Matcher labelled = LABEL_LINE.matcher(line);
			Field field = labelled.matches() ? LABELS.get(normaliseLabel(labelled.group(1))) : null;
			if (field == null && labelled.matches() && fields > 0 && looksLikeHeaderName(labelled.group(1))) {
				field = Field.OTHER;
			}
			if (field == null) {
				if ((last == Field.TO || last == Field.CC || last == Field.FROM) && line.contains("@")) {
					if (last == Field.TO) {
						to = to + ", " + line;
					}
					else if (last == Field.CC) {
						cc = cc + ", " + line;
					}
					continue;
				}
				break;
			}
			String value = labelled.group(2).strip();
			switch (field) {
				case FROM -> from = (from == null) ? value : from;
				case TO -> to = (to == null) ? value : to;
				case CC -> cc = (cc == null) ? value : cc;
				case SUBJECT -> subject = (subject == null) ? value : subject;
				case DATE -> date = (date == null) ? value : date;
				default -> {
				}
			}
			if (field != Field.OTHER) {
				fields++;
			}
			last = field;
		}
		if (from == null || fields < 2) {
			return Optional.empty();
		}
		List<EmailParticipant> sender = participants(from);
		if (sender.isEmpty()) {
			return Optional.empty();
		}
		String originalSubject = (subject == null) ? Subjects.stripPrefixes(outerSubject) : subject;
		return Optional.of(new ForwardedMessage(ForwardedMessage.Kind.INLINE, sender.get(0), participants(to),
				participants(cc), originalSubject, date, MailDates.parseWritten(date), note(lines, markerLine), null));
	}

	/** Outlook 2019 forwards with a reply-style 'On 28/10/2021 12:46, "John Doe" <john@x> wrote:' line. */
	private static Optional<ForwardedMessage> attribution(List<String> lines, int i, String quote,
			String outerSubject) {
		String line = unquote(lines.get(i), quote).strip();
		Matcher matcher = ATTRIBUTION.matcher(line);
		if (!matcher.matches() && i + 1 < lines.size()) {
			matcher = ATTRIBUTION.matcher(line + " " + unquote(lines.get(i + 1), quote).strip());
		}
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String inner = matcher.group(1);
		Matcher angle = ANGLE_ADDRESS.matcher(inner);
		EmailParticipant from = null;
		String date = inner;
		if (angle.find()) {
			String name = angle.group(1).strip();
			from = new EmailParticipant(nameAfterDate(name), angle.group(2));
			date = inner.substring(0, angle.start()).strip();
		}
		else {
			Matcher bare = BARE_ADDRESS.matcher(inner);
			if (bare.find()) {
				from = new EmailParticipant(null, bare.group());
				date = inner.substring(0, bare.start()).strip();
			}
		}
		if (from == null) {
			return Optional.empty();
		}
		date = date.replaceAll("[,\\s]+$", "");
		return Optional.of(new ForwardedMessage(ForwardedMessage.Kind.INLINE, from, List.of(), List.of(),
				Subjects.stripPrefixes(outerSubject), date, MailDates.parseWritten(date), note(lines, i), null));
	}

	/** In 'On Wed, Oct 27, 2021 at 9:31 AM John Doe <...>' the name follows the time. */
	private static String nameAfterDate(String text) {
		Matcher time = Pattern.compile("(?i)(?:\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:am|pm)?|,)\\s*").matcher(text);
		int end = 0;
		while (time.find()) {
			end = time.end();
		}
		String name = text.substring(end).replace("\"", "").strip();
		return name.isEmpty() ? null : name;
	}

	/**
	 * Addresses as clients print them: Outlook web repeats each address as a {@code <mailto:...>} link, Outlook
	 * desktop writes {@code Name [mailto:addr]}, Gmail's plain text {@code *Name*}, and delegates appear as "X on
	 * behalf of Y".
	 */
	private static List<EmailParticipant> participants(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		String cleaned = value.replaceAll("\\*([^*<>@]+)\\*", "$1") // Gmail's plain text marks names in bold: *Name*
			.replaceAll("(?i)<mailto:[^>]*>", "")
			.replaceAll("(?i)\\s*\\[mailto:([^\\]]*)\\]", " <$1>")
			.replaceAll("(?iu)\\s+(?:on behalf of|im auftrag von|de la part de|en nombre de|per conto di)\\s.*$", "")
			.replace(';', ',');
		return Addresses.parse(cleaned);
	}

	private static String note(List<String> lines, int markerLine) {
		return String.join("\n", lines.subList(0, markerLine)).strip();
	}

	private static Field fieldOf(String line) {
		Matcher labelled = LABEL_LINE.matcher(line);
		return labelled.matches() ? LABELS.get(normaliseLabel(labelled.group(1))) : null;
	}

	private static boolean looksLikeHeaderName(String label) {
		return label.length() <= 30 && label.strip().split("\\s+").length <= 3;
	}

	private static String normaliseLabel(String label) {
		return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static String normalise(String body) {
		return body.replace("\uFEFF", "")
			.replace("\r\n", "\n")
			.replace('\r', '\n')
			.replace('\u00A0', ' ')
			.replace("\u200B", "");
	}

	/** Splits lines that hold a whole glued header block into one line per field. */
	private static List<String> unglue(String[] lines) {
		List<String> result = new ArrayList<>(lines.length);
		for (String line : lines) {
			Matcher matcher = GLUED_LABEL.matcher(line);
			List<Integer> starts = new ArrayList<>();
			while (matcher.find()) {
				starts.add(matcher.start());
			}
			if (starts.size() < 3 || !line.substring(starts.get(0)).startsWith("From")) {
				result.add(line);
				continue;
			}
			String quote = quotePrefix(line);
			result.add(line.substring(0, starts.get(0)));
			for (int k = 0; k < starts.size(); k++) {
				int end = (k + 1 < starts.size()) ? starts.get(k + 1) : line.length();
				result.add(quote + line.substring(starts.get(k), end));
			}
		}
		return result;
	}

	private static String quotePrefix(String line) {
		Matcher matcher = QUOTE_PREFIX.matcher(line);
		return matcher.find() ? matcher.group(1) : "";
	}

	private static String unquote(String line, String quote) {
		if (!quote.isEmpty() && line.startsWith(quote.strip())) {
			String rest = line.substring(quote.strip().length());
			return rest.startsWith(" ") ? rest.substring(1) : rest;
		}
		return line;
	}

	private static Map<String, Field> labels() {
		Map<String, Field> labels = new HashMap<>();
		for (String label : List.of("from", "von", "de", "da", "van", "от", "送信元", "差出人", "remitente", "mittente",
				"afzender", "expéditeur", "avsändare", "fra", "od", "nadawca")) {
			labels.put(label, Field.FROM);
		}
		for (String label : List.of("to", "an", "à", "a", "para", "aan", "кому", "送信先", "宛先", "destinatario",
				"destinataire", "per", "naar", "till", "til", "do")) {
			labels.put(label, Field.TO);
		}
		for (String label : List.of("cc", "kopie", "копия", "copie", "copia", "kopie an", "cópia", "kopi", "dw")) {
			labels.put(label, Field.CC);
		}
		for (String label : List.of("subject", "betreff", "objet", "asunto", "oggetto", "assunto", "onderwerp", "тема",
				"件名", "sujet", "ämne", "emne", "temat")) {
			labels.put(label, Field.SUBJECT);
		}
		for (String label : List.of("date", "sent", "datum", "gesendet", "envoyé", "enviado", "inviato", "verzonden",
				"дата", "日付", "fecha", "data", "отправлено", "送信日時", "skickat", "sendt", "wysłano", "enviada",
				"envoyé le", "gesendet am")) {
			labels.put(label, Field.DATE);
		}
		return Map.copyOf(labels);
	}

}
