package com.mailtrail.mail.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload beyond what the server reads at all (spring.servlet.multipart) fails before any controller sees the
 * form; the person still gets a sentence, on the compose page, instead of an error page.
 */
@ControllerAdvice
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", "The attachments are too large for the server to accept. "
				+ "Attach fewer or smaller files.");
		return "redirect:/emails/compose";
	}

}
