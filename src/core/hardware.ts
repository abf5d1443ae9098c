import { QuantityError, SECONDS_PER_HOUR, requirePositive } from './quantities';

/** An accelerator with its dense BF16 peak (no structured sparsity). */
export interface Accelerator {
  readonly id: string;
  readonly name: string;
  /** Dense BF16 peak, FLOP/s. */
  readonly peakFlops: number;
  readonly source: string;
}

/** Dense BF16 peaks from the vendors' datasheets (sparsity-doubled figures excluded). */
export const ACCELERATORS: readonly Accelerator[] = [
  { id: 'V100', name: 'NVIDIA V100 SXM2', peakFlops: 125e12, source: 'NVIDIA V100 datasheet: 125 TFLOPS FP16 tensor (no BF16)' },
  { id: 'A100', name: 'NVIDIA A100 SXM 80GB', peakFlops: 312e12, source: 'NVIDIA A100 datasheet: 312 TFLOPS BF16 tensor, dense' },
  { id: 'H100', name: 'NVIDIA H100 SXM', peakFlops: 989e12, source: 'NVIDIA H100 datasheet: 1,979 TFLOPS BF16 with sparsity, 989 dense' },
  {
    id: 'H100-PCIe',
    name: 'NVIDIA H100 PCIe',
    peakFlops: 756e12,
    source: 'NVIDIA H100 datasheet: 1,513 TFLOPS BF16 with sparsity, 756 dense',
  },
  { id: 'H200', name: 'NVIDIA H200 SXM', peakFlops: 989e12, source: 'NVIDIA H200 datasheet: 1,979 TFLOPS BF16 with sparsity, 989 dense' },
  {
    id: 'B200',
    name: 'NVIDIA B200',
    peakFlops: 2250e12,
    source: 'NVIDIA HGX B200 datasheet: 4.5 PFLOPS BF16 with sparsity, 2.25 dense per GPU',
  },
  { id: 'MI300X', name: 'AMD Instinct MI300X', peakFlops: 1307.4e12, source: 'AMD MI300X datasheet: 1,307.4 TFLOPS BF16 dense' },
  { id: 'TPUv4', name: 'Google TPU v4', peakFlops: 275e12, source: 'Google Cloud TPU v4 documentation: 275 TFLOPS BF16 per chip' },
  { id: 'TPUv5e', name: 'Google TPU v5e', peakFlops: 197e12, source: 'Google Cloud TPU v5e documentation: 197 TFLOPS BF16 per chip' },
  { id: 'TPUv5p', name: 'Google TPU v5p', peakFlops: 459e12, source: 'Google Cloud TPU v5p documentation: 459 TFLOPS BF16 per chip' },
];

function normaliseAcceleratorName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]|sxm\d?$/g, '');
}

/** Finds an accelerator by id or name, ignoring case, spaces and dashes ("h100", "TPU v5p"). */
export function findAccelerator(name: string): Accelerator | undefined {
  const key = normaliseAcceleratorName(name);
  return ACCELERATORS.find((gpu) => normaliseAcceleratorName(gpu.id) === key || normaliseAcceleratorName(gpu.name) === key);
}

/** A cluster booking: how many accelerators, for how long, at what utilisation and price. */
export interface HardwareBudgetInput {
  readonly accelerators: number;
  readonly accelerator: string;
  readonly hours: number;
  /** Model FLOPs utilisation, in (0, 1]. */
  readonly mfu: number;
  /** Dollars per accelerator-hour. */
  readonly pricePerHour?: number;
  /**
   * Dense BF16 peak FLOP/s of an accelerator the catalog does not hold (H800, a new part): then
   * `accelerator` is just its name.
   */
  readonly peakFlops?: number;
}

export interface HardwareBudget {
  readonly compute: number;
  readonly acceleratorHours: number;
  readonly accelerator: Accelerator;
  readonly cost?: number;
}

/**
 * FLOPs = accelerators × hours × 3600 × peak × MFU; cost = accelerator-hours × price.
 *
 * @example hardwareBudget({ accelerators: 1024, accelerator: 'H100', hours: 720, mfu: 0.4 }).compute // ≈ 1.05e24
 */
export function hardwareBudget(input: HardwareBudgetInput): HardwareBudget {
  const accelerator: Accelerator | undefined =
    input.peakFlops !== undefined
      ? {
          id: input.accelerator,
          name: input.accelerator,
          peakFlops: requirePositive(input.peakFlops, 'peak FLOP/s'),
          source: 'peak given by the user',
        }
      : findAccelerator(input.accelerator);
  if (!accelerator) {
    throw new QuantityError(
      `unknown accelerator "${input.accelerator}": expected one of ${ACCELERATORS.map((gpu) => gpu.id).join(', ')}, or give its dense BF16 peak (peak=989T FLOP/s)`,
    );
  }
  requirePositive(input.accelerators, 'number of accelerators');
  requirePositive(input.hours, 'hours');
  if (!(input.mfu > 0 && input.mfu <= 1)) throw new QuantityError(`MFU must be between 0% and 100%, got ${input.mfu}`);
  const acceleratorHours = input.accelerators * input.hours;
  const compute = acceleratorHours * SECONDS_PER_HOUR * accelerator.peakFlops * input.mfu;
  if (input.pricePerHour !== undefined && !(input.pricePerHour >= 0)) {
    throw new QuantityError(`price must be zero or more dollars per hour, got ${input.pricePerHour}`);
  }
  const cost = input.pricePerHour === undefined ? undefined : acceleratorHours * input.pricePerHour;
  return { compute, acceleratorHours, accelerator, ...(cost === undefined ? {} : { cost }) };
}
