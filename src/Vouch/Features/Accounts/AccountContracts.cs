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
    string? Owner);

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
    Guid Version);

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
}
