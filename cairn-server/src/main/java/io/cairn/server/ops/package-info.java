/** Operations endpoints: liveness, readiness of the control plane and warehouse, Prometheus metrics. */
package io.cairn.server.ops;
