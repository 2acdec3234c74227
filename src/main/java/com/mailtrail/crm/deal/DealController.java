package com.mailtrail.crm.deal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mailtrail.crm.InvalidRecordException;
import com.mailtrail.crm.RecordPage;
import com.mailtrail.crm.Viewer;
import com.mailtrail.crm.activity.ActivityService;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.mail.EmailTimeline;
import com.mailtrail.mail.RecordType;
import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.UserDirectory;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/deals")
class DealController {

	static final String VIEW_LIST = "crm/deal/dealList";

	static final String VIEW_FORM = "crm/deal/dealForm";

	static final String VIEW_DETAILS = "crm/deal/dealDetails";

	private final DealService deals;

	private final ContactService contacts;

	private final ActivityService activities;

	private final UserDirectory users;

	private final EmailTimeline emailTimeline;

	DealController(DealService deals, ContactService contacts, ActivityService activities, UserDirectory users,
			EmailTimeline emailTimeline) {
		this.deals = deals;
		this.contacts = contacts;
		this.activities = activities;
		this.users = users;
		this.emailTimeline = emailTimeline;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) DealStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var result = this.deals.search(q, status, Viewer.of(me),
				PageRequest.of(RecordPage.pageIndex(page), RecordPage.SIZE, Sort.by(Sort.Direction.DESC, "updatedAt")));
		model.addAttribute("page", RecordPage.of(result, q));
		model.addAttribute("status", status);
		model.addAttribute("statuses", DealStatus.values());
		model.addAttribute("owners", this.users.byIds(result.map(DealView::ownerId).toSet()));
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newDeal(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) UUID contactId,
			Model model) {
		DealForm form = new DealForm();
		form.setOwnerId(me.userId());
		form.setPrimaryContactId(contactId);
		return form(me, model, form, null);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") DealForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(me, model, form, null);
		}
		try {
			UUID id = this.deals.create(form.toData(), Viewer.of(me));
			redirect.addFlashAttribute("message", "Deal created.");
			return "redirect:/deals/" + id;
		}
		catch (InvalidRecordException ex) {
			result.rejectValue(ex.field(), "invalid", ex.getMessage());
			return form(me, model, form, null);
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Viewer viewer = Viewer.of(me);
		DealView deal = this.deals.get(id, viewer);
		List<UUID> contactIds = new ArrayList<>(deal.participantIds());
		if (deal.primaryContactId() != null) {
			contactIds.add(0, deal.primaryContactId());
		}
		model.addAttribute("deal", deal);
		model.addAttribute("contacts", this.contacts.visibleByIds(contactIds, viewer));
		model.addAttribute("activities", this.activities.forDeal(id, viewer));
		model.addAttribute("people", this.users.byIds(RecordPage.peopleOf(deal.ownerId(), deal.followerIds())));
		model.addAttribute("emails", this.emailTimeline.of(RecordType.DEAL, id, me.userId()));
		return VIEW_DETAILS;
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		return form(me, model, DealForm.of(this.deals.get(id, Viewer.of(me))), id);
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @ModelAttribute("form") DealForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(me, model, form, id);
		}
		try {
			this.deals.update(id, form.toData(), Viewer.of(me));
		}
		catch (InvalidRecordException ex) {
			result.rejectValue(ex.field(), "invalid", ex.getMessage());
			return form(me, model, form, id);
		}
		redirect.addFlashAttribute("message", "Deal saved.");
		return "redirect:/deals/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		this.deals.delete(id, Viewer.of(me));
		redirect.addFlashAttribute("message", "Deal deleted.");
		return "redirect:/deals";
	}

	private String form(CurrentUser me, Model model, DealForm form, UUID id) {
		model.addAttribute("form", form);
		model.addAttribute("dealId", id);
		model.addAttribute("statuses", DealStatus.values());
		model.addAttribute("contactOptions", this.contacts.options(Viewer.of(me)));
		model.addAttribute("users", this.users.active());
		return VIEW_FORM;
	}

}
