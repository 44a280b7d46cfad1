//! The plan file: `PlanSource::parse`, `Problem::render`, `render_plan`,
//! `PlanSource::locate` and the offline `validate_plan`, as `glocal import`,
//! `glocal export` and `glocal check --plan` use them.
//!
//! Invariants: whatever parses and renders, renders to a file that parses
//! again and renders to the same bytes (export → import → export is the same
//! bytes); a plan the offline validation accepts comes back unchanged from
//! its file (the same resources once validated); every problem and every violation's place is inside the text.

use glocal::api::{validate_plan, Offline, ValidPlan};
use glocal::plan_file::{render_plan, PlanSource};

/// Field paths to locate besides those of the violations.
const PATHS: &[&str] = &[
    "plan",
    "plan.product",
    "plan.product.fluent_source",
    "plan.product.fluent_source.directory",
    "plan.markets[0]",
    "plan.markets[0].country",
    "plan.markets[1].external_ids[\"k\"]",
    "plan.requirements[0].locale_rules[0].locale",
    "plan.variants[0].markets[0]",
    "plan.launches[0].phases[0].date",
    "plan.roadmaps[0].items[0]",
    "plan.roadmaps[0].items[0].waivers[0]",
    "plan.markets[99999999999999999999]",
    "plan..x",
    "plan[\"",
];

/// Parses `text` as a plan file and checks what follows from it.
pub fn check(text: &str) {
    let source = match PlanSource::parse(text) {
        Ok(source) => source,
        Err(problems) => {
            assert!(!problems.is_empty(), "an error without a problem");
            for problem in &problems {
                if let Some(span) = &problem.span {
                    assert!(span.start <= span.end, "{problem:?}");
                }
                let _ = problem.render("plan.toml", text);
            }
            return;
        }
    };
    for path in PATHS {
        locate_inside(&source, text, path);
    }
    let valid = match validate_plan(source.plan.clone(), &Offline) {
        Ok(Ok(valid)) => Some(valid),
        Ok(Err(violations)) => {
            assert!(!violations.is_empty());
            for v in violations.list() {
                locate_inside(&source, text, &v.field);
            }
            None
        }
        Err(never) => match never {},
    };
    let Ok(rendered) = render_plan(&source.plan) else {
        return;
    };
    let again = PlanSource::parse(&rendered).unwrap_or_else(|problems| {
        panic!("the rendered plan does not parse: {problems:?}\n{rendered}")
    });
    let rendered_again = render_plan(&again.plan).expect("a rendered plan renders");
    assert_eq!(
        rendered, rendered_again,
        "render → parse → render changes the file"
    );
    // The file leaves defaults out (a default locale that is the first
    // storefront locale, scope FILE, status PLANNED), so the proto plans may
    // differ; what they mean may not.
    if let Some(valid) = valid {
        match validate_plan(again.plan.clone(), &Offline) {
            Ok(Ok(back)) => assert_same(&valid, &back, &rendered),
            Ok(Err(violations)) => panic!(
                "a valid plan is invalid once written: {:?}\n{rendered}",
                violations.list()
            ),
            Err(never) => match never {},
        }
    }
}

/// The two valid plans are the same resources.
fn assert_same(a: &ValidPlan, b: &ValidPlan, rendered: &str) {
    let what = "a valid plan changes through its file";
    assert_eq!(a.preset_markets, b.preset_markets, "{what}:\n{rendered}");
    assert_eq!(
        a.preset_requirements, b.preset_requirements,
        "{what}:\n{rendered}"
    );
    assert_eq!(a.markets, b.markets, "{what}:\n{rendered}");
    assert_eq!(a.requirements, b.requirements, "{what}:\n{rendered}");
    assert_eq!(a.product, b.product, "{what}:\n{rendered}");
    assert_eq!(a.variants, b.variants, "{what}:\n{rendered}");
    assert_eq!(a.launches, b.launches, "{what}:\n{rendered}");
    assert_eq!(a.roadmaps, b.roadmaps, "{what}:\n{rendered}");
}

fn locate_inside(source: &PlanSource, text: &str, field: &str) {
    if let Some(range) = source.locate(field) {
        assert!(
            range.start <= range.end && range.end <= text.len(),
            "{field} located at {range:?} of {} bytes",
            text.len()
        );
    }
}
