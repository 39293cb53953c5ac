/**
 * Every unit, resolver and contract test file starts with the app's clock pinned to the demo's "now"
 * (ticking from there), so no answer depends on the day the suite runs. A test that needs another time
 * pins it itself (test/doubles/pinned-clock.ts).
 */
import { pinAppClock } from '../doubles/pinned-clock';

pinAppClock();
