//! Caveats an estimate carries: structured so the UI can translate them, with English text for
//! the CLI.

use super::precision::Precision;
use serde::Serialize;
use std::fmt;

/// One caveat about an estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// The device lacks the requested precision; another was used.
    PrecisionFallback {
        /// Asked for.
        wanted: Precision,
        /// Used instead.
        used: Precision,
    },
    /// Some hardware figure is unconfirmed by a primary source.
    ApproximateHardware,
    /// The architecture was implied from a bare parameter count.
    ImpliedArchitecture,
    /// The expert group (etp · ep) is larger than a stage's ranks; a smaller ep is used.
    ExpertGroupTooLarge {
        /// The expert-parallel size asked for.
        ep: u32,
        /// The expert tensor-parallel size.
        etp: u32,
        /// Ranks of a pipeline stage: tp · cp · dp.
        stage: u32,
        /// The expert-parallel size used.
        used: u32,
    },
    /// `gpus` is not a multiple of `tp·pp`; only whole replicas are used.
    GpusNotMultiple {
        /// Devices asked for.
        gpus: u32,
        /// `tp·pp`.
        model_parallel: u32,
        /// Devices in whole replicas.
        used: u32,
    },
    /// Attention heads are not divisible by the tensor-parallel size.
    HeadsNotDivisible {
        /// Query heads.
        heads: u32,
        /// Tensor-parallel size.
        tp: u32,
    },
    /// Tensor parallelism spans more than one 8-device node (its all-reduces leave NVLink).
    TpAcrossNodes {
        /// Tensor-parallel size.
        tp: u32,
    },
    /// Training memory per device exceeds the device's memory.
    DoesNotFit {
        /// Needed, GB.
        needed_gb: f64,
        /// Available, GB.
        hbm_gb: f64,
    },
    /// No data-parallel size makes this configuration fit: raise tp, pp, ZeRO or recompute.
    NeverFits,
    /// The measured run cannot be reproduced by scaling the compute efficiency within its bounds:
    /// the measurement and the run's description disagree (a wrong layout, or a network the
    /// model does not know).
    CalibrationUnmatched {
        /// The factor used, at its bound.
        factor: f64,
    },
    /// MFU above what published large runs reach (about 60 %).
    MfuAbovePublished {
        /// The MFU given.
        mfu: f64,
    },
    /// The pipeline bubble takes a large share of each step: more micro-batches per replica
    /// (a larger global batch, fewer replicas) or a smaller pp would help.
    LargeBubble {
        /// Bubble time over compute time, (p - 1) / m.
        fraction: f64,
    },
    /// Communication the step cannot hide takes a large share of it: the network (or the
    /// layout) limits the run.
    CommunicationDominates {
        /// Exposed communication over the step time.
        share: f64,
        /// The largest part: `tp`, `dp`, `ep` or `cp`.
        part: &'static str,
    },
    /// The serving latency target cannot be met even one request at a time.
    LatencyUnreachable {
        /// The best latency any replica size tried reaches, seconds.
        best_s: f64,
        /// The replica size that reaches it.
        replica_gpus: u32,
    },
    /// The model does not fit even on 1024 devices for serving.
    ServingDoesNotFit,
    /// On spot, interruptions take a large share of wall time: checkpoint more often, or
    /// rent another tier.
    SpotRestartsDominate {
        /// Share of wall time lost to interruptions.
        overhead: f64,
        /// Interruptions of the whole job per day.
        per_day: f64,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::PrecisionFallback { wanted, used } => {
                write!(
                    f,
                    "this accelerator has no {} peak; {} is used",
                    wanted.id(),
                    used.id()
                )
            }
            Notice::ApproximateHardware => write!(
                f,
                "some figures for this accelerator are unconfirmed (approximate)"
            ),
            Notice::ImpliedArchitecture => write!(
                f,
                "architecture implied from the parameter count (assumption: h/L = 128, MHA, FFN 4h)"
            ),
            Notice::ExpertGroupTooLarge {
                ep,
                etp,
                stage,
                used,
            } => write!(
                f,
                "etp x ep ({etp} x {ep}) is more than a stage's tp x cp x dp ({stage}) ranks; ep {used} is used"
            ),
            Notice::GpusNotMultiple {
                gpus,
                model_parallel,
                used,
            } => write!(
                f,
                "gpus ({gpus}) is not a multiple of tp x pp ({model_parallel}); {used} form whole replicas"
            ),
            Notice::HeadsNotDivisible { heads, tp } => {
                write!(f, "heads ({heads}) is not divisible by tp ({tp})")
            }
            Notice::TpAcrossNodes { tp } => {
                write!(
                    f,
                    "tp = {tp} spans several 8-GPU nodes: its all-reduces leave NVLink"
                )
            }
            Notice::DoesNotFit { needed_gb, hbm_gb } => {
                write!(
                    f,
                    "needs {needed_gb:.1} GB per device but it has {hbm_gb:.0} GB"
                )
            }
            Notice::NeverFits => write!(
                f,
                "no number of data-parallel replicas makes this fit: raise tp, pp, the ZeRO stage or recomputation"
            ),
            Notice::CalibrationUnmatched { factor } => write!(
                f,
                "the measured run cannot be matched by the compute efficiency alone (factor {factor:.2} at its bound): check its layout and network"
            ),
            Notice::MfuAbovePublished { mfu } => {
                write!(
                    f,
                    "MFU {:.0}% is above what published large runs reach (about 60%)",
                    mfu * 100.0
                )
            }
            Notice::CommunicationDominates { share, part } => write!(
                f,
                "{part} communication the step cannot hide takes {:.0}% of it: raise net_gbps or change the layout",
                share * 100.0
            ),
            Notice::LargeBubble { fraction } => write!(
                f,
                "the pipeline bubble adds {:.0}% to each step: raise global_batch or lower pp",
                fraction * 100.0
            ),
            Notice::LatencyUnreachable {
                best_s,
                replica_gpus,
            } => {
                write!(
                    f,
                    "the latency target cannot be met; the best is {best_s:.2} s per request, with {replica_gpus}-device replicas"
                )
            }
            Notice::ServingDoesNotFit => {
                write!(f, "the model does not fit for serving even on 1024 devices")
            }
            Notice::SpotRestartsDominate { overhead, per_day } => write!(
                f,
                "on spot the job is interrupted {per_day:.1} times a day and loses {:.0}% of its wall time: lower checkpoint_hours or choose another price_tier",
                overhead * 100.0
            ),
        }
    }
}
