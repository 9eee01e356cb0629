using System.Security.Claims;

namespace Vouch.Data;

/// <summary>Who the audit log names for the changes made in this scope.</summary>
public sealed class AuditActor(IHttpContextAccessor httpContextAccessor)
{
    /// <summary>Who changes what no person or named job changes.</summary>
    public static readonly (Guid? UserId, string Name) System = (null, "system");

    private (Guid? UserId, string Name)? _override;
    private Dictionary<object, (Guid? UserId, string Name)>? _byRecord;

    /// <summary>Names the actor outside a web request, e.g. "cli".</summary>
    public void Set(Guid? userId, string name) => _override = (userId, name);

    /// <summary>
    /// Names the actor of one record's change, for a scope that writes on behalf of several people at once (votes written
    /// in one batch). Records not named here get <see cref="Current"/>.
    /// </summary>
    public void Attribute(object record, (Guid? UserId, string Name) actor) =>
        (_byRecord ??= new Dictionary<object, (Guid?, string)>(ReferenceEqualityComparer.Instance))[record] = actor;

    /// <summary>Who changed <paramref name="record"/>: whoever <see cref="Attribute"/> named, or else <see cref="Current"/>.</summary>
    public (Guid? UserId, string Name) Of(object record) =>
        _byRecord is not null && _byRecord.TryGetValue(record, out var actor) ? actor : Current;

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
            return httpContextAccessor.HttpContext is null ? System : (null, "anonymous");
        }
    }
}
