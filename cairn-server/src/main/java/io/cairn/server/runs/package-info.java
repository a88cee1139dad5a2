/** Run routes: starting, reading and cancelling pipeline runs, the launcher interface, and schedules. */
package io.cairn.server.runs;
