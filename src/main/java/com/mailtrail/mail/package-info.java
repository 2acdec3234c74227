/**
 * Stored email of both directions, its conversations, attachments, shares and links to CRM records; Smart BCC
 * addresses and mail preferences. Inbound SMTP lives in {@code inbound}, pages in {@code web}.
 */
package com.mailtrail.mail;
