package com.mailtrail.templates;

/** A template filled in for one record: a one-line subject and sanitised HTML, ready for the compose form. */
public record RenderedTemplate(String subject, String html) {
}
