import type { HardwareBudget } from '../hardware';

/**
 * Dollars per FLOP of a priced hardware booking: cost ÷ FLOPs = (hours × price) ÷ (hours × 3600 ×
 * peak × MFU) = price/(peak·MFU·3600); undefined when the booking has no price.
 *
 * @example costPerFlop(hardwareBudget({ accelerators: 1, accelerator: 'H100', hours: 1, mfu: 0.4, pricePerHour: 2.5 })) // 2.5/(989e12·0.4·3600) ≈ 1.76e-18
 */
export function costPerFlop(budget: Pick<HardwareBudget, 'compute' | 'cost'>): number | undefined {
  return budget.cost === undefined ? undefined : budget.cost / budget.compute;
}
