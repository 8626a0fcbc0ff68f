package org.temper.examples.reproduce;

/** A finished trial of any experiment: what the run's summary needs of it. */
interface Measured {

    /** @return wall-clock seconds of the trial's training and measuring */
    double seconds();
}
