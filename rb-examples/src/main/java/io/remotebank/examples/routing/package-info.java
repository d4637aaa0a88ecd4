/** The {@code rb} commands of rb-routing: {@code rb erlang} (staffing maths) and {@code rb simulate}. */
package io.remotebank.examples.routing;
