//! Cost, energy and carbon (docs/model.md §7).

use super::resolve::Resolved;
use super::scenario::{Currency, PriceTier};
use serde::Serialize;

/// A 1-year commitment's price as a share of on demand where the cloud publishes none: the seed
/// article's "1-year reserved about 45 % cheaper".
pub const RESERVED_1Y_SHARE: f64 = 0.55;
/// A 3-year commitment's share of on demand where the cloud publishes none: an assumption, the
/// share Google Cloud's 3-year TPU commitments have (v5e 0.54 of 1.20, v5p 1.89 of 4.20,
/// v6e 1.22 of 2.70: 45 %).
pub const RESERVED_3Y_SHARE: f64 = 0.45;
/// Spot's share of on demand: an article on estimating LLM compute ("spot 70-90 % cheaper"), at its smallest
/// discount.
pub const SPOT_SHARE: f64 = 0.30;
/// Devices per interruptible node (an 8-GPU instance such as p5.48xlarge).
pub const NODE_DEVICES: f64 = 8.0;
/// Hours in an average month (8,760 / 12).
pub const HOURS_PER_MONTH: f64 = 730.0;
/// The largest share of wall time interruptions may take before the figures stop growing:
/// past it the job would in practice not finish, and the page says so.
pub const MAX_SPOT_OVERHEAD: f64 = 0.95;

/// One figure per rental tier.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ByTier<T> {
    /// On demand.
    pub on_demand: T,
    /// 1-year commitment.
    pub reserved_1y: T,
    /// 3-year commitment.
    pub reserved_3y: T,
    /// Spot.
    pub spot: T,
}

impl<T: Copy> ByTier<T> {
    /// The figure for one tier.
    pub fn get(&self, tier: PriceTier) -> T {
        match tier {
            PriceTier::OnDemand => self.on_demand,
            PriceTier::Reserved1y => self.reserved_1y,
            PriceTier::Reserved3y => self.reserved_3y,
            PriceTier::Spot => self.spot,
        }
    }

    fn from_fn(f: impl Fn(PriceTier) -> T) -> Self {
        ByTier {
            on_demand: f(PriceTier::OnDemand),
            reserved_1y: f(PriceTier::Reserved1y),
            reserved_3y: f(PriceTier::Reserved3y),
            spot: f(PriceTier::Spot),
        }
    }
}

/// What spot interruptions cost a synchronous job: any node lost stops every device.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SpotRestarts {
    /// Interruptible nodes of 8 devices the job spans.
    pub nodes: f64,
    /// Interruptions of the whole job per hour: per-node rate x nodes / 730 h.
    pub interruptions_per_hour: f64,
    /// Hours lost to each: half a checkpoint interval of work, and the restart.
    pub lost_hours_each: f64,
    /// Share of wall time lost: interruptions per hour x hours lost each (at most 95 %).
    pub overhead: f64,
    /// Wall time over compute time: 1 / (1 - overhead).
    pub wall_factor: f64,
}

/// Spot's restart overhead for `gpus` devices (renewal argument: each wall-clock hour loses
/// the expected work of the interruptions that fall in it).
pub fn spot_restarts(s: &super::scenario::Scenario, gpus: u32) -> SpotRestarts {
    let nodes = (f64::from(gpus) / NODE_DEVICES).ceil().max(1.0);
    let interruptions_per_hour = s.spot_interruptions * nodes / HOURS_PER_MONTH;
    let lost_hours_each = s.checkpoint_hours / 2.0 + s.restart_minutes / 60.0;
    let overhead = (interruptions_per_hour * lost_hours_each).min(MAX_SPOT_OVERHEAD);
    SpotRestarts {
        nodes,
        interruptions_per_hour,
        lost_hours_each,
        overhead,
        wall_factor: 1.0 / (1.0 - overhead),
    }
}

/// Share added to the device price for servers and cluster interconnect (Epoch AI: about 19 %).
pub const INTERCONNECT_SHARE: f64 = 0.19;

/// Money, energy and emissions of a training run. Money in the scenario's currency unless the
/// name says USD.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cost {
    /// The tier the rental is for.
    pub tier: PriceTier,
    /// Rental price per device-hour of that tier.
    pub price_per_gpu_hour: f64,
    /// Price per device-hour of every tier, in `currency`.
    pub price_by_tier: ByTier<f64>,
    /// Whether each tier's price is an assumption (no price given, none published).
    pub price_assumed_by_tier: ByTier<bool>,
    /// Rental of the run in every tier, in `currency`; spot's includes its restarts.
    pub rental_by_tier: ByTier<f64>,
    /// Spot's restart overhead at this device count.
    pub spot: SpotRestarts,
    /// Billed hours over compute hours in the chosen tier (spot's wall factor, else 1).
    pub wall_factor: f64,
    /// The catalog's rental price per device-hour, in `currency` (what an empty price stands for).
    pub catalog_price_per_gpu_hour: f64,
    /// The catalog's purchase price per device, in `currency`.
    pub catalog_gpu_price: f64,
    /// The device is rented only (TPUs, Trainium): no purchase price, given or in the catalog.
    pub rented_only: bool,
    /// Whether that price is the catalog's indicative assumption.
    pub price_is_assumption: bool,
    /// The currency of `price_per_gpu_hour`, `rental`, `purchase_cost` and `electricity_cost`.
    pub currency: Currency,
    /// Rental cost in the chosen tier: GPU-hours x wall factor x price, in `currency`.
    pub rental: f64,
    /// Rental cost in USD, whatever the scenario's currency (the key links and scripts read).
    pub cost_usd: f64,
    /// Purchase: devices x unit price x (1 + interconnect share).
    pub purchase_cost: f64,
    /// Energy, J: GPU-hours x 3600 s/h x power x PUE.
    pub energy_joules: f64,
    /// Electricity cost: energy x price per kWh.
    pub electricity_cost: f64,
    /// Emissions, kg CO2e: energy x grid intensity.
    pub co2_kg: f64,
    /// Power per device used, W.
    pub power_w: f64,
}

/// Years over which owned devices are written off for a cost per day: an assumption (a common
/// straight-line depreciation period for servers), labelled on the page.
pub const OWNERSHIP_YEARS: f64 = 3.0;

/// Joules in a kilowatt-hour.
pub const JOULES_PER_KWH: f64 = 3.6e6;

/// Energy in joules: device-hours x 3600 s/h x W x PUE (Touvron et al. 2023 sec. 5.3).
pub fn energy_joules(gpu_hours: f64, power_w: f64, pue: f64) -> f64 {
    gpu_hours * 3600.0 * power_w * pue
}

/// Computes cost and energy for `gpu_hours` on `gpus` devices.
pub fn cost(r: &Resolved, gpu_hours: f64, gpus: u32) -> Cost {
    let s = r.s;
    let catalog_price_per_gpu_hour = r.gpu.rent_usd_per_hour * r.rate;
    let on_demand = s.price_per_gpu_hour.unwrap_or(catalog_price_per_gpu_hour);
    // A committed price the catalog publishes (it stands beside the catalog's own on-demand
    // price only), else the on-demand price times its share, an assumption.
    let published = |i: usize| {
        let price = r.gpu.reserved_usd_per_hour[i] * r.rate;
        (price > 0.0 && s.price_per_gpu_hour.is_none() && r.gpu.rent_source.is_some())
            .then_some(price)
    };
    let committed = |given: Option<f64>, i: usize, share: f64| {
        given.unwrap_or_else(|| published(i).unwrap_or(on_demand * share))
    };
    let price_by_tier = ByTier {
        on_demand,
        reserved_1y: committed(s.price_reserved_1y, 0, RESERVED_1Y_SHARE),
        reserved_3y: committed(s.price_reserved_3y, 1, RESERVED_3Y_SHARE),
        spot: s.price_spot.unwrap_or(on_demand * SPOT_SHARE),
    };
    let price_assumed_by_tier = ByTier {
        on_demand: r.gpu.rent_source.is_none() && s.price_per_gpu_hour.is_none(),
        reserved_1y: s.price_reserved_1y.is_none() && published(0).is_none(),
        reserved_3y: s.price_reserved_3y.is_none() && published(1).is_none(),
        spot: s.price_spot.is_none(),
    };
    let spot = spot_restarts(s, gpus);
    let wall = |tier| {
        if tier == PriceTier::Spot {
            spot.wall_factor
        } else {
            1.0
        }
    };
    let rental_by_tier = ByTier::from_fn(|t| gpu_hours * wall(t) * price_by_tier.get(t));
    let tier = s.price_tier;
    let catalog_gpu_price = r.gpu.price_usd * r.rate;
    let unit_price = s.gpu_price.unwrap_or(catalog_gpu_price);
    let power_w = s.power_w.unwrap_or(r.gpu.tdp_w);
    let rental = rental_by_tier.get(tier);
    // Energy is drawn for the compute hours; spot's lost work is drawn again.
    let energy = energy_joules(gpu_hours * wall(tier), power_w, s.pue);
    Cost {
        tier,
        price_per_gpu_hour: price_by_tier.get(tier),
        price_by_tier,
        price_assumed_by_tier,
        rental_by_tier,
        spot,
        wall_factor: wall(tier),
        catalog_price_per_gpu_hour,
        catalog_gpu_price,
        rented_only: s.gpu_price.is_none() && catalog_gpu_price == 0.0,
        price_is_assumption: price_assumed_by_tier.get(tier),
        currency: s.currency,
        rental,
        cost_usd: rental / r.rate,
        purchase_cost: f64::from(gpus) * unit_price * (1.0 + INTERCONNECT_SHARE),
        energy_joules: energy,
        electricity_cost: energy / JOULES_PER_KWH * s.electricity_per_kwh,
        co2_kg: energy / JOULES_PER_KWH * s.grid_kg_per_kwh,
        power_w,
    }
}
