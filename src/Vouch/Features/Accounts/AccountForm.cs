using Vouch.Features.Catalog;

namespace Vouch.Features.Accounts;

/// <summary>The account form as the browser posts it; it becomes an <see cref="AccountInput"/>, so the rules are the API's.</summary>
public sealed class AccountForm
{
    public string? Name { get; set; }
    public string? Industry { get; set; }
    public string? Segment { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }
    public int? Employees { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public decimal? GrossProfit { get; set; }
    public DateOnly? CustomerSince { get; set; }
    public DateOnly? ContractDate { get; set; }
    public string? Owner { get; set; }
    public List<string> Products { get; set; } = [];

    /// <summary>Comma-separated.</summary>
    public string? CompetitorsReplaced { get; set; }
    public string? ExternalId { get; set; }
    public Guid? Version { get; set; }

    public static AccountForm From(AccountResponse a) => new()
    {
        Name = a.Name, Industry = a.Industry, Segment = a.Segment, Region = a.Region, Country = a.Country, Employees = a.Employees,
        AnnualRevenue = a.AnnualRevenue, GrossProfit = a.GrossProfit, CustomerSince = a.CustomerSince, ContractDate = a.ContractDate,
        Owner = a.Owner, Products = [.. a.Products], CompetitorsReplaced = string.Join(", ", a.CompetitorsReplaced),
        ExternalId = a.ExternalId, Version = a.Version,
    };

    public AccountInput ToInput() => new(
        Name, Industry, Segment, Region, Country, Employees, AnnualRevenue, GrossProfit, CustomerSince, ContractDate, Owner, Products,
        (CompetitorsReplaced ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), ExternalId, Version);
}

/// <summary>What the form partial shows: the form, the choices, and why the last save was refused.</summary>
public sealed record AccountFormView(AccountForm Form, IReadOnlyList<Industry> Industries, IReadOnlyList<Product> Products, Refusal? Refusal)
{
    public IDictionary<string, string[]> Errors => Refusal?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>Someone else saved the account since the form was filled in.</summary>
    public bool Conflict => Refusal?.Kind == RefusalKind.Conflict;
}
