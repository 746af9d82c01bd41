// Queue `consumptions`: one cumulative register reading from a meter or the simulator.
import { z } from 'zod';
import { timestampSchema } from './timestamp';

export const deviceIdSchema = z.string().min(1).max(128);

export const consumptionMessageSchema = z.strictObject({
  timestamp: timestampSchema,
  device_id: deviceIdSchema,
  /** The meter's cumulative energy register, kWh. */
  measurement_value: z.number().nonnegative().max(1e12),
});

/** A reading as it travels on the wire (timestamp as sent). */
export type ConsumptionMessage = z.input<typeof consumptionMessageSchema>;
/** A validated reading, timestamp in epoch ms. */
export type Consumption = z.output<typeof consumptionMessageSchema>;
