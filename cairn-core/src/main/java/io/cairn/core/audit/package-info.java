/** The audit log: grants, revokes, admin actions and tenant data reads, with who, what, tenant, when and outcome. */
package io.cairn.core.audit;
