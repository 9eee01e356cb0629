using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;

namespace Vouch.Features.Referrals;

/// <summary>A peer an advocate refers: the prospect company and the person to talk to.</summary>
public sealed record ReferralInput(string? Company, string? CompanyDomain, string? PersonName, string? PersonTitle, string? PersonEmail, string? Note);

public sealed record ReferralResponse(
    Guid Id, Guid ReferredById, string ReferredBy, string Company, string? CompanyDomain, string PersonName, string? PersonTitle,
    string? PersonEmail, string? Note, string Status, DateTimeOffset CreatedAt);

/// <summary>Records referrals and lists them: the advocate's own, or every one for the program team.</summary>
public sealed class ReferralIntake(VouchDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxListed = 200;

    public async Task<CommandResult<ReferralResponse>> ReferAsync(Guid referredById, ReferralInput input, CancellationToken ct)
    {
        var advocate = await db.Contacts.AsNoTracking().Where(c => c.Id == referredById).Select(c => new { c.Id, c.AccountId }).SingleOrDefaultAsync(ct);
        if (advocate is null)
        {
            return Refusal.NotFound("The contact");
        }
        var errors = new ValidationErrors();
        errors.Required("company", input.Company, Referral.NameMaxLength);
        errors.Required("personName", input.PersonName, Referral.NameMaxLength);
        errors.MaxLength("personTitle", input.PersonTitle, Referral.NameMaxLength);
        errors.MaxLength("personEmail", input.PersonEmail, Contacts.Contact.EmailMaxLength);
        errors.MaxLength("note", input.Note, Referral.NoteMaxLength);
        var email = Clean(input.PersonEmail);
        if (email is not null && !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add("personEmail", $"'{email}' is not an email address.");
        }
        var domain = Domain(input.CompanyDomain) ?? (email is null ? null : Domain(email.Split('@')[^1]));
        if (!string.IsNullOrWhiteSpace(input.CompanyDomain) && domain is null)
        {
            errors.Add("companyDomain", $"'{input.CompanyDomain}' is not a web domain such as example.com.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var referral = new Referral
        {
            ReferredById = advocate.Id,
            AccountId = advocate.AccountId,
            Company = input.Company!.Trim(),
            CompanyDomain = domain,
            PersonName = input.PersonName!.Trim(),
            PersonTitle = Clean(input.PersonTitle),
            PersonEmail = email,
            Note = Clean(input.Note),
            Status = ReferralStatus.New,
            CreatedAt = clock.GetUtcNow(),
            RecordedById = user.Id,
        };
        db.Add(referral);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(referredById, ct)).Single(r => r.Id == referral.Id);
    }

    /// <summary>The newest referrals, of one advocate or of everyone.</summary>
    public async Task<IReadOnlyList<ReferralResponse>> ListAsync(Guid? referredById, CancellationToken ct) =>
        await db.Set<Referral>().AsNoTracking()
            .Where(r => referredById == null || r.ReferredById == referredById)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(MaxListed)
            .Select(r => new ReferralResponse(r.Id, r.ReferredById, r.ReferredBy!.FirstName + " " + r.ReferredBy.LastName, r.Company, r.CompanyDomain,
                r.PersonName, r.PersonTitle, r.PersonEmail, r.Note, r.Status.ToString(), r.CreatedAt))
            .ToListAsync(ct);

    /// <summary>"https://www.Example.com/about" is "example.com"; what is no domain is null.</summary>
    public static string? Domain(string? text)
    {
        var trimmed = Clean(text)?.ToLowerInvariant();
        if (trimmed is null)
        {
            return null;
        }
        var host = Uri.TryCreate(trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed, UriKind.Absolute, out var uri) ? uri.Host : null;
        host = host?.StartsWith("www.", StringComparison.Ordinal) == true ? host[4..] : host;
        return host is not null && host.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(host) == UriHostNameType.Dns ? host : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
