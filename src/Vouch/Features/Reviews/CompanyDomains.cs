using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Auth;
using Vouch.Data;

namespace Vouch.Features.Reviews;

/// <summary>The <c>Reviews</c> section of the configuration.</summary>
public sealed class ReviewOptions
{
    /// <summary>
    /// The email domains of the company's own people ("vouch.com"): a contact with an email there works for us and is
    /// never invited to review. When none are set, the domains of the Vouch users who are not advocates.
    /// </summary>
    public List<string> CompanyEmailDomains { get; set; } = [];
}

/// <summary>The company's own email domains, as configured or as its employees' logins show them.</summary>
public sealed class CompanyDomains(VouchDbContext db, IOptions<ReviewOptions> options)
{
    public async Task<IReadOnlySet<string>> ReadAsync(CancellationToken ct)
    {
        var configured = options.Value.CompanyEmailDomains.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        if (configured.Count > 0)
        {
            return configured.Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        }
        var advocateRoles = db.Roles.Where(r => r.Name == Roles.Advocate).Select(r => r.Id);
        var emails = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && u.ContactId == null)
            .Where(u => !db.UserRoles.Any(ur => ur.UserId == u.Id && advocateRoles.Contains(ur.RoleId)))
            .Select(u => u.Email!)
            .ToListAsync(ct);
        return emails.Select(ReviewEligibility.DomainOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }
}
