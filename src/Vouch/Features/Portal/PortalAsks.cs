using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Requests;

namespace Vouch.Features.Portal;

/// <summary>
/// An ask as the advocate sees it: what, for whom, by when, and where it stands. Never the seller's notes or the
/// reference team's.
/// </summary>
public sealed record PortalAsk(
    Guid Id, string Status, string Activity, string? Industry, DateOnly NeededBy, string? UseCase, string Requester,
    DateTimeOffset? ScheduledFor, IReadOnlyList<DateTimeOffset> ProposedTimes);

/// <summary>The asks of one advocate: those that wait on them or that they agreed to.</summary>
public sealed class PortalAsks(VouchDbContext db)
{
    public const string Waiting = "Waiting";

    private static readonly RequestStatus[] s_open = [RequestStatus.OwnerApproved, RequestStatus.Accepted, RequestStatus.Scheduled];

    public async Task<IReadOnlyList<PortalAsk>> ListAsync(Guid contactId, CancellationToken ct) =>
        [.. (await ReadAsync(Of(contactId).Where(r => s_open.Contains(r.Status)), ct))
            .OrderBy(a => a.Status != Waiting).ThenBy(a => a.ScheduledFor ?? DateTimeOffset.MaxValue).ThenBy(a => a.NeededBy)];

    /// <summary>One ask of the advocate's, whatever became of it; another advocate's is not found.</summary>
    public async Task<PortalAsk?> FindAsync(Guid contactId, Guid id, CancellationToken ct) =>
        (await ReadAsync(Of(contactId).Where(r => r.Id == id), ct)).SingleOrDefault();

    private IQueryable<ReferenceRequest> Of(Guid contactId) =>
        db.ReferenceRequests.AsNoTracking().Where(r => r.ContactId == contactId && r.AdvocateAskedAt != null);

    private static async Task<List<PortalAsk>> ReadAsync(IQueryable<ReferenceRequest> requests, CancellationToken ct) =>
        [.. (await requests
            .Select(r => new
            {
                r.Id, r.Status, Activity = r.ActivityType!.Name, Industry = r.Opportunity == null ? null : r.Opportunity.Account!.Industry!.Name,
                r.NeededBy, r.UseCase, Requester = r.Requester!.DisplayName, r.ScheduledFor, r.ProposedTimes,
            })
            .ToListAsync(ct))
            .Select(r => new PortalAsk(r.Id, r.Status == RequestStatus.OwnerApproved ? Waiting : r.Status.ToString(), r.Activity, r.Industry,
                r.NeededBy, r.UseCase, r.Requester, r.ScheduledFor, r.ProposedTimes))];
}
