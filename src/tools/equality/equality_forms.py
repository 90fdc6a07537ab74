#!/usr/bin/env python3
"""Writes forms/equality-*.form (Camunda Forms JSON) for equality-program-approval.

The forms have fixed slots (3 indicators, 3 groups x 5 dimensions, 3 milestones), so they are
generated here rather than drawn by hand. Run from the repository root: python3 src/tools/equality/equality_forms.py
"""
import json

PROGRAM_TYPES = [
    ("redistribution", "Redistribution"),
    ("employment", "Employment"),
    ("safety-net", "Safety net"),
    ("anti-discrimination", "Anti-discrimination"),
    ("fiscal-transparency", "Fiscal transparency"),
    ("integrative-national-identity", "Integrative policy / national identity"),
    ("identity-rent-reform", "Reform of identity-linked rent systems"),
]
DIMENSIONS = [("Economic", "Economic"), ("Social", "Social"), ("Political", "Political"),
              ("Cultural", "Cultural"), ("Security", "Security and justice")]


def text(t):
    return {"type": "text", "text": t}


def field(kind, key, label, required=False, **extra):
    c = {"type": kind, "key": key, "label": label}
    validate = {}
    if required:
        validate["required"] = True
    for k in ("min", "max", "minLength", "maxLength", "pattern"):
        if k in extra:
            validate[k] = extra.pop(k)
    if validate:
        c["validate"] = validate
    c.update(extra)
    return c


def options(pairs):
    return [{"label": label, "value": value} for value, label in pairs]


def proposal_fields():
    fs = [
        text("## Program proposal"),
        field("textfield", "title", "Title", True, maxLength=200),
        field("select", "programType", "Program type", True, values=options(PROGRAM_TYPES)),
        field("textarea", "objectives", "Objectives", True, maxLength=2000),
        field("textarea", "targetGroups", "Target groups", True, maxLength=1000),
        field("textarea", "regions", "Regions", True, maxLength=1000),
        field("number", "budget", "Budget", True),  # bounds: ProposalRule (configurable)
        field("textfield", "currency", "Currency (ISO 4217 code, e.g. USD)", True, pattern="^[A-Z]{3}$", maxLength=3),
        field("number", "durationMonths", "Duration (months)", True),  # bounds: ProposalRule (configurable)
        text("### Indicators (baseline, target, and whether the value should increase or decrease)"),
    ]
    for i in (1, 2, 3):
        req = i == 1
        fs += [
            field("textfield", f"indicator{i}Name", f"Indicator {i}", req, maxLength=200),
            field("number", f"indicator{i}Baseline", f"Indicator {i}: baseline", req),
            field("number", f"indicator{i}Target", f"Indicator {i}: target", req),
            field("select", f"indicator{i}Direction", f"Indicator {i}: direction", req,
                  values=options([("increase", "Increase"), ("decrease", "Decrease")])),
        ]
    return fs


def form(form_id, components):
    for n, c in enumerate(components):
        c["id"] = f"Field_{c['key']}" if "key" in c else f"Text_{n}"
    return {"components": components, "type": "default", "id": form_id, "schemaVersion": 4,
            "exporter": {"name": "probity src/tools/equality/equality_forms.py", "version": "1"}}


def decision(key, label, pairs):
    return field("radio", key, label, True, values=options(pairs))


forms = {}
forms["equality-proposal"] = form("equality-proposal", proposal_fields())
forms["equality-proposal-revision"] = form("equality-proposal-revision", [
    text("Revise the proposal: the reason it came back is in the task's description.")]
    + proposal_fields()
    + [field("textarea", "revisionNote", "What changed in this revision", True, maxLength=2000)])
forms["equality-completeness"] = form("equality-completeness", [
    text("## Completeness check\nIs every part of the proposal there: objectives, target groups, regions, budget, indicators with baselines and targets?"),
    decision("completenessDecision", "Proposal", [("complete", "Complete"), ("incomplete", "Incomplete: return to the analyst")]),
    field("textarea", "revisionReason", "Reason for return (required when incomplete)", maxLength=2000),
])

impact = [text("## Horizontal-inequality impact assessment\n"
               "Per target group and dimension: the baseline gap to the national average (points, 0-100), the "
               "expected reduction of that gap (points, negative if it widens), and the evidence. Where data is "
               "missing, tick the box and leave the baseline empty: missing data is recorded, not hidden.")]
for g in (1, 2, 3):
    impact.append(field("textfield", f"group{g}Name", f"Group {g}", g == 1, maxLength=200))
    for dim, label in DIMENSIONS:
        p = f"group{g}{dim}"
        impact += [
            field("checkbox", f"{p}DataMissing", f"Group {g}, {label}: data missing"),
            field("number", f"{p}Gap", f"Group {g}, {label}: baseline gap (points)", min=0, max=100),
            field("number", f"{p}Change", f"Group {g}, {label}: expected gap reduction (points)", min=-100, max=100),
            field("textarea", f"{p}Evidence", f"Group {g}, {label}: evidence", maxLength=2000),
        ]
forms["equality-impact-assessment"] = form("equality-impact-assessment", impact)

forms["equality-atrocity-risk"] = form("equality-atrocity-risk", [
    text("## Atrocity-risk lens\nWho gains and who loses as the balance shifts, what may trigger violence in the program period, and how the risk is mitigated."),
    field("textarea", "groupsGaining", "Groups that gain", True, maxLength=1000),
    field("textarea", "groupsLosing", "Groups that lose", True, maxLength=1000),
    text("### Triggers in the program period"),
    field("checkbox", "triggerElections", "Elections"),
    field("checkbox", "triggerCensus", "Census"),
    field("checkbox", "triggerEconomicShock", "Economic shocks"),
    field("checkbox", "triggerResourceProjects", "Resource projects"),
    field("checkbox", "triggerSecurityOperations", "Security operations"),
    field("textarea", "triggerNotes", "Triggers: details", maxLength=2000),
    field("textarea", "riskFactors", "Risk factors", True, maxLength=2000),
    field("textarea", "resilienceFactors", "Resilience factors", True, maxLength=2000),
    field("textarea", "mitigationPlan", "Mitigation plan (required to proceed with a high risk)", maxLength=2000),
    decision("riskRating", "Risk rating", [("low", "Low"), ("medium", "Medium"), ("high", "High")]),
])
forms["equality-finance-review"] = form("equality-finance-review", [
    text("## Finance review\nBudget, costing and fiscal transparency (published budget lines, audit trail of disbursements)."),
    decision("financeDecision", "Decision", [("approve", "Approve"), ("return", "Return for revision")]),
    field("textarea", "financeNotes", "Notes on budget and fiscal transparency", True, maxLength=2000),
    field("textarea", "revisionReason", "Reason for return (required when returned)", maxLength=2000),
])
forms["equality-committee-vote"] = form("equality-committee-vote", [
    text("## Committee vote\nVote on the program, or recuse yourself if you have a conflict of interest."),
    decision("vote", "Vote", [("for", "For"), ("against", "Against"), ("abstain", "Abstain"), ("recuse", "Recuse myself")]),
    field("textarea", "voteReason", "Reason (required for a recusal)", maxLength=2000),
])
plan = [text("## Implementation plan\nMilestones with their due dates.")]
for m in (1, 2, 3):
    plan += [
        field("textfield", f"milestone{m}Title", f"Milestone {m}", m == 1, maxLength=200),
        field("datetime", f"milestone{m}Due", f"Milestone {m}: due date", m == 1, subtype="date", dateLabel=f"Milestone {m}: due date"),
    ]
forms["equality-implementation-plan"] = form("equality-implementation-plan", plan)
forms["equality-implementation-progress"] = form("equality-implementation-progress", [
    text("## Implementation\nComplete this task when the implementation period is over; monitoring reports are due meanwhile."),
    field("textarea", "implementationSummary", "What was implemented, milestones met or missed", True, maxLength=2000),
])
forms["equality-monitoring-report"] = form("equality-monitoring-report", [
    text("## Monitoring report\nCurrent values of the program's indicators."),
    field("number", "indicator1Value", "Indicator 1: current value", True),
    field("number", "indicator2Value", "Indicator 2: current value"),
    field("number", "indicator3Value", "Indicator 3: current value"),
    field("checkbox", "harmObserved", "Harm observed (tension, violence, exclusion linked to the program)"),
    field("textarea", "reportNotes", "Observations", True, maxLength=2000),
])
forms["equality-monitoring-review"] = form("equality-monitoring-review", [
    text("## Monitoring review\nThe report signals harm (reported, or an indicator worse than its baseline). Continue or suspend the program?"),
    decision("monitoringDecision", "Decision", [("continue", "Continue"), ("suspend", "Suspend the program")]),
    field("textarea", "monitoringReason", "Reasons", True, maxLength=2000),
])
forms["equality-missed-report"] = form("equality-missed-report", [
    text("## Missed monitoring report\nA monitoring report is overdue. Record what you do about it."),
    field("textarea", "chaseAction", "Action taken", True, maxLength=2000),
])
forms["equality-evaluation"] = form("equality-evaluation", [
    text("## Evaluation and closure"),
    decision("evaluationOutcome", "Outcome", [("achieved", "Objectives achieved"), ("partly-achieved", "Partly achieved"), ("not-achieved", "Not achieved")]),
    field("textarea", "evaluationSummary", "Evaluation (indicators at the end, effects by group, lessons)", True, maxLength=2000),
])

for name, f in forms.items():
    with open(f"forms/{name}.form", "w") as out:
        json.dump(f, out, indent=2)
        out.write("\n")
print(len(forms), "forms")
