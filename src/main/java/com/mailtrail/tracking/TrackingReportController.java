package com.mailtrail.tracking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mailtrail.security.CurrentUser;
import com.mailtrail.tenancy.TenantContext;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's open and click rates by week, people only, as a server-drawn bar chart. */
@Controller
class TrackingReportController {

	static final int WEEKS = 12;

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final TrackingReportQueries queries;

	TrackingReportController(TrackingReportQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/reports/tracking")
	String report(@AuthenticationPrincipal CurrentUser me, Model model) {
		LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
		Map<LocalDate, TrackingReportQueries.WeekRow> rows = this.queries
			.weekly(TenantContext.required(), me.userId(), first.atStartOfDay().toInstant(ZoneOffset.UTC))
			.stream()
			.collect(Collectors.toMap(TrackingReportQueries.WeekRow::week, Function.identity()));
		List<Week> weeks = new ArrayList<>();
		for (int i = 0; i < WEEKS; i++) {
			LocalDate week = first.plusWeeks(i);
			var row = rows.getOrDefault(week, new TrackingReportQueries.WeekRow(week, 0, 0, 0));
			weeks.add(new Week(week, LABEL.format(week), row.sent(), percent(row.opened(), row.sent()),
					percent(row.clicked(), row.sent())));
		}
		model.addAttribute("weeks", weeks);
		model.addAttribute("sent", weeks.stream().mapToLong(Week::sent).sum());
		return "tracking/report";
	}

	private static int percent(long part, long whole) {
		return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
	}

	/** One week: tracked emails sent, and the share of them a person opened and clicked, in percent. */
	record Week(LocalDate start, String label, long sent, int openRate, int clickRate) {

		/** Chart geometry: the plot is 160 high, bars start at the bottom (y = 180). */
		public int openHeight() {
			return this.openRate * 160 / 100;
		}

		public int clickHeight() {
			return this.clickRate * 160 / 100;
		}

	}


}
