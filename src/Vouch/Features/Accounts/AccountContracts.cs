namespace Vouch.Features.Accounts;

/// <summary>
/// An account as scripts write it: industry, products and country by name or key, the owner by email.
/// </summary>
public sealed record AccountInput(
    string? Name,
    string? Industry,
    string? Segment,
    string? Region,
    string? Country,
    int? Employees,
    decimal? AnnualRevenue,
    decimal? GrossProfit,
    DateOnly? CustomerSince,
    DateOnly? ContractDate,
    string? Owner,
    IReadOnlyList<string>? Products,
    IReadOnlyList<string>? CompetitorsReplaced,
    string? ExternalId,
    Guid? Version);

public sealed record AccountSummary(
    Guid Id,
    string Name,
    string? Industry,
    string? Segment,
    string? Region,
    string? Country,
    int? Employees,
    string? Owner)
{
    /// <summary>The customer's engagement value as last worked out; given when the list is sorted by value.</summary>
    public double? EngagementValue { get; init; }

    /// <summary>The customer's hidden-wealth multiple as last worked out; given when the list is sorted by value.</summary>
    public double? Multiple { get; init; }
}

public sealed record AccountResponse(
    Guid Id,
    string Name,
    string? Industry,
    string? Segment,
    string? Region,
    string? Country,
    string? CountryName,
    int? Employees,
    decimal? AnnualRevenue,
    decimal? GrossProfit,
    DateOnly? CustomerSince,
    DateOnly? ContractDate,
    string? Owner,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> CompetitorsReplaced,
    string? ExternalId,
    Guid Version)
{
    /// <summary>The owner's id in the CRM while no Vouch user matches it.</summary>
    public string? ExternalOwnerId { get; init; }

    /// <summary>From the latest answer of each of the account's contacts.</summary>
    public NetPromoterScore Nps { get; init; } = NetPromoterScore.Of([]);
}

/// <summary>A record deleted lately, for the list a reference manager undoes deletes from.</summary>
public sealed record DeletedRecord(string Kind, Guid Id, string Name, string? Account, DateTimeOffset DeletedAt, int ContactsDeletedWith);

/// <summary>The filters of <c>GET /api/v1/accounts</c>, named after the fields they filter.</summary>
public sealed record AccountFilter
{
    /// <summary>Industry name or key.</summary>
    public string? Industry { get; init; }

    /// <summary>Country ISO code or English name.</summary>
    public string? Country { get; init; }

    /// <summary>SmallBusiness, MidMarket or Enterprise.</summary>
    public string? Segment { get; init; }

    /// <summary>NorthAmerica, LatinAmerica, Emea or Apac.</summary>
    public string? Region { get; init; }

    /// <summary>Product name or key.</summary>
    public string? Product { get; init; }

    /// <summary>Owner's email.</summary>
    public string? Owner { get; init; }

    /// <summary>name (the default); engagementValue or multiple: customers with a value, highest first (a seller's own).</summary>
    public string? Sort { get; init; }
}
