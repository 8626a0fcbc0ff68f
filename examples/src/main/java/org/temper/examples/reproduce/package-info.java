/**
 * {@code temper reproduce}: the papers' experiments rerun with Temper's one training recipe, each
 * trial stored as it finishes (so that a rerun resumes), reported beside the published numbers as
 * HTML, Markdown, JSON and PNG/SVG figures.
 */
package org.temper.examples.reproduce;
