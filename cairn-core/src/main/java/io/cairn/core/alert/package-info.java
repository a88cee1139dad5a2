/** Alerts on pipeline outcomes: channels (Slack, webhook, PagerDuty, e-mail), routing, deduplication, resolve. */
package io.cairn.core.alert;
