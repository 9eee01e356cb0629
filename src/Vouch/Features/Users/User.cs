using Microsoft.AspNetCore.Identity;
using Vouch.Features.Contacts;

namespace Vouch.Features.Users;

/// <summary>A person who signs in to Vouch: an employee, or an advocate with a portal login.</summary>
public sealed class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;
    public const int ExternalIdMaxLength = 64;
    public const int NamePartMaxLength = 100;
    public const int ScimExternalIdMaxLength = 255;

    public User() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The customer contact an advocate is; their account is whose demand their votes add to. None for employees.</summary>
    public Guid? ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>Whether each notification also comes by email (when Vouch sends email at all); on unless the user turns it off.</summary>
    public bool EmailNotifications { get; set; } = true;

    /// <summary>Whether an advocate gets the monthly digest; one click in it turns it off.</summary>
    public bool ReceivesDigest { get; set; } = true;

    /// <summary>The language the user chose ("de"); null to follow their browser's.</summary>
    public string? Language { get; set; }

    /// <summary>The month ("2026-12") whose digest the user was last sent.</summary>
    public string? DigestSentFor { get; set; }

    /// <summary>The user's id in the CRM: records imported with this owner id become theirs.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The given and family names an identity provider sends; the app shows <see cref="DisplayName"/>.</summary>
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    /// <summary>The user's id in the identity provider that provisions them over SCIM (its <c>externalId</c>).</summary>
    public string? ScimExternalId { get; set; }

    /// <summary>
    /// When the identity provider deleted the user. The record stays, disabled and without roles, because what they did
    /// names them; SCIM answers as if it were gone, until the provider creates the same user name again.
    /// </summary>
    public DateTimeOffset? DeprovisionedAt { get; set; }
}
