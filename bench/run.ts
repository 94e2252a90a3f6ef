import { benchBookingRace } from './booking-race';
import { benchBookingThroughput } from './booking-throughput';
import { benchCall } from './call';
import { benchGroup } from './group';
import { benchLoad } from './load';
import { benchReminders } from './reminders';
import { benchSlots } from './slots';
import { benchWaitingRoom } from './waiting-room';

// `npm run bench [-- race slots throughput]`: prints figures; exits non-zero if a target is missed.
const all = {
  race: benchBookingRace,
  slots: benchSlots,
  throughput: benchBookingThroughput,
  waiting: benchWaitingRoom,
  call: benchCall,
  group: benchGroup,
  load: benchLoad,
  reminders: benchReminders,
};
const chosen = process.argv.slice(2).filter((a) => a in all) as (keyof typeof all)[];
let ok = true;
for (const name of chosen.length > 0 ? chosen : (Object.keys(all) as (keyof typeof all)[])) {
  ok = (await all[name]()) && ok;
}
process.exit(ok ? 0 : 1);
