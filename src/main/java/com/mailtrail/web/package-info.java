/**
 * The application shell: layout, home page, error pages and the mapping of exceptions to problem details. No feature
 * controllers live here.
 */
package com.mailtrail.web;
