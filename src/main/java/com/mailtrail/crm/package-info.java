/**
 * The CRM records email attaches to: contacts, deals and activities, with their owners, followers and visibility.
 */
package com.mailtrail.crm;
