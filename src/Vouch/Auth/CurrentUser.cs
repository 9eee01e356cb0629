using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Vouch.Features.Users;

namespace Vouch.Auth;

/// <summary>
/// Who is asking, in this request: their id and email, and what they may do, answered by ASP.NET Core's
/// authorization service from the same policies that guard the endpoints and pages. Nothing else reads roles.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, IAuthorizationService authorization)
{
    private readonly Dictionary<string, bool> _may = new(StringComparer.Ordinal);

    public ClaimsPrincipal Principal =>
        http.HttpContext?.User ?? throw new InvalidOperationException("There is no request, so there is no current user.");

    public Guid Id => Principal.UserId();

    /// <summary>The email the user signs in with, as the audit and notifications name them.</summary>
    public string Email => Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.Identity?.Name ?? "unknown";

    /// <summary>Whether the user passes <paramref name="policy"/>; asked once per request and policy.</summary>
    public async ValueTask<bool> MayAsync(string policy)
    {
        if (!_may.TryGetValue(policy, out var may))
        {
            _may[policy] = may = (await authorization.AuthorizeAsync(Principal, policy)).Succeeded;
        }
        return may;
    }
}
