using System.Security.Claims;
using Vouch.Auth;
using Vouch.Features.Users;

namespace Vouch.Features.Requests;

/// <summary>
/// Who acts on a request, and in which capacity: reference managers do everything, executives read, sellers see the
/// requests they made and those whose consent they owe as account owner, advocates answer their own asks.
/// </summary>
public sealed record RequestActor(Guid UserId, string Name, bool IsManager, bool IsExecutive, bool IsAdvocate, Guid? ContactId)
{
    public bool ReadsAll => IsManager || IsExecutive;

    public static RequestActor Of(ClaimsPrincipal principal, Guid? contactId = null) => new(
        principal.UserId(),
        principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name ?? "unknown",
        Policies.RolesByPolicy[Policies.ManageInventory].Any(principal.IsInRole),
        principal.IsInRole(Roles.Executive),
        principal.IsInRole(Roles.Advocate),
        contactId);

    /// <summary>Whether the actor sees the request at all; everyone else is told it does not exist.</summary>
    public bool Sees(ReferenceRequest request) =>
        ReadsAll || request.RequesterId == UserId || request.AccountOwnerId == UserId || IsAsked(request);

    /// <summary>The advocate the request asks, once their account owner agreed to it.</summary>
    public bool IsAsked(ReferenceRequest request) =>
        IsAdvocate && ContactId is { } contact && request.ContactId == contact && request.AdvocateAskedAt is not null;
}
