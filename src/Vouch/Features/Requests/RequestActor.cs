using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;

namespace Vouch.Features.Requests;

/// <summary>
/// Who acts on a request, and in which capacity: reference managers do everything, executives read, sellers see the
/// requests they made and those whose consent they owe as account owner, advocates answer their own asks.
/// </summary>
public sealed record RequestActor(Guid UserId, string Name, bool IsManager, bool ReadsAll, bool IsAdvocate, Guid? ContactId)
{
    public static async Task<RequestActor> OfAsync(CurrentUser user, Guid? contactId = null) => new(
        user.Id,
        user.Email,
        await user.MayAsync(Policies.ManageInventory),
        // Reference managers, admins and executives read every request: the people the reports policy lets in.
        await user.MayAsync(Policies.ReadReports),
        await user.MayAsync(Policies.AdvocatePortal),
        contactId);

    /// <summary>The actor with the contact they are when they are an advocate, so the asks of them are theirs.</summary>
    public static async Task<RequestActor> WithContactAsync(CurrentUser user, VouchDbContext db, CancellationToken ct) =>
        await OfAsync(user, await user.MayAsync(Policies.AdvocatePortal)
            ? await db.Users.Where(u => u.Id == user.Id).Select(u => u.ContactId).SingleOrDefaultAsync(ct)
            : null);

    /// <summary>Whether the actor sees the request at all; everyone else is told it does not exist.</summary>
    public bool Sees(ReferenceRequest request) =>
        ReadsAll || request.RequesterId == UserId || request.AccountOwnerId == UserId || IsAsked(request);

    /// <summary>
    /// The requests the employee's lists show them: every request to those who read all, else those they made and those
    /// whose consent they owe as account owner.
    /// </summary>
    public IQueryable<ReferenceRequest> Listed(IQueryable<ReferenceRequest> requests) =>
        ReadsAll ? requests : requests.Where(r => r.RequesterId == UserId || r.AccountOwnerId == UserId);

    /// <summary>The advocate the request asks, once their account owner agreed to it.</summary>
    public bool IsAsked(ReferenceRequest request) =>
        IsAdvocate && ContactId is { } contact && request.ContactId == contact && request.AdvocateAskedAt is not null;
}
