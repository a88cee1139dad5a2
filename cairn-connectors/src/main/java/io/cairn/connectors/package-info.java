/** Source connectors, one package per source system, and the HTTP machinery they share. */
package io.cairn.connectors;
