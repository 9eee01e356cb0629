namespace Vouch.Features.Referrals;

/// <summary>A prospect as deduplication reads it: the company's web domain and the person's email, both lower case.</summary>
public sealed record ProspectKey(string? Domain, string? Email)
{
    public bool IsEmpty => Domain is null && Email is null;
}

/// <summary>A referral already recorded, as deduplication compares it.</summary>
public sealed record KnownReferral(Guid Id, string? Domain, string? Email, DateTimeOffset CreatedAt);

/// <summary>What the inventory knows of a prospect that is a customer already; each null when nothing matched.</summary>
/// <param name="AccountNamed">The customer account whose name is the prospect company's.</param>
/// <param name="AccountOfEmail">The customer account of a contact whose email is the prospect's.</param>
public sealed record CustomerMatch(string? AccountNamed, string? AccountOfEmail);

/// <summary>
/// The rule of docs/decisions/0021-referral-deduplication.md: one prospect is one referral. The same company domain or
/// the same person's email (case-insensitive, "www." dropped) is the same prospect, credited to whoever referred it first;
/// a prospect that is a customer already is no referral at all.
/// </summary>
public static class ReferralDeduplication
{
    /// <summary>
    /// Mail providers anyone has an address at: a person's address there says nothing about their company, so it gives
    /// no company domain (two people with Gmail addresses are not one prospect).
    /// </summary>
    private static readonly HashSet<string> s_publicMail =
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com",
        "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com",
        "yandex.com", "hey.com", "fastmail.com",
    ];

    /// <summary>"https://www.Example.com/about" is "example.com"; what is no domain is null.</summary>
    public static string? Domain(string? text)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
        if (trimmed is null)
        {
            return null;
        }
        var host = Uri.TryCreate(trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed, UriKind.Absolute, out var uri) ? uri.Host : null;
        host = host?.StartsWith("www.", StringComparison.Ordinal) == true ? host[4..] : host;
        return host is not null && host.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(host) == UriHostNameType.Dns ? host : null;
    }

    /// <summary>An email as it is stored and compared: trimmed, lower case.</summary>
    public static string? Email(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();

    public static bool IsPublicMail(string domain) => s_publicMail.Contains(domain);

    /// <summary>The prospect's key: the domain typed, else the domain of the person's work email; and the email.</summary>
    public static ProspectKey KeyOf(string? companyDomain, string? email)
    {
        var address = Email(email);
        var mailDomain = address is null ? null : Domain(address.Split('@')[^1]);
        return new ProspectKey(Domain(companyDomain) ?? (mailDomain is null || IsPublicMail(mailDomain) ? null : mailDomain), address);
    }

    /// <summary>The first referral of the same prospect, which keeps the credit; null when the prospect is new.</summary>
    public static KnownReferral? SameProspect(ProspectKey prospect, IEnumerable<KnownReferral> known) =>
        prospect.IsEmpty
            ? null
            : known.Where(k => (prospect.Domain is not null && string.Equals(k.Domain, prospect.Domain, StringComparison.OrdinalIgnoreCase))
                    || (prospect.Email is not null && string.Equals(k.Email, prospect.Email, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).FirstOrDefault();

    /// <summary>
    /// Why the prospect is a customer already, as the field and the reason; null when it is not. The person's email is
    /// the surer sign, so it is named first.
    /// </summary>
    public static (string Field, string Reason)? AlreadyCustomer(CustomerMatch match, string companyField, string emailField, string? email) =>
        match.AccountOfEmail is { } ofEmail
            ? (emailField, $"{email} is a contact at {ofEmail}, an existing customer: a customer is not a referral.")
            : match.AccountNamed is { } named
                ? (companyField, $"{named} is an existing customer: a customer is not a referral.")
                : null;
}
