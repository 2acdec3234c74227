/**
 * Deals: records, their owners and followers, pages and API; other modules use the service and the view record.
 */
@org.springframework.modulith.NamedInterface("deal")
package com.mailtrail.crm.deal;
