/** The plumbing every route shares: the route table, authorisation and auditing around handlers, JSON and requests. */
package io.cairn.server.http;
