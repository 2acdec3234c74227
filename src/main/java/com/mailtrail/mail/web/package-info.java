/**
 * The email page, the email view with its isolated body, attachments and links to records, and the email API.
 */
package com.mailtrail.mail.web;
