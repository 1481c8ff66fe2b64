//! Reading a query: numbers with their magnitude words, each field against its kind, then the
//! checks between fields. Total: every input gives a scenario and the problems found.

use super::*;
use crate::estimate::architecture::Architecture;
use crate::estimate::hardware;
use crate::estimate::precision::Precision;
use crate::estimate::presets;
use crate::estimate::scenario::{Data, EpDispatch, Recompute, Scenario, Schedule};

/// Magnitude words and letters the scenario language reads, longest first: every magnitude the
/// page prints (`human::count`: `1.02万亿`, `7.89B`) reads back.
pub(super) const SCALES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("亿", 1e8),
    ("万", 1e4),
    ("k", 1e3),
    ("K", 1e3),
    ("M", 1e6),
    ("B", 1e9),
    ("G", 1e9),
    ("T", 1e12),
    ("P", 1e15),
];

/// Removes thousands separators (`15,000,000`): commas only between groups of three digits in
/// the integer part, so `1,5` stays a mistake rather than becoming 15.
pub(super) fn without_separators(s: &str) -> Option<String> {
    if !s.contains(',') {
        return Some(s.to_string());
    }
    let end = s.find(['.', 'e', 'E']).unwrap_or(s.len());
    let (int, rest) = s.split_at(end);
    let int = int.strip_prefix(['-', '+']).unwrap_or(int);
    let mut groups = int.split(',');
    let first = groups.next()?;
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    if first.is_empty() || first.len() > 3 || !digits(first) {
        return None;
    }
    if !groups.all(|g| g.len() == 3 && digits(g)) {
        return None;
    }
    Some(s[..s.len() - rest.len()].replace(',', "") + rest)
}

/// Parses a number with the suffixes the scenario language allows: `175e9`, `175B`, `1.4T`,
/// `40%` (where `percent`), `7000亿`, `15万亿`, `15,000,000`.
pub fn parse_number(raw: &str, percent: bool) -> Result<f64, Problem> {
    let s = raw.trim().replace('_', "");
    // A percentage divides by 100 (one correctly rounded step: "35%" reads as 0.35 exactly as
    // "0.35" does, where multiplying by the inexact 0.01 would not).
    let (body, scale) = if let Some(b) = s.strip_suffix('%') {
        if !percent {
            return Err(Problem::NotANumber);
        }
        (b, -100.0)
    } else {
        SCALES
            .iter()
            .find_map(|&(suffix, scale)| s.strip_suffix(suffix).map(|b| (b, scale)))
            .unwrap_or((s.as_str(), 1.0))
    };
    let body = without_separators(body.trim_end()).ok_or(Problem::NotANumber)?;
    // Plain decimal notation only: std also reads "inf", "NaN" and "infinity", which are not
    // numbers here.
    if !body
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return Err(Problem::NotANumber);
    }
    let parsed = body.parse::<f64>().map_err(|_| Problem::NotANumber)?;
    // A magnitude word is a power of ten: read "16.6B" as the decimal 16.6e9, one correctly
    // rounded step, so it is the same number as 16600000000 (multiplying 16.6 by 1e9 is not).
    let exponent = scale.log10().round() as i32;
    let decimal = (scale > 1.0 && !body.contains(['e', 'E']))
        .then(|| format!("{body}e{exponent}").parse::<f64>().ok())
        .flatten();
    let x = match decimal {
        Some(x) => x,
        None if scale < 0.0 => parsed / -scale,
        None => parsed * scale,
    };
    if x.is_finite() {
        Ok(x)
    } else {
        Err(Problem::TooLarge)
    }
}

/// Validates one raw value against a field kind.
pub fn parse_value(kind: Kind, raw: &str) -> Result<Value, Problem> {
    let ranged = |x: f64, min: f64, max: f64| {
        if (min..=max).contains(&x) {
            Ok(x)
        } else {
            Err(Problem::OutOfRange { min, max })
        }
    };
    match kind {
        Kind::Number { auto: true, .. } if raw.trim().eq_ignore_ascii_case(AUTO) => {
            Ok(Value::Word(AUTO))
        }
        Kind::Number {
            min, max, percent, ..
        } => Ok(Value::Num(ranged(parse_number(raw, percent)?, min, max)?)),
        Kind::Integer { min, max } => {
            let x = parse_number(raw, false)?;
            if x.fract() != 0.0 {
                return Err(Problem::NotAWholeNumber);
            }
            Ok(Value::Num(ranged(x, min, max)?))
        }
        Kind::Flag => match raw.trim() {
            "1" | "true" | "yes" | "on" => Ok(Value::Flag(true)),
            "0" | "false" | "no" | "off" => Ok(Value::Flag(false)),
            _ => Err(Problem::NotOneOf {
                allowed: vec!["0".into(), "1".into()],
            }),
        },
        Kind::Choice(words) => words
            .iter()
            .find(|w| w.eq_ignore_ascii_case(raw.trim()))
            .map(|w| Value::Word(w))
            .ok_or_else(|| Problem::NotOneOf {
                allowed: words.iter().map(|w| w.to_string()).collect(),
            }),
    }
}

/// The query part of a share link or a bare query string.
pub(super) fn query_part(input: &str) -> &str {
    let q = input.split_once('?').map_or(input, |(_, q)| q);
    q.split('#').next().unwrap_or("")
}

/// Parses a query string (with or without `?`, or a whole URL) into a scenario. Total: never
/// fails, never panics; every bad field is listed in `errors` and keeps its default.
pub fn parse(input: &str) -> Parsed {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    // Last value wins for a repeated field; the earlier ones are reported.
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(query_part(input).as_bytes()) {
        let (k, v) = (k.trim().to_string(), v.into_owned());
        if k.is_empty() {
            continue;
        }
        if let Some(i) = pairs.iter().position(|(pk, _)| *pk == k) {
            let (_, old) = pairs.remove(i);
            warnings.push(FieldError {
                field: k.clone(),
                value: old,
                problem: Problem::Duplicate,
            });
        }
        pairs.push((k, v));
    }
    let get = |name: &str| lookup(&pairs, name);
    let mut s = Scenario::default();
    let err = |field: &str, value: &str, problem| FieldError {
        field: field.into(),
        value: value.into(),
        problem,
    };

    // The link's version: a link without one is read as the current version.
    let mut version = FORMAT_VERSION;
    if let Some(v) = get("v") {
        match parse_value(integer(1.0, 1e6), v) {
            Ok(Value::Num(n)) if n > f64::from(FORMAT_VERSION) => warnings.push(err(
                "v",
                v,
                Problem::NewerVersion {
                    supported: FORMAT_VERSION,
                },
            )),
            Ok(Value::Num(n)) => version = n as u32,
            Ok(_) => {}
            Err(p) => errors.push(err("v", v, p)),
        }
    }

    // Model: a preset, else a custom architecture from its fields, else implied by `params`.
    let has_arch_field = ARCH_FIELDS.iter().any(|f| get(f.name).is_some());
    match get("model") {
        Some(id) => match presets::find(id.trim()) {
            Some(p) => {
                s.model = Some(p.id.to_string());
                s.arch = Some(p.arch.clone());
            }
            None => errors.push(err(
                "model",
                id,
                Problem::NotOneOf {
                    allowed: presets::all().iter().map(|p| p.id.to_string()).collect(),
                },
            )),
        },
        None if has_arch_field => {
            s.model = None;
            s.arch = Some(Architecture::dense(32, 4096));
        }
        None if get("params").is_some() => {
            s.model = None;
            s.arch = None;
        }
        None => {}
    }
    if let Some(arch) = s.arch.as_mut() {
        apply(ARCH_FIELDS, arch, &pairs, &mut errors);
        if s.model.is_none() {
            // A custom architecture's shape follows the fields it gives, not the placeholder's:
            // heads without kv_heads is multi-head attention, head_dim is hidden / heads, the
            // FFN is 4 × hidden (GPT-3 from its Table D.1 shape then counts 174.6B, not 155B).
            let given = |name: &str| {
                get(name).is_some() && !errors.iter().any(|e: &FieldError| e.field == name)
            };
            if !given("heads") {
                arch.heads = (arch.hidden / 128).max(1);
            }
            if !given("kv_heads") {
                arch.kv_heads = arch.heads;
            }
            if !given("head_dim") {
                arch.head_dim = (arch.hidden / arch.heads.max(1)).max(1);
            }
            if !given("ffn") {
                arch.ffn = arch.hidden.saturating_mul(4);
            }
        }
    }
    for (name, slot) in [
        ("params", &mut s.params),
        ("active_params", &mut s.active_params),
    ] {
        if let Some(v) = get(name) {
            match parse_value(number(1e6, 1e14), v) {
                Ok(x) => *slot = Some(num(x)),
                Err(p) => errors.push(err(name, v, p)),
            }
        }
    }
    if s.arch.is_none() && s.params.is_none() {
        // `params` was given but rejected: fall back to the default model.
        let d = Scenario::default();
        s.model = d.model;
        s.arch = d.arch;
    }

    // Data: tokens, or a dataset size with bytes per token.
    let tokens = get("tokens").map(|v| (v, parse_value(data_kind("tokens"), v)));
    let tb = get("dataset_tb").map(|v| (v, parse_value(data_kind("dataset_tb"), v)));
    let bpt = get("bytes_per_token").map(|v| (v, parse_value(data_kind("bytes_per_token"), v)));
    for (name, entry) in [
        ("tokens", &tokens),
        ("dataset_tb", &tb),
        ("bytes_per_token", &bpt),
    ] {
        if let Some((v, Err(p))) = entry {
            errors.push(err(name, v, p.clone()));
        }
    }
    let ok = |e: &Option<(&str, Result<Value, Problem>)>| match e {
        Some((_, Ok(v))) => Some(num(*v)),
        _ => None,
    };
    match (ok(&tokens), ok(&tb)) {
        (Some(t), tb_val) => {
            s.data = Data::Tokens(t);
            if let (Some(_), Some((v, _))) = (tb_val, &tb) {
                warnings.push(err(
                    "dataset_tb",
                    v,
                    Problem::Conflict {
                        with: "tokens".into(),
                    },
                ));
            }
        }
        (None, Some(tb)) => {
            s.data = Data::Dataset {
                tb,
                bytes_per_token: ok(&bpt).unwrap_or(DEFAULT_BYTES_PER_TOKEN),
            }
        }
        (None, None) => {}
    }
    if let (Some((v, Ok(_))), Data::Tokens(_)) = (&bpt, s.data) {
        warnings.push(err(
            "bytes_per_token",
            v,
            Problem::Unused {
                needs: "dataset_tb".into(),
            },
        ));
    }

    // The accelerator: a catalog id or `custom`.
    if let Some(id) = get("gpu") {
        let id = id.trim();
        if id == hardware::CUSTOM_ID || hardware::find(id).is_some() {
            s.gpu = id.to_string();
        } else {
            let mut allowed: Vec<String> =
                hardware::CATALOG.iter().map(|a| a.id.to_string()).collect();
            allowed.push(hardware::CUSTOM_ID.to_string());
            errors.push(err("gpu", id, Problem::NotOneOf { allowed }));
        }
    }
    // The accelerator to compare with: a catalog id (an empty value is none).
    if let Some(id) = get("vs_gpu").map(str::trim).filter(|id| !id.is_empty()) {
        if hardware::find(id).is_some() {
            s.vs_gpu = Some(id.to_string());
        } else {
            let allowed = hardware::CATALOG.iter().map(|a| a.id.to_string()).collect();
            errors.push(err("vs_gpu", id, Problem::NotOneOf { allowed }));
        }
    }
    apply(FIELDS, &mut s, &pairs, &mut errors);
    // Version 1 had one scale-out bandwidth for every accelerator; version 2 takes the catalog's.
    if version < 2 && s.net_gbps.is_none() {
        s.net_gbps = Some(V1_NET_GBPS);
    }
    validate(&mut s, &mut errors);
    calibration_run(&mut s, get("calib"), &mut errors, &mut warnings);

    let known = |k: &str| {
        FIELDS.iter().any(|f| f.name == k)
            || ARCH_FIELDS.iter().any(|f| f.name == k)
            || SPECIAL_FIELDS.iter().any(|(n, _, _)| *n == k)
    };
    for (k, v) in &pairs {
        if !known(k) {
            warnings.push(err(k, v, Problem::UnknownField));
        }
    }
    Parsed {
        scenario: s,
        errors,
        warnings,
    }
}

/// The calibration run: a query of its own, its problems named `calib.<field>`; one measurement of
/// it, and no measurement without it.
pub(super) fn calibration_run(
    s: &mut Scenario,
    raw: Option<&str>,
    errors: &mut Vec<FieldError>,
    warnings: &mut Vec<FieldError>,
) {
    let measures = [
        ("calib_mfu", s.calib_mfu),
        ("calib_step_s", s.calib_step_s),
        ("calib_tokens_per_gpu_s", s.calib_tokens_per_gpu_s),
    ];
    let given: Vec<(&str, f64)> = measures
        .iter()
        .filter_map(|(n, v)| v.map(|x| (*n, x)))
        .collect();
    // One measurement: the first given wins, the others are reported.
    for (name, value) in given.iter().skip(1) {
        warnings.push(FieldError {
            field: (*name).into(),
            value: format_number(*value),
            problem: Problem::Conflict {
                with: given[0].0.into(),
            },
        });
    }
    // The first given is `measured()`'s choice.
    s.set_measured(s.measured());
    match raw {
        Some(q) => {
            let nested = parse(q);
            for e in nested.errors {
                errors.push(FieldError {
                    field: format!("calib.{}", e.field),
                    ..e
                });
            }
            let run = nested.scenario;
            // A calibration run is not itself calibrated.
            if run.calib.is_some() || run.measured().is_some() {
                warnings.push(FieldError {
                    field: "calib.calib".into(),
                    value: q.into(),
                    problem: Problem::UnknownField,
                });
            }
            s.calib = Some(Box::new(run.without_calibration()));
        }
        None => {
            if let Some((name, value)) = given.first() {
                warnings.push(FieldError {
                    field: (*name).into(),
                    value: format_number(*value),
                    problem: Problem::Unused {
                        needs: "calib".into(),
                    },
                });
            }
            s.set_measured(None);
        }
    }
}

/// The value of a field in the parsed pairs (the last one, duplicates having been removed).
pub(super) fn lookup<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

pub(super) fn apply<T>(
    fields: &[Field<T>],
    target: &mut T,
    pairs: &[(String, String)],
    errors: &mut Vec<FieldError>,
) {
    for f in fields {
        // `gpu` and `vs_gpu` are resolved against the catalog before the table is applied.
        if let (Some(raw), false) = (lookup(pairs, f.name), matches!(f.name, "gpu" | "vs_gpu")) {
            match parse_value(f.kind, raw) {
                Ok(v) => f.set(target, v),
                Err(problem) => errors.push(FieldError {
                    field: f.name.into(),
                    value: raw.into(),
                    problem,
                }),
            }
        }
    }
}

/// A flag set where it cannot run (`needs` says what it lacks): refused naming it and what it
/// needs, and turned off.
fn refuse_flag(errors: &mut Vec<FieldError>, flag: &mut bool, field: &str, needs: Option<&str>) {
    if let Some(needs) = needs {
        errors.push(FieldError {
            field: field.into(),
            value: "1".into(),
            problem: Problem::Unused {
                needs: needs.into(),
            },
        });
        *flag = false;
    }
}

/// Cross-field rules: each violation names the field and resets it to a value that holds.
pub(super) fn validate(s: &mut Scenario, errors: &mut Vec<FieldError>) {
    if let Some(a) = s.arch.as_mut() {
        // A value head of its own is MLA's (its keys and values come from one latent).
        if a.v_head_dim > 0 && !a.is_mla() {
            errors.push(FieldError {
                field: "v_head_dim".into(),
                value: a.v_head_dim.to_string(),
                problem: Problem::Unused {
                    needs: "kv_latent > 0 (MLA)".into(),
                },
            });
            a.v_head_dim = 0;
        }
    }
    let mut at_most = |field: &str, value: &mut u32, other: &str, limit: u32| {
        if *value > limit {
            errors.push(FieldError {
                field: field.into(),
                value: value.to_string(),
                problem: Problem::AtMost {
                    field: other.into(),
                    value: limit.into(),
                },
            });
            *value = limit;
        }
    };
    if let Some(a) = s.arch.as_mut() {
        at_most("kv_heads", &mut a.kv_heads, "heads", a.heads);
        at_most("top_k", &mut a.top_k, "experts", a.experts);
        at_most("dense_layers", &mut a.dense_layers, "layers", a.layers);
    }
    let gpus = s.gpus;
    at_most("tp", &mut s.tp, "gpus", gpus);
    let pp_limit = (gpus / s.tp.max(1)).max(1);
    at_most("pp", &mut s.pp, "gpus / tp", pp_limit);
    let cp_limit = (gpus / (s.tp.max(1) * s.pp.max(1))).max(1);
    at_most("cp", &mut s.cp, "gpus / (tp · pp)", cp_limit);
    // MoE folding (Liu et al. 2025): the experts' group (etp · ep) takes its ranks from a
    // stage's tp · cp · dp, not from dp alone.
    let dp = (cp_limit / s.cp.max(1)).max(1);
    let stage_ranks = dp * s.tp.max(1) * s.cp.max(1);
    if let Some(etp) = s.etp.as_mut() {
        at_most("etp", etp, "tp · cp · dp", stage_ranks);
    }
    let ep_limit = (stage_ranks / s.etp.unwrap_or(1).max(1)).max(1);
    at_most("ep", &mut s.ep, "tp · cp · dp / etp", ep_limit);
    if let Some(a) = s.arch.as_ref() {
        at_most("ep", &mut s.ep, "experts", a.experts.max(1));
        if let Some(v) = s.vpp.as_mut() {
            // Layers that do not divide come off the first and last stages (stage_layers), so
            // the busiest stage holds the rounded-up share.
            at_most(
                "vpp",
                v,
                "layers / pp",
                a.layers.div_ceil(s.pp.max(1)).max(1),
            );
        }
    }
    let gb = s.global_batch;
    at_most("micro_batch", &mut s.micro_batch, "global_batch", gb);
    // Zero bubble and DualPipe are modelled without interleaving; DualPipe pairs the stages.
    if s.schedule != Schedule::OneFOneB
        && let Some(v) = s.vpp.filter(|&v| v > 1)
    {
        errors.push(FieldError {
            field: "vpp".into(),
            value: v.to_string(),
            problem: Problem::Unused {
                needs: "pp_schedule=1f1b".into(),
            },
        });
        s.vpp = None;
    }
    if s.schedule == Schedule::DualPipe && !s.pp.is_multiple_of(2) {
        errors.push(FieldError {
            field: "pp_schedule".into(),
            value: s.schedule.id().into(),
            problem: Problem::Unused {
                needs: "an even pp".into(),
            },
        });
        s.schedule = Schedule::OneFOneB;
    }
    // Megatron-Core's EP overlap pairs 1F1B's chunks: it asserts interleaving when there is more
    // than one stage, and refuses full recomputation (TransformerConfig.__post_init__).
    if s.ep_overlap {
        let needs = if s.pp > 1 && s.schedule != Schedule::OneFOneB {
            Some("pp_schedule=1f1b (DualPipe overlaps the all-to-all by itself)")
        } else if s.pp > 1 && s.vpp == Some(1) {
            Some("vpp > 1 when pp > 1 (Megatron-Core asserts interleaving)")
        } else if s.recompute == Recompute::Full && !s.layout_auto {
            Some("recompute other than full")
        } else {
            None
        };
        refuse_flag(errors, &mut s.ep_overlap, "ep_overlap", needs);
    }
    // Only DeepEP's kernels take an FP8 payload (DeepSeek-V3 sec. 3.3.3), and only FP8 training
    // has one to send.
    if s.ep_fp8 {
        let needs = if s.precision != Precision::Fp8 {
            Some("precision=fp8")
        } else if s.ep_dispatch != EpDispatch::DeepEp {
            Some("ep_dispatch=deepep")
        } else {
            None
        };
        refuse_flag(errors, &mut s.ep_fp8, "ep_fp8", needs);
    }
    if let (Some(active), Some(total)) = (s.active_params, s.params)
        && active > total
    {
        errors.push(FieldError {
            field: "active_params".into(),
            value: active.to_string(),
            problem: Problem::AtMost {
                field: "params".into(),
                value: total,
            },
        });
        s.active_params = None;
    }
}
