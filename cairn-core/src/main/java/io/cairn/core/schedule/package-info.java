/** Cron schedules for pipelines, run cluster-safe by db-scheduler on the control-plane database. */
package io.cairn.core.schedule;
