/** The temper command line and the runnable demo and experiments. */
package org.temper.examples;
