//! Cost, energy and carbon (docs/model.md §7).

use super::resolve::Resolved;
use super::scenario::Currency;
use serde::Serialize;

/// Share added to the device price for servers and cluster interconnect (Epoch AI: about 19 %).
pub const INTERCONNECT_SHARE: f64 = 0.19;

/// Money, energy and emissions of a training run. Money in the scenario's currency unless the
/// name says USD.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cost {
    /// Rental price per device-hour used.
    pub price_per_gpu_hour: f64,
    /// The catalog's rental price per device-hour, in `currency` (what an empty price stands for).
    pub catalog_price_per_gpu_hour: f64,
    /// The catalog's purchase price per device, in `currency`.
    pub catalog_gpu_price: f64,
    /// Whether that price is the catalog's indicative assumption.
    pub price_is_assumption: bool,
    /// The currency of `price_per_gpu_hour`, `rental`, `purchase_cost` and `electricity_cost`.
    pub currency: Currency,
    /// Rental cost: GPU-hours x price, in `currency`.
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
    let catalog_gpu_price = r.gpu.price_usd * r.rate;
    let price_per_gpu_hour = s.price_per_gpu_hour.unwrap_or(catalog_price_per_gpu_hour);
    let unit_price = s.gpu_price.unwrap_or(catalog_gpu_price);
    let power_w = s.power_w.unwrap_or(r.gpu.tdp_w);
    let rental = gpu_hours * price_per_gpu_hour;
    let energy = energy_joules(gpu_hours, power_w, s.pue);
    Cost {
        price_per_gpu_hour,
        catalog_price_per_gpu_hour,
        catalog_gpu_price,
        price_is_assumption: s.price_per_gpu_hour.is_none() && r.gpu.price_source.is_none(),
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
