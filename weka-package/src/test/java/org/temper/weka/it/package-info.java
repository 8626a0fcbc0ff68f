/**
 * Integration tests of the built package zip: it is installed with Weka's package manager into a
 * temporary WEKA_HOME, and Weka (its command line, class discovery and Explorer) runs in fresh
 * JVMs that have only Weka's own jars on the class path.
 */
package org.temper.weka.it;
