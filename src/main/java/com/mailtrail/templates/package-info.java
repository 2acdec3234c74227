/**
 * Email templates for contacts, deals and activities: folders, private or shared templates, attributes such as
 * {@code {{contact.first_name | default: "there"}}} checked against a whitelist when saved, and the one renderer that
 * fills them in for a record the user can see. Compose uses {@link com.mailtrail.templates.TemplateRenderer}.
 */
package com.mailtrail.templates;
