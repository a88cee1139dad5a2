/** The OpenAPI 3 document of the API, generated from the route table the server registers. */
package io.cairn.server.openapi;
