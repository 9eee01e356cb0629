using System.Security.Claims;

namespace Vouch.Data;

/// <summary>Who the audit log names for the changes made in this scope.</summary>
public sealed class AuditActor(IHttpContextAccessor httpContextAccessor)
{
    private (Guid? UserId, string Name)? _override;

    /// <summary>Names the actor outside a web request, e.g. "cli".</summary>
    public void Set(Guid? userId, string name) => _override = (userId, name);

    public (Guid? UserId, string Name) Current
    {
        get
        {
            if (_override is { } actor)
            {
                return actor;
            }
            var user = httpContextAccessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated == true)
            {
                var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
                return (id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "unknown");
            }
            return (null, httpContextAccessor.HttpContext is null ? "system" : "anonymous");
        }
    }
}
