//! Cost, energy and carbon (docs/model.md §7).

use super::calc::Quantity;
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
    let interruptions_per_hour: f64 = interruptions_per_hour_as(s.spot_interruptions, nodes);
    let lost_hours_each: f64 = lost_hours_each_as(s.checkpoint_hours, s.restart_minutes);
    let overhead = spot_overhead_as(interruptions_per_hour, lost_hours_each).min(MAX_SPOT_OVERHEAD);
    SpotRestarts {
        nodes,
        interruptions_per_hour,
        lost_hours_each,
        overhead,
        wall_factor: 1.0 / (1.0 - overhead),
    }
}

// Spot's restart overhead, written once over a Quantity for `spot_restarts` and its derivation
// row.

/// Interruptions of the whole job per hour: interruptions per node-month × nodes / 730 h.
#[inline]
pub fn interruptions_per_hour_as<Q: Quantity>(per_node_month: f64, nodes: f64) -> Q {
    Q::quotient(
        Q::product([Q::of(per_node_month), Q::of(nodes)]),
        Q::of(HOURS_PER_MONTH),
    )
}

/// Hours lost to each interruption: half a checkpoint interval of work on average, and the
/// restart.
#[inline]
pub fn lost_hours_each_as<Q: Quantity>(checkpoint_hours: f64, restart_minutes: f64) -> Q {
    Q::sum([
        Q::quotient(Q::of(checkpoint_hours), Q::of(2.0)),
        Q::quotient(Q::of(restart_minutes), Q::of(60.0)),
    ])
}

/// The share of wall time lost before the cap: interruptions per hour × hours lost each (renewal
/// argument: each hour of wall time loses the work of its interruptions).
#[inline]
pub fn spot_overhead_as<Q: Quantity>(interruptions_per_hour: Q, lost_hours_each: Q) -> Q {
    Q::product([interruptions_per_hour, lost_hours_each])
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
    energy_joules_as(gpu_hours, 1.0, power_w, pue)
}

// The cost formulas, each written once over a Quantity: `cost` computes them on numbers and the
// report's derivation rows print them with the user's numbers.

/// Rental: device-hours × wall factor × price per device-hour (docs/model.md §7). The wall factor
/// is spot's `1 / (1 − overhead)`, `None` in the other tiers, whose formula has none: the row
/// prints it wherever its formula names it, even at 1.
#[inline]
pub fn rental_as<Q: Quantity>(gpu_hours: Q, wall_factor: Option<f64>, price: f64) -> Q {
    match wall_factor {
        Some(wall) => Q::product([gpu_hours, Q::of(wall), Q::of(price)]),
        None => Q::product([gpu_hours, Q::of(price)]),
    }
}

/// Purchase: devices × unit price × (1 + interconnect share) (Epoch AI's servers and network
/// share, docs/model.md §7).
#[inline]
pub fn purchase_as<Q: Quantity>(gpus: Q, unit_price: f64) -> Q {
    Q::product([gpus, Q::of(unit_price), Q::of(1.0 + INTERCONNECT_SHARE)])
}

/// Energy: device-hours × wall factor × 3600 s/h × W × PUE (Touvron et al. 2023 sec. 5.3). Spot
/// draws its lost work again; a wall factor of 1 is not printed (the row's formula names it only
/// where it is not 1), and multiplying by it would not change the number.
#[inline]
pub fn energy_joules_as<Q: Quantity>(gpu_hours: Q, wall_factor: f64, power_w: f64, pue: f64) -> Q {
    let (w, p, e) = (Q::of(3600.0), Q::of(power_w), Q::of(pue));
    if wall_factor == 1.0 {
        Q::product([gpu_hours, w, p, e])
    } else {
        Q::product([gpu_hours, Q::of(wall_factor), w, p, e])
    }
}

/// A figure per kWh of the energy: E / 3.6e6 J/kWh × the figure (the electricity price, or the
/// grid's kg CO2e per kWh; Touvron et al. 2023 sec. 5.3).
#[inline]
pub fn per_kwh_as<Q: Quantity>(energy_joules: Q, per_kwh: f64) -> Q {
    Q::product([
        Q::quotient(energy_joules, Q::of(JOULES_PER_KWH)),
        Q::of(per_kwh),
    ])
}

/// Billed hours over compute hours in a tier: spot's restarts (`1 / (1 − overhead)`), none in the
/// other tiers.
pub fn wall_factor(tier: PriceTier, spot: &SpotRestarts) -> Option<f64> {
    (tier == PriceTier::Spot).then_some(spot.wall_factor)
}

/// The purchase price per device: the scenario's, else the catalog's (in the scenario's currency).
pub fn unit_price(s: &super::scenario::Scenario, catalog_gpu_price: f64) -> f64 {
    s.gpu_price.unwrap_or(catalog_gpu_price)
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
    let wall = |tier| wall_factor(tier, &spot);
    let rental_by_tier = ByTier::from_fn(|t| rental_as(gpu_hours, wall(t), price_by_tier.get(t)));
    let tier = s.price_tier;
    let catalog_gpu_price = r.gpu.price_usd * r.rate;
    let power_w = s.power_w.unwrap_or(r.gpu.tdp_w);
    let rental = rental_by_tier.get(tier);
    let wall_factor = wall(tier).unwrap_or(1.0);
    // Energy is drawn for the compute hours; spot's lost work is drawn again.
    let energy = energy_joules_as(gpu_hours, wall_factor, power_w, s.pue);
    Cost {
        tier,
        price_per_gpu_hour: price_by_tier.get(tier),
        price_by_tier,
        price_assumed_by_tier,
        rental_by_tier,
        spot,
        wall_factor,
        catalog_price_per_gpu_hour,
        catalog_gpu_price,
        rented_only: s.gpu_price.is_none() && catalog_gpu_price == 0.0,
        price_is_assumption: price_assumed_by_tier.get(tier),
        currency: s.currency,
        rental,
        cost_usd: rental / r.rate,
        purchase_cost: purchase_as(f64::from(gpus), unit_price(s, catalog_gpu_price)),
        energy_joules: energy,
        electricity_cost: per_kwh_as(energy, s.electricity_per_kwh),
        co2_kg: per_kwh_as(energy, s.grid_kg_per_kwh),
        power_w,
    }
}
