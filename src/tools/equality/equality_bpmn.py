#!/usr/bin/env python3
"""Writes processes/equality-program-approval.bpmn with its diagram (shapes on a grid, edges).

The model is listed below node by node; run from the repository root:
python3 src/tools/equality/equality_bpmn.py
"""
from xml.sax.saxutils import escape

KEY = "equality-program-approval"
X0, Y0, DX, DY = 160, 120, 170, 150
SIZE = {"task": (100, 80), "event": (36, 36), "gateway": (50, 50)}

nodes = []   # (id, kind, xml, col, row, parent)
flows = []   # (id, source, target, condition, parent)


def kind_of(tag):
    if tag.endswith("Task") or tag == "userTask":
        return "task"
    if "Gateway" in tag:
        return "gateway"
    return "event"


def node(nid, tag, name, col, row, body="", attrs="", parent=None):
    a = f' name="{escape(name)}"' if name else ""
    xml = f'<bpmn:{tag} id="{nid}"{a}{attrs}>{body}</bpmn:{tag}>' if body else f'<bpmn:{tag} id="{nid}"{a}{attrs}/>'
    nodes.append((nid, kind_of(tag), xml, col, row, parent))


def user(nid, name, col, row, form, group=None, assignee=None, doc=None, parent=None, extra_body=""):
    attrs = f' camunda:formRef="{form}" camunda:formRefBinding="latest"'
    if group:
        attrs += f' camunda:candidateGroups="{group}"'
    if assignee:
        attrs += f' camunda:assignee="{assignee}"'
    body = (f"<bpmn:documentation>{escape(doc)}</bpmn:documentation>" if doc else "") + extra_body
    node(nid, "userTask", name, col, row, body, attrs, parent)


def service(nid, name, col, row, bean, parent=None):
    node(nid, "serviceTask", name, col, row, "", f' camunda:delegateExpression="${{{bean}}}"', parent)


def flow(fid, s, t, cond=None, parent=None):
    flows.append((fid, s, t, cond, parent))


A, F, C, CH = "equality-analysts", "finance-officers", "oversight-committee", "committee-chair"

node("StartEvent_ProposalSubmitted", "startEvent", "Proposal submitted", 0, 1,
     attrs=' camunda:formRef="equality-proposal" camunda:formRefBinding="latest" camunda:initiator="proposedBy"')
service("ServiceTask_RecordProposal", "Record proposal", 1, 1, "recordProposalDelegate")
user("UserTask_CheckCompleteness", "Check completeness", 2, 1, "equality-completeness", A)
node("Gateway_ProposalComplete", "exclusiveGateway", "Complete?", 3, 1)
user("UserTask_ReviseProposal", "Revise proposal", 3, 3, "equality-proposal-revision", A,
     doc="Returned for revision: ${revisionReason}")
user("UserTask_AssessImpact", "Assess horizontal-inequality impact", 4, 1, "equality-impact-assessment", A)
service("ServiceTask_RecordImpactAssessment", "Record impact matrix", 5, 1, "recordImpactAssessmentDelegate")
user("UserTask_AssessAtrocityRisk", "Assess atrocity risk", 6, 1, "equality-atrocity-risk", A)
service("ServiceTask_RecordAtrocityRisk", "Record atrocity-risk lens", 7, 1, "recordAtrocityRiskDelegate")
node("BusinessRuleTask_ScoreEquity", "businessRuleTask", "Score equity", 8, 1,
     attrs=' camunda:decisionRef="equality-program-scoring" camunda:decisionRefBinding="latest"'
           ' camunda:mapDecisionResult="resultList" camunda:resultVariable="equityScoreItems"')
service("ServiceTask_TallyEquityScore", "Tally equity score", 9, 1, "tallyEquityScoreDelegate")
node("Gateway_ScoreOutcome", "exclusiveGateway", "Score passed, risk mitigated?", 10, 1)
user("UserTask_FinanceReview", "Review budget and fiscal transparency", 11, 1, "equality-finance-review", F)
node("Gateway_FinanceDecision", "exclusiveGateway", "Finance approves?", 12, 1)
service("ServiceTask_OpenCommitteeVote", "Open committee vote", 13, 1, "openCommitteeVoteDelegate")
user("UserTask_CastVote", "Vote on equality program", 14, 1, "equality-committee-vote", assignee="${voter}",
     extra_body='<bpmn:extensionElements><camunda:taskListener delegateExpression="${recordCommitteeVoteListener}" event="complete"/></bpmn:extensionElements>'
                '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${committeeMembers}" camunda:elementVariable="voter"/>')
service("ServiceTask_CountVotes", "Count votes", 15, 1, "countCommitteeVotesDelegate")
node("Gateway_VoteAdopted", "exclusiveGateway", "Adopted?", 16, 1)
node("EndEvent_CommitteeRejected", "endEvent", "Rejected by committee", 16, 3)
user("UserTask_PlanImplementation", "Plan implementation milestones", 17, 1, "equality-implementation-plan", A)
service("ServiceTask_RecordImplementationPlan", "Record milestones", 18, 1, "recordImplementationPlanDelegate")
node("SubProcess_Implementation", "subProcess", "Implementation", 19, 1)
node("StartEvent_Implementation", "startEvent", "Implementation started", 19, 1, parent="SubProcess_Implementation")
user("UserTask_TrackImplementation", "Implement program", 20, 1, "equality-implementation-progress", A,
     parent="SubProcess_Implementation")
node("EndEvent_ImplementationFinished", "endEvent", "Implementation period over", 21, 1, parent="SubProcess_Implementation")
node("BoundaryEvent_MonitoringReportDue", "boundaryEvent", "Monitoring report due", 20, 2,
     body='<bpmn:timerEventDefinition id="TimerEventDefinition_MonitoringCycle"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${monitoringCycle}</bpmn:timeCycle></bpmn:timerEventDefinition>',
     attrs=' cancelActivity="false" attachedToRef="SubProcess_Implementation"')
user("UserTask_SubmitMonitoringReport", "Submit monitoring report", 20, 3, "equality-monitoring-report", A)
node("BoundaryEvent_MonitoringReportOverdue", "boundaryEvent", "Report overdue", 20, 4,
     body='<bpmn:timerEventDefinition id="TimerEventDefinition_ReportGrace"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${reportGracePeriod}</bpmn:timeDuration></bpmn:timerEventDefinition>',
     attrs=' cancelActivity="false" attachedToRef="UserTask_SubmitMonitoringReport"')
service("ServiceTask_RecordMissedReport", "Record missed report", 20, 5, "recordMissedReportDelegate")
user("UserTask_ChaseMissedReport", "Chase missed monitoring report", 21, 5, "equality-missed-report", CH)
node("EndEvent_MissedReportChased", "endEvent", "Missed report chased", 22, 5)
service("ServiceTask_RecordMonitoringReport", "Record monitoring report", 21, 3, "recordMonitoringReportDelegate")
node("Gateway_HarmSignalled", "exclusiveGateway", "Harm signalled?", 22, 3)
node("EndEvent_ReportFiled", "endEvent", "Report filed", 22, 4)
user("UserTask_ReviewMonitoringReport", "Review monitoring report", 23, 3, "equality-monitoring-review", C)
node("Gateway_MonitoringDecision", "exclusiveGateway", "Suspend?", 24, 3)
node("EndEvent_ReportReviewed", "endEvent", "Program continues", 24, 4)
service("ServiceTask_SuspendProgram", "Suspend program", 25, 3, "suspendProgramDelegate")
node("EndEvent_ProgramSuspended", "endEvent", "Program suspended", 26, 3, body='<bpmn:terminateEventDefinition id="TerminateEventDefinition_Suspended"/>')
user("UserTask_EvaluateProgram", "Evaluate program", 23, 1, "equality-evaluation", A)
service("ServiceTask_CloseProgram", "Close program", 24, 1, "closeProgramDelegate")
node("EndEvent_ProgramClosed", "endEvent", "Program closed", 25, 1, body='<bpmn:terminateEventDefinition id="TerminateEventDefinition_Closed"/>')

flow("Flow_StartToRecordProposal", "StartEvent_ProposalSubmitted", "ServiceTask_RecordProposal")
flow("Flow_RecordProposalToCompleteness", "ServiceTask_RecordProposal", "UserTask_CheckCompleteness")
flow("Flow_CompletenessToGateway", "UserTask_CheckCompleteness", "Gateway_ProposalComplete")
flow("Flow_Complete", "Gateway_ProposalComplete", "UserTask_AssessImpact", "${completenessDecision == 'complete'}")
flow("Flow_Incomplete", "Gateway_ProposalComplete", "UserTask_ReviseProposal", "${completenessDecision != 'complete'}")
flow("Flow_RevisionToRecordProposal", "UserTask_ReviseProposal", "ServiceTask_RecordProposal")
flow("Flow_ImpactToRecord", "UserTask_AssessImpact", "ServiceTask_RecordImpactAssessment")
flow("Flow_RecordImpactToRisk", "ServiceTask_RecordImpactAssessment", "UserTask_AssessAtrocityRisk")
flow("Flow_RiskToRecord", "UserTask_AssessAtrocityRisk", "ServiceTask_RecordAtrocityRisk")
flow("Flow_RecordRiskToScore", "ServiceTask_RecordAtrocityRisk", "BusinessRuleTask_ScoreEquity")
flow("Flow_ScoreToTally", "BusinessRuleTask_ScoreEquity", "ServiceTask_TallyEquityScore")
flow("Flow_TallyToGateway", "ServiceTask_TallyEquityScore", "Gateway_ScoreOutcome")
flow("Flow_ScorePassed", "Gateway_ScoreOutcome", "UserTask_FinanceReview", "${scorePassed && !riskBlocked}")
flow("Flow_ScoreFailedOrRiskBlocked", "Gateway_ScoreOutcome", "UserTask_ReviseProposal", "${!scorePassed || riskBlocked}")
flow("Flow_FinanceToGateway", "UserTask_FinanceReview", "Gateway_FinanceDecision")
flow("Flow_FinanceApproved", "Gateway_FinanceDecision", "ServiceTask_OpenCommitteeVote", "${financeDecision == 'approve'}")
flow("Flow_FinanceReturned", "Gateway_FinanceDecision", "UserTask_ReviseProposal", "${financeDecision != 'approve'}")
flow("Flow_OpenVoteToVote", "ServiceTask_OpenCommitteeVote", "UserTask_CastVote")
flow("Flow_VoteToCount", "UserTask_CastVote", "ServiceTask_CountVotes")
flow("Flow_CountToGateway", "ServiceTask_CountVotes", "Gateway_VoteAdopted")
flow("Flow_Adopted", "Gateway_VoteAdopted", "UserTask_PlanImplementation", "${adopted}")
flow("Flow_NotAdopted", "Gateway_VoteAdopted", "EndEvent_CommitteeRejected", "${!adopted}")
flow("Flow_PlanToRecord", "UserTask_PlanImplementation", "ServiceTask_RecordImplementationPlan")
flow("Flow_RecordPlanToImplementation", "ServiceTask_RecordImplementationPlan", "SubProcess_Implementation")
flow("Flow_ImplementationStartToTrack", "StartEvent_Implementation", "UserTask_TrackImplementation", parent="SubProcess_Implementation")
flow("Flow_TrackToFinished", "UserTask_TrackImplementation", "EndEvent_ImplementationFinished", parent="SubProcess_Implementation")
flow("Flow_ImplementationToEvaluation", "SubProcess_Implementation", "UserTask_EvaluateProgram")
flow("Flow_EvaluationToClose", "UserTask_EvaluateProgram", "ServiceTask_CloseProgram")
flow("Flow_CloseToEnd", "ServiceTask_CloseProgram", "EndEvent_ProgramClosed")
flow("Flow_ReportDueToReport", "BoundaryEvent_MonitoringReportDue", "UserTask_SubmitMonitoringReport")
flow("Flow_ReportToRecord", "UserTask_SubmitMonitoringReport", "ServiceTask_RecordMonitoringReport")
flow("Flow_RecordReportToGateway", "ServiceTask_RecordMonitoringReport", "Gateway_HarmSignalled")
flow("Flow_NoHarm", "Gateway_HarmSignalled", "EndEvent_ReportFiled", "${!harmSignalled}")
flow("Flow_HarmSignalled", "Gateway_HarmSignalled", "UserTask_ReviewMonitoringReport", "${harmSignalled}")
flow("Flow_ReviewToGateway", "UserTask_ReviewMonitoringReport", "Gateway_MonitoringDecision")
flow("Flow_Continue", "Gateway_MonitoringDecision", "EndEvent_ReportReviewed", "${monitoringDecision != 'suspend'}")
flow("Flow_Suspend", "Gateway_MonitoringDecision", "ServiceTask_SuspendProgram", "${monitoringDecision == 'suspend'}")
flow("Flow_SuspendToEnd", "ServiceTask_SuspendProgram", "EndEvent_ProgramSuspended")
flow("Flow_OverdueToRecordMissed", "BoundaryEvent_MonitoringReportOverdue", "ServiceTask_RecordMissedReport")
flow("Flow_RecordMissedToChase", "ServiceTask_RecordMissedReport", "UserTask_ChaseMissedReport")
flow("Flow_ChaseToEnd", "UserTask_ChaseMissedReport", "EndEvent_MissedReportChased")

# --- layout ---
bounds = {}
for nid, kind, _, col, row, parent in nodes:
    w, h = SIZE[kind]
    cx, cy = X0 + col * DX, Y0 + row * DY
    bounds[nid] = (cx - w // 2, cy - h // 2, w, h)
# the subprocess spans its children (columns 19-21 of row 1)
bounds["SubProcess_Implementation"] = (X0 + 19 * DX - 60, Y0 + DY - 70, 2 * DX + 120, 140)
# boundary events sit on their host's lower edge
for nid, host in (("BoundaryEvent_MonitoringReportDue", "SubProcess_Implementation"),
                  ("BoundaryEvent_MonitoringReportOverdue", "UserTask_SubmitMonitoringReport")):
    hx, hy, hw, hh = bounds[host]
    bounds[nid] = (hx + hw // 2 - 18, hy + hh - 18, 36, 36)


def center(nid):
    x, y, w, h = bounds[nid]
    return x + w // 2, y + h // 2


def waypoints(s, t):
    sx, sy, sw, sh = bounds[s]
    tx, ty, tw, th = bounds[t]
    (scx, scy), (tcx, tcy) = center(s), center(t)
    if s.startswith("BoundaryEvent"):
        start = (scx, sy + sh)
        if abs(scx - tcx) < 5:
            return [start, (tcx, ty)]
        return [start, (scx, tcy), (tx, tcy)]
    if abs(scy - tcy) < 5:
        if tcx > scx:
            return [(sx + sw, scy), (tx, tcy)]
        return [(sx, scy), (tx + tw, tcy)]
    if tcx < scx:  # going back: leave downwards, enter from below
        return [(scx, sy + sh), (scx, max(sy + sh, ty + th) + 40), (tcx, max(sy + sh, ty + th) + 40), (tcx, ty + th)]
    if tcy > scy:  # down then right
        if abs(scx - tcx) < 5:
            return [(scx, sy + sh), (tcx, ty)]
        return [(scx, sy + sh), (scx, tcy), (tx, tcy)]
    return [(sx + sw, scy), (tcx, scy), (tcx, ty + th)]


def flow_xml(fid, s, t, cond):
    body = f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(cond)}</bpmn:conditionExpression>' if cond else ""
    return f'<bpmn:sequenceFlow id="{fid}" sourceRef="{s}" targetRef="{t}">{body}</bpmn:sequenceFlow>' if body else f'<bpmn:sequenceFlow id="{fid}" sourceRef="{s}" targetRef="{t}"/>'


def content(parent):
    out = []
    for nid, kind, xml, col, row, p in nodes:
        if p != parent:
            continue
        if nid == "SubProcess_Implementation":
            inner = "\n      ".join(content(nid))
            xml = f'<bpmn:subProcess id="{nid}" name="Implementation">\n      {inner}\n    </bpmn:subProcess>'
        out.append(xml)
    out += [flow_xml(f, s, t, c) for f, s, t, c, p in flows if p == parent]
    return out


lines = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<!-- Generated by src/tools/equality/equality_bpmn.py: edit the script, not this file. -->',
         '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
         'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
         'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_EqualityProgramApproval" '
         'targetNamespace="http://probity.org/processes">',
         f'  <bpmn:process id="{KEY}" name="Equality program approval" isExecutable="true" camunda:historyTimeToLive="P3650D">']
lines += ["    " + x for x in content(None)]
lines.append("  </bpmn:process>")
lines.append(f'  <bpmndi:BPMNDiagram id="BPMNDiagram_EqualityProgramApproval"><bpmndi:BPMNPlane id="BPMNPlane_EqualityProgramApproval" bpmnElement="{KEY}">')
for nid, kind, *_ in nodes:
    x, y, w, h = bounds[nid]
    extra = ' isExpanded="true"' if nid.startswith("SubProcess") else ""
    extra += ' isMarkerVisible="true"' if kind == "gateway" else ""
    lines.append(f'    <bpmndi:BPMNShape id="{nid}_di" bpmnElement="{nid}"{extra}><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}"/></bpmndi:BPMNShape>')
for fid, s, t, _, _ in flows:
    pts = "".join(f'<di:waypoint x="{x}" y="{y}"/>' for x, y in waypoints(s, t))
    lines.append(f'    <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">{pts}</bpmndi:BPMNEdge>')
lines.append("  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>")
lines.append("</bpmn:definitions>")
with open(f"processes/{KEY}.bpmn", "w") as out:
    out.write("\n".join(lines) + "\n")
print(len(nodes), "nodes,", len(flows), "flows")
