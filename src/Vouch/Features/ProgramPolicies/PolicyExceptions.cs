using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Requests;

namespace Vouch.Features.ProgramPolicies;

/// <summary>
/// Requests outside the program's policy and the reference managers' decisions on them: an approved exception lets
/// the request go on, a declined one ends it. Either needs a reason.
/// </summary>
public sealed class PolicyExceptions(VouchDbContext db, RequestWorkflow workflow, TimeProvider clock)
{
    private static readonly Refusal s_notFound = Refusal.NotFound("The request's policy exception");

    /// <summary>The exception of a request the actor sees; null when the request is within policy or not theirs to see.</summary>
    public async Task<PolicyExceptionResponse?> FindAsync(RequestActor actor, Guid requestId, CancellationToken ct)
    {
        var request = await db.ReferenceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !actor.Sees(request))
        {
            return null;
        }
        var exception = await db.Set<PolicyException>().AsNoTracking().SingleOrDefaultAsync(e => e.RequestId == requestId, ct);
        return exception is null ? null : Response(exception);
    }

    public async Task<CommandResult<PolicyExceptionResponse>> DecideAsync(RequestActor actor, Guid requestId, ExceptionDecisionBody body, CancellationToken ct)
    {
        var decision = body.Decision?.Trim().ToLowerInvariant();
        var errors = new ValidationErrors();
        if (decision is not ("approve" or "decline"))
        {
            errors.Add("decision", "decision must be approve or decline.");
        }
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            errors.Add("reason", "reason is required: say why the request may go outside policy, or why it may not.");
        }
        errors.MaxLength("reason", body.Reason?.Trim(), PolicyException.ReasonMaxLength);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var request = await db.ReferenceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        var exception = await db.Set<PolicyException>().SingleOrDefaultAsync(e => e.RequestId == requestId, ct);
        if (request is null || !actor.Sees(request) || exception is null)
        {
            return s_notFound;
        }
        if (!actor.IsManager)
        {
            return Refusal.Forbidden("You may not take this step.", "Only a reference manager decides on exceptions to the program's policy.");
        }
        if (exception.State != ExceptionState.Requested)
        {
            return Refusal.Conflict("The exception was decided already.", $"It was {exception.State.ToString().ToLowerInvariant()} by {exception.DecidedBy}: {exception.Reason}");
        }
        var reason = body.Reason!.Trim();
        (exception.DecidedById, exception.DecidedBy, exception.DecidedAt, exception.Reason) = (actor.UserId, actor.Name, clock.GetUtcNow(), reason);
        try
        {
            if (decision == "approve")
            {
                exception.State = ExceptionState.Approved;
                await workflow.NotifyExceptionApprovedAsync(actor, requestId, reason, ct);
                await db.SaveChangesAsync(ct);
            }
            else
            {
                exception.State = ExceptionState.Declined;
                // The request ends in the same save; a request that moved on meanwhile refuses and nothing is saved.
                var declined = await workflow.DeclineOutsidePolicyAsync(actor, requestId, reason, ct);
                if (!declined.Succeeded)
                {
                    return declined.Refusal;
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("The exception was decided already.", "Another reference manager decided it while you did; reload it to see their decision.");
        }
        return Response(exception);
    }

    /// <summary>The exceptions asked for, waiting, approved and declined, in all and per rule.</summary>
    public async Task<ExceptionCounts> CountsAsync(CancellationToken ct)
    {
        var all = await db.Set<PolicyException>().AsNoTracking().Select(e => new { e.State, e.Rules }).ToListAsync(ct);
        int Count(IEnumerable<ExceptionState> states, ExceptionState state) => states.Count(s => s == state);
        return new ExceptionCounts(
            all.Count, Count(all.Select(e => e.State), ExceptionState.Requested), Count(all.Select(e => e.State), ExceptionState.Approved),
            Count(all.Select(e => e.State), ExceptionState.Declined),
            [.. PolicyEngine.Rules.Select(rule => all.Where(e => e.Rules.Contains(rule)).Select(e => e.State).ToList() is var states
                ? new RuleExceptionCount(rule, states.Count, Count(states, ExceptionState.Requested), Count(states, ExceptionState.Approved), Count(states, ExceptionState.Declined))
                : null!)]);
    }

    private static PolicyExceptionResponse Response(PolicyException e) =>
        new(e.RequestId, e.State.ToString(), e.Rules, e.Reasons, e.RequestedAt, e.DecidedBy, e.DecidedAt, e.Reason);
}
