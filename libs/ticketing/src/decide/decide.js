"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decide = decide;
const xstate_1 = require("xstate");
const event_ids_1 = require("../events/event-ids");
const upcasters_1 = require("../events/upcasters");
const explain_refusal_1 = require("../lifecycle/explain-refusal");
const lifecycle_snapshot_1 = require("../lifecycle/lifecycle-snapshot");
const emit_events_1 = require("./emit-events");
const check_references_1 = require("./check-references");
const validate_command_1 = require("./validate-command");
/**
 * Decides what a command does to a ticket: validates its fields, asks the lifecycle machine
 * whether it may happen now, and returns the resulting events with their metadata — or the
 * domain error that explains the refusal. Pure: same inputs, same events, same ids.
 */
function decide(command, state, ctx) {
    const problems = (0, validate_command_1.validateCommand)(command);
    if (problems.length > 0)
        return { ok: false, error: problems[0], problems };
    const snapshot = (0, lifecycle_snapshot_1.lifecycleSnapshot)(state, ctx.catalog.config.policies.reopenWindowDays);
    const event = { ...command, actor: ctx.actor, now: ctx.now.getTime() };
    if (!snapshot.can(event))
        return { ok: false, error: (0, explain_refusal_1.explainRefusal)(snapshot, event) };
    const missing = (0, check_references_1.checkReferences)(command, ctx.catalog);
    if (missing)
        return { ok: false, error: missing };
    const [next] = (0, xstate_1.transition)(snapshot.machine, snapshot, event);
    const status = next.value;
    const facts = (0, emit_events_1.emitEvents)(command, { state, now: ctx.now, actor: ctx.actor, catalog: ctx.catalog, commandId: ctx.commandId });
    const occurredAt = ctx.now.toISOString();
    const events = facts.map((fact, index) => ({
        ...fact,
        metadata: {
            eventId: (0, event_ids_1.deterministicEventId)(ctx.commandId, index),
            commandId: ctx.commandId,
            correlationId: ctx.correlationId ?? ctx.commandId,
            causationId: ctx.causationId ?? ctx.commandId,
            actor: ctx.actor,
            occurredAt,
            schemaVersion: upcasters_1.CURRENT_SCHEMA_VERSION[fact.type],
        },
    }));
    return { ok: true, events, status };
}
//# sourceMappingURL=decide.js.map